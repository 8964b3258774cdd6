/**
 * How a table limit holds the entries the traffic needs (headroom included):
 * `fits` (at most 80 % of the limit), `tight` (above 80 %, up to the limit), `does-not-fit`.
 */
export type TrafficVerdict = "fits" | "tight" | "does-not-fit";

/**
 * The share of a limit at and below which the traffic "fits" rather than "tight", as n / d.
 */
const FITS_SHARE = { numerator: 4, denominator: 5 } as const;

/**
 * @example trafficVerdict(180000, 262144) === "fits" // 69 %
 * @example trafficVerdict(240000, 262144) === "tight" // 92 %
 * @example trafficVerdict(1, 0) === "fits" // 0 = no limit
 *
 * @internal exported for its tests
 */
export function trafficVerdict(requiredMax: number, limit: number): TrafficVerdict {
  // nf_conntrack_max = 0 means no limit: `if (nf_conntrack_max && unlikely(ct_count > nf_conntrack_max))`
  // in __nf_conntrack_alloc().
  if (limit <= 0) return "fits";
  if (requiredMax > limit) return "does-not-fit";
  // Exact: required <= 4/5 × limit  <=>  5 × required <= 4 × limit (both below 2^35).
  return requiredMax * FITS_SHARE.denominator <= limit * FITS_SHARE.numerator ? "fits" : "tight";
}

export interface LimitComparison {
  readonly limit: number;
  readonly verdict: TrafficVerdict;
  /** requiredMax / limit; 0 when the limit is 0 (no limit). */
  readonly share: number;
}

export interface TrafficComparison {
  /** Against the calculator's recommendation (from RAM, or the explicit max). */
  readonly recommended: LimitComparison;
  /** Against what the kernel picks by itself. */
  readonly kernelDefault: LimitComparison;
}

function compareWith(requiredMax: number, limit: number): LimitComparison {
  return {
    limit,
    verdict: trafficVerdict(requiredMax, limit),
    share: limit > 0 ? requiredMax / limit : 0,
  };
}

/**
 * The traffic's need against the recommendation and against the kernel's own default.
 *
 * @example compareTraffic(240000, 524288, 262144).kernelDefault.verdict === "tight"
 */
export function compareTraffic(
  requiredMax: number,
  recommendedMax: number,
  kernelDefaultMax: number,
): TrafficComparison {
  return {
    recommended: compareWith(requiredMax, recommendedMax),
    kernelDefault: compareWith(requiredMax, kernelDefaultMax),
  };
}
