import { useMemo, useRef, useState } from "react";
import { formatInteger } from "../domain/core/format";
import { defaultTimeouts, timeoutUrlKey } from "../domain/kernel/timeouts";
import { readInputs } from "../domain/sizing/inputs";
import type { Finding } from "../domain/table/findings";
import { staleDestinations } from "../domain/table/findings";
import { renderStaleDelete } from "../domain/table/stale-delete";
import { computeTableMax, neededMax, type TableMax } from "../domain/table/table-max";
import type { TableReading } from "../domain/table/table-reader";
import type { TableStats } from "../domain/table/table-stats";
import { renderTableSummary } from "../domain/table/table-summary";
import { computeTimeoutWhatIf, type TimeoutWhatIf } from "../domain/table/timeout-what-if";
import { readTraffic } from "../domain/traffic/traffic-fields";
import type { TableMessages } from "../i18n/parts/table";
import { applyFields, setField, useCalcStore } from "../store/calc-store";
import { useMessages } from "../store/messages";
import { ConfigBlock } from "./config-block";
import { CopyStatusText } from "./copy-status";
import { duration } from "./duration";
import { useCopy } from "./use-copy";

/** The headroom field's value (the traffic section's), as the traffic sizing reads it. */
function useHeadroom(): number {
  const validRaw = useCalcStore((state) => state.validRaw);
  return useMemo(() => readTraffic(validRaw).headroomPercent, [validRaw]);
}

/** `conntrack -D` for the destinations whose every entry is unreplied; nothing when there are none. */
export function StaleDelete({ words, stats }: { words: TableMessages; stats: TableStats }) {
  const text = useMemo(
    () => renderStaleDelete(staleDestinations(stats), Object.keys(stats.zones).length > 0),
    [stats],
  );
  if (text === null) return null;
  const w = words.fix.stale;
  return (
    <section className="table-fix" aria-labelledby="stale-heading">
      <h3 id="stale-heading">{w.heading}</h3>
      <p className="block-why">{w.intro}</p>
      <ConfigBlock
        block={{
          id: "stale-delete",
          testId: "stale-delete",
          title: w.title,
          why: w.why,
          path: null,
          text,
          fileName: null,
        }}
      />
    </section>
  );
}

/** For each timeout with entries here: what shorter values would have left, and a button per value. */
export function TimeoutWhatIfs({ words, stats }: { words: TableMessages; stats: TableStats }) {
  const headroom = useHeadroom();
  // The kernel field's text, a stable string: readInputs() makes a new object on every call.
  const kernelText = useCalcStore((state) => state.validRaw.kernel);
  const whatIfs = useMemo(() => {
    const { kernel } = readInputs({ ...useCalcStore.getState().validRaw, kernel: kernelText });
    return computeTimeoutWhatIf(stats.idle, stats.entries, headroom, defaultTimeouts(kernel));
  }, [stats, headroom, kernelText]);
  if (whatIfs.length === 0) return null;
  const w = words.fix.whatIf;
  return (
    <section className="table-fix" aria-labelledby="whatif-heading" data-testid="table-whatif">
      <h3 id="whatif-heading">{w.heading}</h3>
      <p className="block-why">{w.intro}</p>
      {whatIfs.map((whatIf) => (
        <WhatIfTable key={whatIf.key} whatIf={whatIf} words={words} stats={stats} headroom={headroom} />
      ))}
      <p className="field-hint">{w.caveat}</p>
    </section>
  );
}

function WhatIfTable({
  whatIf,
  words,
  stats,
  headroom,
}: {
  whatIf: TimeoutWhatIf;
  words: TableMessages;
  stats: TableStats;
  headroom: number;
}) {
  const { locale } = useMessages();
  const n = (value: number) => formatInteger(value, locale);
  const w = words.fix.whatIf;
  const field = timeoutUrlKey(whatIf.key);
  const current = useCalcStore((state) => state.raw[field].trim());
  const sysctl = `nf_conntrack_${whatIf.key}`;
  return (
    <div className="table-wrap">
      <table className="whatif" data-testid={`table-whatif-${whatIf.key}`}>
        <caption>
          {w.caption({ sysctl, now: duration(whatIf.assumedSeconds), count: whatIf.entries })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.columns.value}</th>
            <th scope="col">{w.columns.gone}</th>
            <th scope="col">{w.columns.max}</th>
            <th scope="col">{w.columns.action}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {duration(whatIf.assumedSeconds)} ({w.now})
            </th>
            <td>0</td>
            <td>{n(neededMax(stats.entries, headroom))}</td>
            <td />
          </tr>
          {whatIf.candidates.map((candidate) => {
            const pressed = current === String(candidate.seconds);
            return (
              <tr
                key={candidate.seconds}
                data-seconds={candidate.seconds}
                data-gone={candidate.gone}
                data-max={candidate.neededMax}
              >
                <th scope="row">
                  {duration(candidate.seconds)}
                  {candidate.kernelDefault && ` (${w.kernelDefault})`}
                </th>
                <td>{w.gone({ count: candidate.gone, share: candidate.gone / stats.entries })}</td>
                <td>{n(candidate.neededMax)}</td>
                <td>
                  <button
                    type="button"
                    className="preset"
                    aria-pressed={pressed}
                    aria-label={w.setLabel({ sysctl, seconds: candidate.seconds })}
                    onClick={() => setField(field, String(candidate.seconds))}
                  >
                    {pressed ? w.isSet : w.set}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Use as nf_conntrack_max": the counted entries plus the headroom, and the NAT role the table shows. */
export function UseAsMax({ words, stats }: { words: TableMessages; stats: TableStats }) {
  const headroom = useHeadroom();
  const validRaw = useCalcStore((state) => state.validRaw);
  const planned = useMemo(() => {
    const inputs = readInputs(validRaw);
    return computeTableMax({
      entries: stats.entries,
      nat: stats.nat,
      headroomPercent: headroom,
      kernel: inputs.kernel,
      arch: inputs.arch,
      role: inputs.role,
      structSet: validRaw.struct.trim() !== "",
    });
  }, [stats, headroom, validRaw]);
  // What was applied, for this reading only: a new table starts without the message.
  const [applied, setApplied] = useState<{ stats: TableStats; result: TableMax } | null>(null);
  const done = applied?.stats === stats ? applied.result : null;
  const w = words.fix.useMax;
  return (
    <section className="table-fix" aria-labelledby="use-max-heading">
      <h3 id="use-max-heading">{w.heading}</h3>
      <p data-testid="table-use-max-plan" data-value={planned.max}>
        {w.explain({ count: stats.entries, headroom, max: planned.max })}
      </p>
      <button
        type="button"
        data-testid="table-use-max"
        onClick={() => {
          applyFields(planned.fields);
          setApplied({ stats, result: planned });
        }}
      >
        {w.button}
      </button>
      <div role="status" aria-live="polite" data-testid="table-use-max-done">
        {done && (
          <>
            <p>{w.done({ max: done.max })}</p>
            {done.fields.role &&
              (done.entryBytes ? (
                <p>{w.role({ nat: done.natEntries, from: done.entryBytes.from, to: done.entryBytes.to })}</p>
              ) : (
                <p>{w.roleOnly({ nat: done.natEntries })}</p>
              ))}
          </>
        )}
      </div>
    </section>
  );
}

/** "Copy summary": the reading as Markdown tables, addresses masked on request. */
export function CopySummary({
  words,
  reading,
  findings,
}: {
  words: TableMessages;
  reading: TableReading;
  findings: readonly Finding[];
}) {
  const { locale, t } = useMessages();
  // Off by default: a ticket inside the team needs the addresses to act on (which backend is dead).
  const [masked, setMasked] = useState(false);
  const [status, copy] = useCopy();
  const preview = useRef<HTMLDetailsElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  // Where the clipboard is refused, the preview opens with its text selected, for Ctrl+C.
  const selectText = () => {
    if (preview.current) preview.current.open = true;
    const selection = window.getSelection();
    if (pre.current && selection) selection.selectAllChildren(pre.current);
  };
  const w = words.fix.summary;
  const text = useMemo(
    () =>
      renderTableSummary({
        reading,
        findings,
        describe: (finding) => (words.findings[finding.code] as (f: Finding) => string)(finding),
        // The totals' names are the panel's own.
        words: { ...w.words, totals: words.totals },
        locale,
        maskAddresses: masked,
      }),
    [reading, findings, words, w.words, locale, masked],
  );
  return (
    <section className="table-fix" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{w.heading}</h3>
      <div className="summary-controls">
        <label>
          <input
            type="checkbox"
            checked={masked}
            aria-describedby="summary-mask-hint"
            onChange={(event) => setMasked(event.currentTarget.checked)}
          />{" "}
          {w.mask}
        </label>
        <button type="button" data-testid="table-copy-summary" onClick={() => copy(text, selectText)}>
          {w.button}
        </button>
        <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
      </div>
      <p className="field-hint" id="summary-mask-hint">
        {w.maskHint}
      </p>
      <details className="summary-preview" ref={preview}>
        <summary>{w.preview}</summary>
        <pre ref={pre} className="snippet" tabIndex={0} data-testid="table-summary">
          {text}
        </pre>
      </details>
    </section>
  );
}
