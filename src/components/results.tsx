import type { ReactNode } from "react";
import { formatBinaryBytes, formatInteger, formatRatio } from "../domain/core/format";
import { ramBytesPerEntry, ramEntriesPerMiB, type SizingWarning } from "../domain/sizing/sizing";
import { useMessages } from "../store/messages";
import { useSizing } from "../store/calc-store";
import { warningMessage } from "./messages";

export function Results() {
  const { t, locale } = useMessages();
  const { inputs, sizing } = useSizing();
  const n = (value: number) => formatInteger(value, locale);
  const r = t.results;
  const warningsFor = (concerns: SizingWarning["concerns"]) =>
    sizing.warnings.filter((warning) => warning.concerns === concerns);

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{r.heading}</h2>
      <ResultCard
        title="nf_conntrack_max"
        testId="result-max"
        value={sizing.max}
        display={n(sizing.max)}
        warnings={warningsFor("max")}
      >
        <p>
          {sizing.maxSource === "explicit"
            ? r.maxExplicit
            : r.maxFromRam({
                factor: ramEntriesPerMiB(inputs.arch),
                ramBytes: inputs.ram,
                divisor: ramBytesPerEntry(inputs.arch),
              })}
        </p>
      </ResultCard>
      <ResultCard
        title="nf_conntrack_buckets"
        testId="result-buckets"
        value={sizing.buckets}
        display={n(sizing.buckets)}
        warnings={warningsFor("buckets")}
      >
        <p>
          <span data-testid="result-buckets-requested" data-value={sizing.bucketsRequested}>
            {r.bucketsAsked({ ratio: formatRatio(inputs.ratio), asked: sizing.bucketsRequested })}
          </span>
          {sizing.bucketStep > 1
            ? r.bucketsRounded({ headBytes: sizing.headBytes, step: sizing.bucketStep })
            : r.bucketsExact({ headBytes: sizing.headBytes })}
        </p>
      </ResultCard>
      <ResultCard
        title={r.memoryTitle}
        testId="result-memory"
        value={sizing.memory.total}
        display={formatBinaryBytes(sizing.memory.total)}
        warnings={warningsFor("memory")}
      >
        <p>
          {r.memoryShare({ totalBytes: sizing.memory.total, share: sizing.ramShare })}
          {sizing.lowmemShare !== null && r.lowmemShare({ share: sizing.lowmemShare })}
          {t.punctuation.sentenceEnd}
        </p>
      </ResultCard>
      <details className="arithmetic">
        <summary>{t.layout.arithmetic}</summary>
        <ul className="breakdown">
          <li>
            {r.entries({ max: sizing.max, entryBytes: inputs.struct, totalBytes: sizing.memory.entries })}
          </li>
          <li>
            {r.hashTable({
              buckets: sizing.buckets,
              headBytes: sizing.headBytes,
              totalBytes: sizing.memory.hashTable,
            })}
            {sizing.hashTableFootprint &&
              sizing.hashTableFootprint.bytes > sizing.memory.hashTable &&
              r.hashTableFootprint({ footprintBytes: sizing.hashTableFootprint.bytes })}
          </li>
          <li>{r.chainAtFull({ chain: sizing.chainLengthAtFull })}</li>
        </ul>
      </details>
    </section>
  );
}

interface ResultCardProps {
  title: string;
  testId: string;
  value: number;
  display: string;
  warnings: readonly SizingWarning[];
  children: ReactNode;
}

function ResultCard({ title, testId, value, display, warnings, children }: ResultCardProps) {
  const { t } = useMessages();
  return (
    <article className="result" aria-label={title}>
      <div className="result-head">
        <h3>{title}</h3>
        <p className="result-value" data-testid={testId} data-value={value}>
          {display}
        </p>
      </div>
      <div className="result-formula">{children}</div>
      {warnings.map((warning) => (
        <p key={warning.code} className="warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {warningMessage(t, warning)}
        </p>
      ))}
    </article>
  );
}
