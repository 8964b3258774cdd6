import { useState } from "react";
import {
  computeDiagnosticsKernelDefault,
  diagnose,
  isCause,
  type CauseFinding,
  type Finding,
} from "../domain/diagnostics/diagnose";
import { type Diagnostics } from "../domain/diagnostics/dump";
import { pasteEntryBytes } from "../domain/diagnostics/paste-entry-bytes";
import { kernelRules } from "../domain/kernel/kernel-defaults";
import { formatInteger } from "../domain/core/format";
import type { AnyFieldKey } from "../domain/sizing/fields";
import { alertsFiringNow, type AlertReason } from "../domain/config/targets/alerts-now";
import { useAlertThreshold } from "../store/extras";
import { useMessages, usePart } from "../store/messages";
import { PASTE, type CauseText, type PasteMessages } from "../i18n/parts/paste";
import { useSizing } from "../store/calc-store";
import { fieldText } from "./messages";
import { RichText } from "./rich-text";

/**
 * Reports what was read from a pasted dump (applyPaste() read it and filled the calculator) and
 * what it means. Loaded lazily by the diagnostics panel.
 */
export function PasteReport({
  diagnostics,
  filledKeys,
}: {
  diagnostics: Diagnostics;
  filledKeys: readonly AnyFieldKey[];
}) {
  const { t, locale } = useMessages();
  // The line list can hold 20,000 rows: it is built only while open.
  const [linesOpen, setLinesOpen] = useState(false);
  const { sizing, inputs } = useSizing();
  const n = (value: number) => formatInteger(value, locale);
  const p = usePart(PASTE);
  const recognised = diagnostics.lines.filter((line) => line.kind !== "ignored").length;
  const kernelDefault = computeDiagnosticsKernelDefault(diagnostics);
  const findings = diagnose(diagnostics, kernelDefault ?? undefined);
  const entry = pasteEntryBytes(diagnostics.slab, diagnostics.kernelRelease, diagnostics.arch, inputs);
  const count = diagnostics.conntrackCount ?? diagnostics.stats?.entries;
  const max = diagnostics.conntrackMax;
  const { tableFullMessages, tableFullNetnsMessages } = diagnostics;
  const logged =
    tableFullMessages === undefined && tableFullNetnsMessages === undefined
      ? undefined
      : (tableFullMessages ?? 0) + (tableFullNetnsMessages ?? 0);

  return (
    <div className="paste-report" role="region" aria-label={p.diagnosisHeading}>
      {recognised === 0 ? (
        <p className="warning" role="note">
          <RichText text={p.nothingRecognised} />
        </p>
      ) : (
        <>
          {filledKeys.length > 0 && (
            <p className="filled" role="status">
              {p.filled({ fields: filledKeys.map((key) => fieldText(t, key).label).join(p.listSeparator) })}
            </p>
          )}
          {entry && (
            <p className="block-why" data-testid="paste-entry-bytes" data-value={entry.totalBytes}>
              {p.entryCost({ ...entry, slabKiB: (entry.pageBytes * entry.pagesPerSlab) / 1024 })}{" "}
              {diagnostics.slab?.pageBytesAssumed && p.pageAssumed({ pageBytes: diagnostics.slab.pageBytes })}
            </p>
          )}
          {diagnostics.unavailable.length > 0 && (
            <p className="block-why">
              {p.unavailable({
                sources: diagnostics.unavailable
                  .map((source) => p.unavailableSources[source])
                  .join(p.clauseSeparator),
              })}
            </p>
          )}
          <h3>{p.diagnosisHeading}</h3>
          <dl className="current">
            {count !== undefined && (
              <div>
                <dt>{p.currentCount}</dt>
                <dd data-testid="current-count" data-value={count}>
                  {n(count)}
                </dd>
              </div>
            )}
            {max !== undefined && (
              <div>
                <dt>{p.currentMax}</dt>
                <dd data-testid="current-max" data-value={max}>
                  {n(max)}
                </dd>
              </div>
            )}
            {logged !== undefined && (
              <div>
                <dt>{p.tableFullLogged}</dt>
                <dd data-testid="table-full-messages" data-value={logged}>
                  {n(logged)}
                  {(tableFullNetnsMessages ?? 0) > 0 && p.netnsShare({ netns: tableFullNetnsMessages ?? 0 })}
                </dd>
              </div>
            )}
          </dl>
          <ul className="differences" data-testid="diagnosis">
            {findings.map((finding) =>
              isCause(finding) ? (
                <CauseItem key={finding.code} finding={finding} />
              ) : (
                <li key={finding.code} className={finding.severity}>
                  {findingMessage(p, finding)}
                </li>
              ),
            )}
            {(max !== undefined || diagnostics.conntrackBuckets !== undefined) && (
              <li className="info">
                {p.change({ max: sizing.max, buckets: sizing.buckets, memoryBytes: sizing.memory.total })}
              </li>
            )}
          </ul>
          <AlertsNowReport diagnostics={diagnostics} />
        </>
      )}
      {diagnostics.truncated && (
        <p className="warning" data-testid="paste-truncated">
          {p.truncated}
        </p>
      )}
      <details onToggle={(event) => setLinesOpen(event.currentTarget.open)}>
        <summary>{p.linesSummary({ recognised, ignored: diagnostics.lines.length - recognised })}</summary>
        {linesOpen && <LinesTable diagnostics={diagnostics} />}
      </details>
    </div>
  );
}

/** At most this many lines are listed; the rest are counted in the summary. */
const LISTED_LINES = 1000;

function LinesTable({ diagnostics }: { diagnostics: Diagnostics }) {
  const p = usePart(PASTE);
  const listed = diagnostics.lines.slice(0, LISTED_LINES);
  return (
    <div className="table-wrap lines">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.columns.line}</th>
            <th scope="col">{p.columns.text}</th>
            <th scope="col">{p.columns.reading}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((line) => (
            <tr key={line.lineNumber} className={line.kind === "ignored" ? "ignored" : undefined}>
              <td>{line.lineNumber}</td>
              <td>
                <code>{line.text}</code>
              </td>
              <td>
                {p.kinds[line.kind]}
                {line.note && ` (${p.notes[line.note]})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diagnostics.lines.length > LISTED_LINES && (
        <p className="block-why">{p.moreLines({ lines: diagnostics.lines.length - LISTED_LINES })}</p>
      )}
    </div>
  );
}

/** A cause: what happened, with the numbers that show it, then the fixes that work for it. */
function CauseItem({ finding }: { finding: CauseFinding }) {
  const p = usePart(PASTE);
  const text = causeText(p, finding);
  return (
    <li className={`cause ${finding.severity}`} data-cause={finding.code}>
      <strong>{text.summary}</strong>
      <span className="fixes-label"> {p.fixesLabel}</span>
      <ul className="fixes">
        {text.fixes.map((fix) => (
          <li key={fix}>
            <RichText text={fix} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function causeText(paste: PasteMessages, finding: CauseFinding): CauseText {
  const c = paste.causes;
  switch (finding.code) {
    case "cause-table-full":
      return { summary: c[finding.code].summary(finding), fixes: c[finding.code].fixes };
    case "cause-other-namespace": {
      const other = c[finding.code];
      const named = finding.namespaces[0];
      if (named === undefined) return { summary: other.summary(finding), fixes: other.fixes };
      // Named in the log: say which, and find that one instead of listing every namespace.
      return {
        summary: other.summary(finding) + other.named({ ...named, others: finding.namespaces.length - 1 }),
        fixes: [other.find(named), ...other.fixes.slice(1)],
      };
    }
    case "cause-insert-race": {
      const race = c[finding.code];
      return { summary: race.summary(finding), fixes: [race.resolution[finding.resolution], ...race.fixes] };
    }
    case "cause-chain-too-long":
      return { summary: c[finding.code].summary(finding), fixes: c[finding.code].fixes };
    case "cause-invalid":
      return { summary: c[finding.code].summary(finding), fixes: c[finding.code].fixes };
  }
}

function findingMessage(paste: PasteMessages, finding: Exclude<Finding, CauseFinding>): string {
  const f = paste.findings;
  switch (finding.code) {
    case "fill":
    case "fill-high":
      return f[finding.code]({ share: finding.share });
    case "max-unlimited":
      return f["max-unlimited"](finding);
    case "count-zero-namespace":
      return f["count-zero-namespace"]();
    case "no-table-full":
      return f["no-table-full"]();
    case "drops":
      return f.drops({ drops: finding.drop });
    case "insert-failed":
      return f["insert-failed"]({ inserts: finding.insertFailed, clashResolve: finding.clashResolve });
    case "early-drops":
      return f["early-drops"]({ drops: finding.earlyDrop });
    case "chain-too-long":
      return f["chain-too-long"]({ inserts: finding.chainTooLong });
    case "chain-length":
      return f["chain-length"]({ average: finding.average });
    case "default-max":
      return f["default-max"]({ max: finding.max });
    case "tuned-max":
      return f["tuned-max"]({ max: finding.max, kernelDefault: finding.kernelDefault });
    case "default-buckets":
      return f["default-buckets"]({ buckets: finding.buckets });
    case "tuned-buckets":
      return f["tuned-buckets"]({ buckets: finding.buckets, kernelDefault: finding.kernelDefault });
  }
}

/**
 * Which of the alerting targets' alerts (the Prometheus rules, the check script) would fire on
 * this machine now, at the page's threshold, and which the paste cannot tell.
 */
function AlertsNowReport({ diagnostics }: { diagnostics: Diagnostics }) {
  const p = usePart(PASTE);
  const threshold = useAlertThreshold();
  const { inputs } = useSizing();
  const { firing, unknown } = alertsFiringNow(
    diagnostics,
    threshold,
    kernelRules(inputs.kernel).maxZeroMeansNoLimit,
  );
  return (
    <div data-testid="alerts-now" data-value={firing.map((alert) => alert.name).join(" ")}>
      <h3>{p.alertsHeading({ threshold })}</h3>
      {firing.length === 0 ? (
        <p>{p.alertsNone({ unknown: unknown.length > 0 })}</p>
      ) : (
        <ul className="differences">
          {firing.map(({ name, reason }) => (
            <li key={name} className="warning">
              <code>{name}</code>: {alertReasonMessage(p, reason)}
            </li>
          ))}
        </ul>
      )}
      {unknown.length > 0 && (
        <p className="block-why">{p.alertsUnknown({ names: unknown.join(p.listSeparator) })}</p>
      )}
    </div>
  );
}

function alertReasonMessage(p: PasteMessages, reason: AlertReason): string {
  const r = p.alertReasons;
  switch (reason.code) {
    case "fill-above-threshold":
      return r["fill-above-threshold"](reason);
    case "counter-since-boot":
      return r["counter-since-boot"](reason);
    case "table-full-logged":
      return r["table-full-logged"](reason);
  }
}
