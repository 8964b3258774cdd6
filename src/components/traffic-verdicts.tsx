import type { TrafficComparison } from "../domain/traffic/traffic-verdict";
import { useMessages } from "../store/messages";

/**
 * The traffic's need against the page's answer and against the kernel's own default, each with its
 * verdict (the headroom counted once: traffic-verdict.ts). Shown once: beside the answer when the
 * traffic decides it, in the traffic panel otherwise.
 */
export function TrafficVerdicts({ comparison }: { comparison: TrafficComparison }) {
  const { t } = useMessages();
  const r = t.results;
  const rows = [
    { key: "answer", testId: "verdict-recommended", what: r.againstAnswer, result: comparison.answer },
    { key: "kernel", testId: "verdict-kernel", what: r.againstKernel, result: comparison.kernelDefault },
  ] as const;
  return (
    <ul className="verdicts" data-testid="traffic-verdicts">
      {rows.map(({ key, testId, what, result }) => (
        <li key={key} className={result.verdict}>
          {r.trafficAgainst({ what, limit: result.limit })}{" "}
          <strong data-testid={testId} data-value={result.verdict}>
            {r.verdicts[result.verdict]({ share: result.share })}
          </strong>
        </li>
      ))}
    </ul>
  );
}
