/**
 * How a table limit holds the traffic, the headroom counted once:
 * - `fits`: the steady state and its headroom fit (the need with headroom is at most the limit);
 * - `tight`: the steady state fits but the headroom does not (bursts may fill the table);
 * - `does-not-fit`: the steady state alone is more than the limit.
 */
export type TrafficVerdict = "fits" | "tight" | "does-not-fit";

/** What the traffic needs: its steady state, and that with the headroom (traffic-sizing.ts). */
export interface TrafficNeed {
  readonly total: number;
  readonly requiredMax: number;
}

/**
 * @example trafficVerdict({ total: 150000, requiredMax: 180000 }, 180000) === "fits" // the page's own answer
 * @example trafficVerdict({ total: 150000, requiredMax: 180000 }, 160000) === "tight"
 * @example trafficVerdict({ total: 150000, requiredMax: 180000 }, 140000) === "does-not-fit"
 *
 * The limit is 1 or more: the page never sizes nf_conntrack_max = 0, which means no limit before
 * 6.19 and is refused from 6.19 (2b749f257645; the max field takes 1 and up, kernel-facts.md §3).
 *
 * @internal exported for its tests
 */
export function trafficVerdict(need: TrafficNeed, limit: number): TrafficVerdict {
  if (need.total > limit) return "does-not-fit";
  return need.requiredMax <= limit ? "fits" : "tight";
}

export interface LimitComparison {
  readonly limit: number;
  readonly verdict: TrafficVerdict;
  /** The steady state's share of the limit (total / limit). */
  readonly share: number;
}

export interface TrafficComparison {
  /** Against the page's answer (the traffic's need itself, the reader's own max, or the RAM rule). */
  readonly answer: LimitComparison;
  /** Against what the kernel picks by itself. */
  readonly kernelDefault: LimitComparison;
}

function compareWith(need: TrafficNeed, limit: number): LimitComparison {
  return {
    limit,
    verdict: trafficVerdict(need, limit),
    share: need.total / limit,
  };
}

/**
 * The traffic's need against the page's answer and against the kernel's own default.
 *
 * @example compareTraffic({ total: 200000, requiredMax: 240000 }, 524288, 262144).kernelDefault.verdict === "tight"
 */
export function compareTraffic(
  need: TrafficNeed,
  answerMax: number,
  kernelDefaultMax: number,
): TrafficComparison {
  return {
    answer: compareWith(need, answerMax),
    kernelDefault: compareWith(need, kernelDefaultMax),
  };
}
