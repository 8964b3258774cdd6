import type { ReactNode } from "react";
import { formatBinaryBytes, formatInteger, formatRatio } from "../domain/core/format";
import { ramBytesPerEntry, ramEntriesPerMiB, type SizingWarning } from "../domain/sizing/sizing";
import { compareTraffic } from "../domain/traffic/traffic-verdict";
import { useMessages } from "../store/messages";
import { useCalcStore, useInvalidBehind, useSizing } from "../store/calc-store";
import { fieldList, warningMessage } from "./messages";
import { TrafficVerdicts } from "./traffic-verdicts";

/**
 * The answer: nf_conntrack_max, buckets and memory, with where the number comes from (the way of
 * sizing) and, for reference, the RAM rule and the kernel's own value. While a field it depends on
 * is invalid it shows no numbers, and says which field.
 */
export function Results() {
  const { t, locale } = useMessages();
  const invalid = useInvalidBehind("answer");
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t.results.heading}</h2>
      {invalid.length > 0 ? (
        <p className="answer-invalid" role="alert" data-testid="answer-invalid">
          {t.results.invalid({ fields: fieldList(t, locale, invalid), count: invalid.length })}
        </p>
      ) : (
        <Answer />
      )}
    </section>
  );
}

function Answer() {
  const { t, locale } = useMessages();
  const { inputs, sizing, answer, traffic } = useSizing();
  const pasted = useCalcStore((state) => state.pasteReading);
  const n = (value: number) => formatInteger(value, locale);
  const r = t.results;
  const footprint = sizing.hashTableFootprint;
  const warningsFor = (concerns: SizingWarning["concerns"]) =>
    sizing.warnings.filter((warning) => warning.concerns === concerns);
  const host = answer.way === "paste" && pasted?.status === "read" ? pasted.diagnostics : null;
  const hostCount = host?.conntrackCount ?? host?.stats?.entries;
  const basis =
    answer.basis === "explicit"
      ? answer.way === "traffic" && !answer.noTraffic
        ? r.explicitOverTraffic
        : r.maxExplicit
      : answer.basis === "traffic" && traffic
        ? r.maxFromTraffic({ total: traffic.total, headroom: traffic.headroomPercent })
        : answer.way === "paste"
          ? r.maxFromHost
          : r.maxFromRam({
              factor: ramEntriesPerMiB(inputs.arch),
              ramBytes: inputs.ram,
              divisor: ramBytesPerEntry(inputs.arch),
            });
  return (
    <>
      <ResultCard
        title="nf_conntrack_max"
        testId="result-max"
        value={sizing.max}
        display={n(sizing.max)}
        warnings={warningsFor("max")}
      >
        <p data-testid="answer-basis" data-value={answer.basis}>
          {basis}
          {answer.noTraffic && ` ${r.noTraffic}`}
        </p>
        <p className="answer-reference" data-testid="answer-reference">
          {answer.basis === "ram"
            ? r.referenceKernel({ kernel: answer.reference.kernelMax })
            : r.reference({ ramRule: answer.reference.ramRuleMax, kernel: answer.reference.kernelMax })}
          {host &&
            hostCount !== undefined &&
            host.conntrackMax !== undefined &&
            ` ${r.hostHolds({ count: hostCount, max: host.conntrackMax })}`}
        </p>
        {answer.way === "traffic" && traffic && traffic.dominant !== "none" && (
          <TrafficVerdicts comparison={compareTraffic(traffic, sizing.max, answer.reference.kernelMax)} />
        )}
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
            {footprint?.via === "pages" &&
              footprint.bytes > sizing.memory.hashTable &&
              r.hashTableFootprint({ footprintBytes: footprint.bytes })}
            {footprint?.via === "vmalloc" &&
              footprint.upToBytes > footprint.bytes &&
              r.hashTableRange({ fromBytes: footprint.bytes, upToBytes: footprint.upToBytes })}
          </li>
          <li>{r.chainAtFull({ chain: sizing.chainLengthAtFull })}</li>
        </ul>
      </details>
    </>
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
