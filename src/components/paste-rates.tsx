import { RATE_COUNTERS, type SnapshotRates } from "../domain/diagnostics/snapshot-rates";
import { RATES } from "../i18n/parts/rates";
import { usePart } from "../store/messages";
import { RichText } from "./rich-text";

/** Per-second rates between two pasted snapshots, or how to get them. */
export function PasteRates({ rates }: { rates: SnapshotRates | null }) {
  const r = usePart(RATES);
  if (rates === null) {
    return (
      <p className="block-why">
        <RichText text={r.hint} />
      </p>
    );
  }
  return (
    <section aria-label={r.heading({ seconds: rates.seconds })}>
      <h3>{r.heading({ seconds: rates.seconds })}</h3>
      <p className="block-why">{r.why}</p>
      <ul className="differences">
        {RATE_COUNTERS.map((counter) => {
          const rate = rates.perSecond[counter];
          return rate === undefined ? null : (
            <li key={counter} data-testid={`rate-${counter}`} data-value={rate}>
              <code>{r.counters[counter]}</code>: {r.perSecond({ rate })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
