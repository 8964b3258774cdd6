import { tryParseDecimal, type DecimalDigits } from "../core/decimal";
import { INT_MAX, type FieldIssue, type Inputs } from "../sizing/inputs";
import type { KernelVersion } from "../kernel/kernel-version";
import { fail, ok, type Result } from "../core/result";
import { computeSizing, type Sizing } from "../sizing/sizing";
import { udpStreamNeedsTwoSeconds, type TimeoutKey, type Timeouts } from "../kernel/timeouts";

/**
 * Traffic inputs. Each key is also the URL query key and the form control's `name`:
 * - `tcp_cps`: new TCP connections per second that close normally;
 * - `tcp_life`: seconds each stays open (SYN to the last ACK);
 * - `udp_cps`: new UDP flows per second;
 * - `udp_life`: seconds of traffic per flow, first packet to last (0 for request/response such as DNS);
 * - `headroom`: percent added on top of the steady state.
 */
export const TRAFFIC_FIELD_KEYS = ["tcp_cps", "tcp_life", "udp_cps", "udp_life", "headroom"] as const;
export type TrafficFieldKey = (typeof TRAFFIC_FIELD_KEYS)[number];

/** What the user typed or the link said, per traffic field, verbatim. */
export type RawTraffic = Readonly<Record<TrafficFieldKey, string>>;

/** No traffic until the user enters some: with both rates 0 the traffic sizing shows nothing. */
export const DEFAULT_TRAFFIC_RAW: RawTraffic = {
  tcp_cps: "0",
  tcp_life: "10",
  udp_cps: "0",
  udp_life: "0",
  headroom: "20",
};

/**
 * Traffic as exact integers: rates in thousandths per second, durations in milliseconds, so every
 * decimal the user may type (up to 3 places) is held without rounding.
 */
export interface Traffic {
  readonly tcpCpsMilli: number;
  readonly tcpLifeMs: number;
  readonly udpCpsMilli: number;
  readonly udpLifeMs: number;
  readonly headroomPercent: number;
}

const FIELD_PROPERTY = {
  tcp_cps: "tcpCpsMilli",
  tcp_life: "tcpLifeMs",
  udp_cps: "udpCpsMilli",
  udp_life: "udpLifeMs",
  headroom: "headroomPercent",
} as const satisfies Record<TrafficFieldKey, keyof Traffic>;

/**
 * Accepted ranges. Rates up to 10^9 per second with 3 decimals, durations up to 10^7 s (115 days)
 * to the millisecond, headroom 0–1000 %. Entries are computed in BigInt, so no product of these can
 * overflow or round (see computeTrafficSizing()).
 */
export const TRAFFIC_LIMITS = {
  cps: { min: 0, max: 1e9, maxDecimals: 3 },
  lifeSeconds: { min: 0, max: 1e7 },
  headroomPercent: { min: 0, max: 1000 },
} as const;

/**
 * Units accepted after a duration, in milliseconds. A bare number means seconds. A Map, so that
 * names such as "constructor" are not found on Object.prototype.
 */
const DURATION_UNITS_MS: ReadonlyMap<string, number> = new Map([
  ["ms", 1],
  ["s", 1000],
  ["sec", 1000],
  ["m", 60_000],
  ["min", 60_000],
  ["h", 3_600_000],
  ["d", 86_400_000],
]);

/**
 * No accepted value needs more characters; the cap keeps the regular expressions below linear on
 * hostile input (a pasted megabyte).
 */
const MAX_FIELD_LENGTH = 40;

/** A very long number is out of range; anything else that long is not a number. */
function tooLong(text: string): FieldIssue {
  return { code: /^[\d.,_ ]*$/.test(text) ? "range" : "syntax" };
}

/** value × scale exactly, or null if that is not a whole number. */
function scaleExactly(decimal: DecimalDigits, scale: number): bigint | null {
  const numerator = BigInt((decimal.whole || "0") + decimal.fraction) * BigInt(scale);
  const denominator = 10n ** BigInt(decimal.fraction.length);
  return numerator % denominator === 0n ? numerator / denominator : null;
}

function validateRate(text: string): Result<number, FieldIssue> {
  const trimmed = text
    .trim()
    .replace(/\s*\/\s*s$/i, "")
    .trim();
  if (trimmed === "") return fail({ code: "empty" });
  if (trimmed.length > MAX_FIELD_LENGTH) return fail(tooLong(trimmed));
  const decimal = tryParseDecimal(trimmed);
  if (decimal === null) return fail({ code: "syntax" });
  if (decimal.fraction.length > TRAFFIC_LIMITS.cps.maxDecimals) return fail({ code: "precision" });
  const milli = scaleExactly(decimal, 1000);
  if (milli === null) return fail({ code: "precision" });
  if (milli > BigInt(TRAFFIC_LIMITS.cps.max * 1000)) return fail({ code: "range" });
  return ok(Number(milli));
}

function validateLife(text: string): Result<number, FieldIssue> {
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  if (trimmed.length > MAX_FIELD_LENGTH) return fail(tooLong(trimmed));
  const match = /^(.*?)[ \t]*([a-z]*)$/i.exec(trimmed);
  const number = match?.[1] ?? "";
  const unitText = match?.[2] ?? "";
  if (number === "") return fail({ code: "syntax" });
  const unit = unitText === "" ? 1000 : DURATION_UNITS_MS.get(unitText.toLowerCase());
  if (unit === undefined) return fail({ code: "unit", unit: unitText });
  const decimal = tryParseDecimal(number);
  if (decimal === null) return fail({ code: "syntax" });
  const ms = scaleExactly(decimal, unit);
  if (ms === null) return fail({ code: "precision" });
  if (ms > BigInt(TRAFFIC_LIMITS.lifeSeconds.max * 1000)) return fail({ code: "range" });
  return ok(Number(ms));
}

function validateHeadroom(text: string): Result<number, FieldIssue> {
  const trimmed = text.trim().replace(/\s*%$/, "");
  if (trimmed === "") return fail({ code: "empty" });
  if (!/^\d+$/.test(trimmed)) return fail({ code: /^\d*\.\d*$/.test(trimmed) ? "precision" : "syntax" });
  if (trimmed.length > 5 || Number(trimmed) > TRAFFIC_LIMITS.headroomPercent.max) {
    return fail({ code: "range" });
  }
  return ok(Number(trimmed));
}

const VALIDATORS: Readonly<Record<TrafficFieldKey, (text: string) => Result<number, FieldIssue>>> = {
  tcp_cps: validateRate,
  tcp_life: validateLife,
  udp_cps: validateRate,
  udp_life: validateLife,
  headroom: validateHeadroom,
};

/**
 * Validates one traffic field; the value is in the unit of its Traffic property (thousandths per
 * second, milliseconds, percent). Never throws, whatever the string.
 *
 * @example validateTrafficField("tcp_cps", "1,000.5") // { ok: true, value: 1000500 }
 * @example validateTrafficField("udp_life", "2.5 min") // { ok: true, value: 150000 }
 * @example validateTrafficField("headroom", "25%") // { ok: true, value: 25 }
 */
export function validateTrafficField(key: TrafficFieldKey, text: string): Result<number, FieldIssue> {
  return VALIDATORS[key](text);
}

/** The issue with each invalid traffic field, if any. */
export function validateTraffic(raw: RawTraffic): Partial<Record<TrafficFieldKey, FieldIssue>> {
  const issues: Partial<Record<TrafficFieldKey, FieldIssue>> = {};
  for (const key of TRAFFIC_FIELD_KEYS) {
    const result = validateTrafficField(key, raw[key]);
    if (!result.ok) issues[key] = result.issue;
  }
  return issues;
}

/**
 * Reads traffic field by field; an invalid field falls back to its default alone.
 *
 * @example readTraffic({ ...DEFAULT_TRAFFIC_RAW, tcp_cps: "1000" }).tcpCpsMilli === 1000000
 */
export function readTraffic(raw: RawTraffic): Traffic {
  const out: Record<keyof Traffic, number> = {
    tcpCpsMilli: 0,
    tcpLifeMs: 0,
    udpCpsMilli: 0,
    udpLifeMs: 0,
    headroomPercent: 0,
  };
  for (const key of TRAFFIC_FIELD_KEYS) {
    const result = validateTrafficField(key, raw[key]);
    const fallback = validateTrafficField(key, DEFAULT_TRAFFIC_RAW[key]);
    out[FIELD_PROPERTY[key]] = result.ok ? result.value : fallback.ok ? fallback.value : 0;
  }
  return out;
}

/**
 * How a UDP flow ends in the table:
 * - `request-response`: kept `udp_timeout` after its last packet. Every flow whose packets after the
 *   reply stop within 2 s of its first packet (on kernels since 5.0), and every single
 *   exchange on any kernel: the reply itself is refreshed with the unreplied timeout, because
 *   nf_conntrack_in() sets IPS_SEEN_REPLY only after the protocol handler ran.
 * - `stream`: kept `udp_timeout_stream` after its last packet: a packet after the reply, and (since
 *   5.0) more than 2 s after the first packet (nf_conntrack_udp_packet(),
 *   `time_after(jiffies, ct->proto.udp.stream_ts)` with `stream_ts = 2 * HZ + jiffies`).
 */
export type UdpMode = "request-response" | "stream";

/** One kind of traffic's share of the table: rate × (seconds open + seconds kept after). */
export interface TrafficTerm {
  readonly cpsMilli: number;
  /** How long the connection or flow carries traffic. */
  readonly openMs: number;
  /** The timeout that keeps the entry after the last packet. */
  readonly keptBy: Extract<TimeoutKey, "tcp_timeout_time_wait" | "udp_timeout" | "udp_timeout_stream">;
  readonly keptSeconds: number;
  /** Entries at steady state, exactly: this many millionths (cps × 1000 × (open ms + kept × 1000)). */
  readonly entriesMicro: bigint;
  /** ceil(entries), at most INT_MAX. */
  readonly entries: number;
}

export interface UdpTrafficTerm extends TrafficTerm {
  readonly mode: UdpMode;
  /**
   * The flow counts as a stream once it carries traffic past this many ms after its first packet:
   * 2000 on kernels with the 2 s rule, 0 (any later packet) before.
   */
  readonly streamAfterMs: number;
}

export type TrafficWarning = { code: "required-max-clamped"; concerns: "max"; unclamped: bigint };

export interface TrafficSizing {
  readonly tcp: TrafficTerm;
  readonly udp: UdpTrafficTerm;
  /** Entries at steady state, both kinds, rounded up; at most INT_MAX. */
  readonly total: number;
  /** The nf_conntrack_max this traffic needs: ceil(total × (1 + headroom / 100)), at most INT_MAX. */
  readonly requiredMax: number;
  /** The same before the INT_MAX clamp, exact. */
  readonly requiredMaxUnclamped: bigint;
  /** Which kind needs more entries; "none" without traffic. */
  readonly dominant: "tcp" | "udp" | "tie" | "none";
  readonly warnings: readonly TrafficWarning[];
}

const MICRO = 1_000_000n;
const INT_MAX_BIG = BigInt(INT_MAX);

function ceilDivBig(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function clampToIntMax(n: bigint): number {
  return Number(n > INT_MAX_BIG ? INT_MAX_BIG : n);
}

function term(
  cpsMilli: number,
  openMs: number,
  keptSeconds: number,
): Pick<TrafficTerm, "entriesMicro" | "entries"> {
  // (cps × 1000) × (open ms + kept s × 1000) = entries × 10^6. BigInt: the product reaches 10^22.
  const entriesMicro = BigInt(cpsMilli) * (BigInt(openMs) + BigInt(keptSeconds) * 1000n);
  return { entriesMicro, entries: clampToIntMax(ceilDivBig(entriesMicro, MICRO)) };
}

/**
 * Entries the table holds at steady state for the given traffic (Little's law: arrivals per second
 * × seconds each entry lives), and the nf_conntrack_max that holds them with headroom.
 *
 * TCP: a connection closed normally (FIN both ways) ends in TIME_WAIT, kept
 * `tcp_timeout_time_wait` after the last ACK (tcp_conntracks[] in nf_conntrack_proto_tcp.c: LAST_ACK
 * + ACK → TIME_WAIT); the FIN_WAIT / CLOSE_WAIT / LAST_ACK steps between last only a round trip and
 * are left out. Not modelled: connections reset by RST (kept `tcp_timeout_close`, 10 s), half-closed
 * ones whose peer never closes (kept `tcp_timeout_close_wait`), and peers that vanish (kept
 * `tcp_timeout_established`).
 *
 * UDP: every flow is assumed to get a reply; see UdpMode for which timeout keeps it.
 *
 * All arithmetic is exact (BigInt); counts are clamped to INT_MAX, the largest nf_conntrack_max.
 *
 * @example
 * // 1000 TCP connections/s open 30 s: 1000 × (30 + 120) = 150000 entries; 20 % headroom → 180000.
 * computeTrafficSizing({ tcpCpsMilli: 1_000_000, tcpLifeMs: 30_000, udpCpsMilli: 0, udpLifeMs: 0,
 *   headroomPercent: 20 }, defaultTimeouts(v(6, 12)), v(6, 12)).requiredMax === 180000
 */
export function computeTrafficSizing(
  traffic: Traffic,
  timeouts: Timeouts,
  kernel: KernelVersion,
): TrafficSizing {
  const tcp: TrafficTerm = {
    cpsMilli: traffic.tcpCpsMilli,
    openMs: traffic.tcpLifeMs,
    keptBy: "tcp_timeout_time_wait",
    keptSeconds: timeouts.tcp_timeout_time_wait,
    ...term(traffic.tcpCpsMilli, traffic.tcpLifeMs, timeouts.tcp_timeout_time_wait),
  };

  const streamAfterMs = udpStreamNeedsTwoSeconds(kernel) ? 2000 : 0;
  // time_after() is strict: a packet exactly at stream_ts does not switch the flow to a stream.
  const mode: UdpMode = traffic.udpLifeMs > streamAfterMs ? "stream" : "request-response";
  const udpKeptBy = mode === "stream" ? "udp_timeout_stream" : "udp_timeout";
  const udp: UdpTrafficTerm = {
    cpsMilli: traffic.udpCpsMilli,
    openMs: traffic.udpLifeMs,
    keptBy: udpKeptBy,
    keptSeconds: timeouts[udpKeptBy],
    mode,
    streamAfterMs,
    ...term(traffic.udpCpsMilli, traffic.udpLifeMs, timeouts[udpKeptBy]),
  };

  const totalMicro = tcp.entriesMicro + udp.entriesMicro;
  // ceil(total × (100 + headroom) / 100), in millionths.
  const requiredMaxUnclamped = ceilDivBig(totalMicro * BigInt(100 + traffic.headroomPercent), MICRO * 100n);
  const warnings: TrafficWarning[] = [];
  if (requiredMaxUnclamped > INT_MAX_BIG) {
    // net.netfilter.nf_conntrack_max is an int sysctl bounded 0..INT_MAX (8b6861390ffe).
    warnings.push({ code: "required-max-clamped", concerns: "max", unclamped: requiredMaxUnclamped });
  }

  const dominant =
    totalMicro === 0n
      ? "none"
      : tcp.entriesMicro > udp.entriesMicro
        ? "tcp"
        : udp.entriesMicro > tcp.entriesMicro
          ? "udp"
          : "tie";

  return {
    tcp,
    udp,
    total: clampToIntMax(ceilDivBig(totalMicro, MICRO)),
    requiredMax: clampToIntMax(requiredMaxUnclamped),
    requiredMaxUnclamped,
    dominant,
    warnings,
  };
}

/**
 * How a table limit holds the entries the traffic needs (headroom included):
 * `fits` (at most 80 % of the limit), `tight` (above 80 %, up to the limit), `does-not-fit`.
 */
export type TrafficVerdict = "fits" | "tight" | "does-not-fit";

/** The share of a limit at and below which the traffic "fits" rather than "tight", as n / d. */
export const FITS_SHARE = { numerator: 4, denominator: 5 } as const;

/**
 * @example trafficVerdict(180000, 262144) === "fits" // 69 %
 * @example trafficVerdict(240000, 262144) === "tight" // 92 %
 * @example trafficVerdict(1, 0) === "fits" // 0 = no limit
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

/**
 * The full sizing (buckets, memory at a full table, warnings) with nf_conntrack_max set to what the
 * traffic needs: exactly what applying it as the explicit max would show. Null without traffic.
 *
 * @example sizingForRequiredMax(inputs, 180000)?.memory.total
 */
export function sizingForRequiredMax(inputs: Inputs, requiredMax: number): Sizing | null {
  if (!Number.isSafeInteger(requiredMax) || requiredMax < 1 || requiredMax > INT_MAX) return null;
  return computeSizing({ ...inputs, max: requiredMax });
}

/**
 * Assumptions behind a preset, as codes the page turns into words (each names the fields it sets,
 * which stay editable):
 * - `clients-browsing`: about a thousand clients browsing; each opens about 2 TCP connections a second
 *   that last about 30 s (tcp_cps, tcp_life).
 * - `udp-mostly-dns`: UDP is mostly DNS lookups, one request and one reply (udp_life 0).
 * - `quic-raises-udp-life`: QUIC, video calls and VPNs are UDP streams: raise udp_life to their length.
 * - `proxy-two-connections`: each proxied request tracks two connections, client side and backend side
 *   (tcp_cps counts both); upstream keep-alive halves that.
 * - `short-http`: connections carry one short request each (tcp_life about 1 s).
 * - `published-ports`: containers reached through published ports (DNAT) and talking out through NAT.
 * - `container-dns`: containers resolve names often (udp_cps).
 * - `home-router`: a home router for a household: a few dozen devices, some streaming and gaming over
 *   UDP (udp_life).
 * - `little-ram`: a router with little RAM: a large headroom costs little in absolute terms.
 * - `service-traffic`: pods reach Services through kube-proxy's DNAT: one entry per connection.
 * - `ndots-dns`: pod DNS with `ndots:5` sends several queries per lookup (udp_cps is high).
 * - `kube-proxy-timeouts`: kube-proxy sets established 86400 s and close_wait 3600 s at start.
 */
export type PresetAssumption =
  | "clients-browsing"
  | "udp-mostly-dns"
  | "quic-raises-udp-life"
  | "proxy-two-connections"
  | "short-http"
  | "published-ports"
  | "container-dns"
  | "home-router"
  | "little-ram"
  | "service-traffic"
  | "ndots-dns"
  | "kube-proxy-timeouts";

export type TrafficPresetId =
  "nat-gateway" | "reverse-proxy" | "docker-host" | "small-router" | "kubernetes-node";

/**
 * A starting point for the traffic fields: the values are assumptions, shown with the reasons and
 * editable, not measurements.
 */
export interface TrafficPreset {
  readonly id: TrafficPresetId;
  readonly traffic: RawTraffic;
  /** Timeouts the preset changes (as they would be typed; absent = the kernel's default). */
  readonly timeouts: Readonly<Partial<Record<TimeoutKey, string>>>;
  readonly assumptions: readonly PresetAssumption[];
}

/** The presets in the order they are offered. */
export const TRAFFIC_PRESET_IDS: readonly TrafficPresetId[] = [
  "nat-gateway",
  "reverse-proxy",
  "docker-host",
  "small-router",
  "kubernetes-node",
];

export const TRAFFIC_PRESETS: Readonly<Record<TrafficPresetId, TrafficPreset>> = {
  "nat-gateway": {
    id: "nat-gateway",
    traffic: { tcp_cps: "2000", tcp_life: "30", udp_cps: "1000", udp_life: "0", headroom: "30" },
    timeouts: {},
    assumptions: ["clients-browsing", "udp-mostly-dns", "quic-raises-udp-life"],
  },
  "reverse-proxy": {
    id: "reverse-proxy",
    traffic: { tcp_cps: "10000", tcp_life: "1", udp_cps: "200", udp_life: "0", headroom: "50" },
    timeouts: {},
    assumptions: ["proxy-two-connections", "short-http", "udp-mostly-dns"],
  },
  "docker-host": {
    id: "docker-host",
    traffic: { tcp_cps: "500", tcp_life: "10", udp_cps: "200", udp_life: "0", headroom: "50" },
    timeouts: {},
    assumptions: ["published-ports", "container-dns", "udp-mostly-dns"],
  },
  "small-router": {
    id: "small-router",
    traffic: { tcp_cps: "30", tcp_life: "60", udp_cps: "50", udp_life: "10", headroom: "50" },
    timeouts: {},
    assumptions: ["home-router", "quic-raises-udp-life", "little-ram"],
  },
  "kubernetes-node": {
    id: "kubernetes-node",
    traffic: { tcp_cps: "1000", tcp_life: "5", udp_cps: "1000", udp_life: "0", headroom: "50" },
    // kube-proxy's defaults (pkg/proxy/apis/config/v1alpha1/defaults.go): 24h and 1h.
    timeouts: { tcp_timeout_established: "86400", tcp_timeout_close_wait: "3600" },
    assumptions: ["service-traffic", "ndots-dns", "kube-proxy-timeouts"],
  },
};
