import type { ReactNode } from "react";
import {
  formatBinaryBytes,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatRatio,
} from "../domain/format";
import { ramBytesPerEntry, type SizingWarning } from "../domain/sizing";
import { useSizing } from "../store/calc-store";
import { warningMessage } from "./messages";

export function Results() {
  const { inputs, sizing } = useSizing();
  const warningsFor = (concerns: SizingWarning["concerns"]) =>
    sizing.warnings.filter((warning) => warning.concerns === concerns);
  const ratio = formatRatio(inputs.ratio);

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">What to set</h2>
      <ResultCard
        title="nf_conntrack_max"
        testId="result-max"
        value={sizing.max}
        display={formatInteger(sizing.max)}
        warnings={warningsFor("max")}
      >
        {sizing.maxSource === "explicit" ? (
          <p>Your explicit target.</p>
        ) : (
          <p>
            RAM in MiB × {inputs.arch === 64 ? 32 : 64}: MemTotal {formatInteger(inputs.ram)} B ÷{" "}
            {formatInteger(ramBytesPerEntry(inputs.arch))}, rounded down.
          </p>
        )}
      </ResultCard>
      <ResultCard
        title="nf_conntrack_buckets"
        testId="result-buckets"
        value={sizing.buckets}
        display={formatInteger(sizing.buckets)}
        warnings={warningsFor("buckets")}
      >
        <p>
          nf_conntrack_max ÷ {ratio}, rounded up: <strong>{formatInteger(sizing.bucketsRequested)}</strong>{" "}
          <span data-testid="result-buckets-requested" data-value={sizing.bucketsRequested}>
            asked for
          </span>
          {sizing.bucketStep > 1 ? (
            <>
              ; the kernel allocates whole pages of {sizing.headBytes}-byte bucket heads, a multiple of{" "}
              {formatInteger(sizing.bucketStep)}.
            </>
          ) : (
            <>; this kernel allocates exactly that many {sizing.headBytes}-byte bucket heads.</>
          )}
        </p>
        <p>
          Average chain at a full table: {formatDecimal(sizing.chainLengthAtFull)} entries (each connection is
          hashed twice, once per direction).
        </p>
      </ResultCard>
      <ResultCard
        title="Kernel memory at a full table"
        testId="result-memory"
        value={sizing.memory.total}
        display={formatBinaryBytes(sizing.memory.total)}
        warnings={warningsFor("memory")}
      >
        <p>
          {formatInteger(sizing.memory.total)} bytes, never swapped out: {formatPercent(sizing.ramShare)} of
          RAM
          {sizing.lowmemShare !== null && (
            <>, {formatPercent(sizing.lowmemShare)} of the 896 MiB of 32-bit low memory</>
          )}
          .
        </p>
        <ul className="breakdown">
          <li>
            Entries: {formatInteger(sizing.max)} × {inputs.struct} B ={" "}
            {formatBinaryBytes(sizing.memory.entries)}, allocated as connections arrive.
          </li>
          <li>
            Hash table: {formatInteger(sizing.buckets)} × {sizing.headBytes} B ={" "}
            {formatBinaryBytes(sizing.memory.hashTable)}, allocated up front.
          </li>
        </ul>
      </ResultCard>
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
  return (
    <article className="result" aria-label={title}>
      <h3>{title}</h3>
      <p className="result-value" data-testid={testId} data-value={value}>
        {display}
      </p>
      <div className="result-formula">{children}</div>
      {warnings.map((warning) => (
        <p key={warning.code} className="warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {warningMessage(warning)}
        </p>
      ))}
    </article>
  );
}
