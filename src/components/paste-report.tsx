import { useEffect, useMemo, useRef, useState } from "react";
import { computeDiagnosticsKernelDefault, diagnose, type Finding } from "../domain/diagnostics/diagnose";
import { parseDiagnostics } from "../domain/diagnostics/parse-diagnostics";
import { suggestedFields, suggestedTimeoutFields } from "../domain/diagnostics/suggestions";
import type { Diagnostics } from "../domain/diagnostics/dump";
import { formatBinaryBytes, formatDecimal, formatInteger, formatPercent } from "../domain/core/format";
import type { AnyFieldKey } from "../domain/sizing/fields";
import type { Locale } from "../domain/core/locale";
import type { Messages } from "../i18n/en";
import { useMessages } from "../i18n/messages";
import { applyFields, useSizing } from "../store/calc-store";
import { fieldText } from "./messages";
import { RichText } from "./rich-text";

/**
 * Reads a pasted dump, fills the calculator from it once, and reports what was read and what it
 * means. Loaded lazily by the diagnostics panel.
 */
export function PasteReport({ text }: { text: string }) {
  const { inputs } = useSizing();
  const diagnostics = useMemo(() => parseDiagnostics(text), [text]);
  // The host's tuned timeouts come along, so the generated sysctl file keeps them.
  const kernel = inputs.kernel;
  const suggested = useMemo(
    () => ({ ...suggestedFields(diagnostics), ...suggestedTimeoutFields(diagnostics, kernel) }),
    [diagnostics, kernel],
  );

  // A new paste fills the calculator once; editing a field afterwards is not undone.
  const appliedFor = useRef<Diagnostics | null>(null);
  useEffect(() => {
    if (appliedFor.current !== diagnostics) {
      appliedFor.current = diagnostics;
      applyFields(suggested);
    }
  }, [diagnostics, suggested]);

  return <Report diagnostics={diagnostics} filledKeys={Object.keys(suggested) as AnyFieldKey[]} />;
}

function Report({
  diagnostics,
  filledKeys,
}: {
  diagnostics: Diagnostics;
  filledKeys: readonly AnyFieldKey[];
}) {
  const { t, locale } = useMessages();
  // The line list can hold 20,000 rows: it is built only while open.
  const [linesOpen, setLinesOpen] = useState(false);
  const { sizing } = useSizing();
  const n = (value: number) => formatInteger(value, locale);
  const p = t.paste;
  const recognised = diagnostics.lines.filter((line) => line.kind !== "ignored").length;
  const kernelDefault = computeDiagnosticsKernelDefault(diagnostics);
  const findings = diagnose(diagnostics, kernelDefault ?? undefined);
  const count = diagnostics.conntrackCount ?? diagnostics.stats?.entries;
  const max = diagnostics.conntrackMax;

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
              {p.filled(filledKeys.map((key) => fieldText(t, key).label).join(", "))}
            </p>
          )}
          {diagnostics.slab && (
            <p className="block-why">
              {p.slabCost(
                n(diagnostics.slab.objectSize),
                n(diagnostics.slab.effectiveBytesPerEntry),
                n(diagnostics.slab.objectsPerSlab),
                n(diagnostics.slab.pagesPerSlab),
              )}{" "}
              {diagnostics.slab.pageBytesAssumed && p.pageAssumed}
            </p>
          )}
          {diagnostics.unavailable.length > 0 && (
            <p className="block-why">
              {p.unavailable(
                diagnostics.unavailable.map((source) => p.unavailableSources[source]).join("; "),
              )}
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
          </dl>
          <ul className="differences" data-testid="diagnosis">
            {findings.map((finding) => (
              <li key={finding.code} className={finding.severity}>
                {findingMessage(t, finding, locale)}
              </li>
            ))}
            {(max !== undefined || diagnostics.conntrackBuckets !== undefined) && (
              <li className="info">
                {p.change(n(sizing.max), n(sizing.buckets), formatBinaryBytes(sizing.memory.total))}
              </li>
            )}
          </ul>
        </>
      )}
      {diagnostics.truncated && (
        <p className="warning" data-testid="paste-truncated">
          {p.truncated}
        </p>
      )}
      <details onToggle={(event) => setLinesOpen(event.currentTarget.open)}>
        <summary>{p.linesSummary(n(recognised), n(diagnostics.lines.length - recognised))}</summary>
        {linesOpen && <LinesTable diagnostics={diagnostics} />}
      </details>
    </div>
  );
}

/** At most this many lines are listed; the rest are counted in the summary. */
const LISTED_LINES = 1000;

function LinesTable({ diagnostics }: { diagnostics: Diagnostics }) {
  const { t, locale } = useMessages();
  const p = t.paste;
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
        <p className="block-why">
          {p.moreLines(formatInteger(diagnostics.lines.length - LISTED_LINES, locale))}
        </p>
      )}
    </div>
  );
}

function findingMessage(t: Messages, finding: Finding, locale: Locale): string {
  const n = (value: number) => formatInteger(value, locale);
  const f = t.paste.findings;
  switch (finding.code) {
    case "fill":
    case "fill-high":
      return f[finding.code](formatPercent(finding.share));
    case "max-unlimited":
      return f["max-unlimited"]();
    case "table-full-seen": {
      const details = [
        finding.messages !== null ? t.paste.tableFullMessages(finding.messages, n(finding.messages)) : null,
        finding.drop !== null ? t.paste.droppedPackets(n(finding.drop)) : null,
        finding.suppressedCallbacks ? t.paste.suppressed(n(finding.suppressedCallbacks)) : null,
      ].filter((part): part is string => part !== null);
      return f["table-full-seen"](details.join("; "));
    }
    case "no-table-full":
      return f["no-table-full"]();
    case "drops":
      return f.drops(n(finding.drop));
    case "insert-failed":
      return f["insert-failed"](n(finding.insertFailed));
    case "early-drops":
      return f["early-drops"](n(finding.earlyDrop));
    case "chain-too-long":
      return f["chain-too-long"](n(finding.chainTooLong));
    case "chain-length":
      return f["chain-length"](formatDecimal(finding.average));
    case "default-max":
      return f["default-max"](n(finding.max));
    case "tuned-max":
      return f["tuned-max"](n(finding.max), n(finding.kernelDefault));
    case "default-buckets":
      return f["default-buckets"](n(finding.buckets));
    case "tuned-buckets":
      return f["tuned-buckets"](n(finding.buckets), n(finding.kernelDefault));
  }
}
