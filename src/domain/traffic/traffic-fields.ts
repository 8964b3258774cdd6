import { tryParseDecimal, type DecimalDigits } from "../core/decimal";
import { fail, ok, type Result } from "../core/result";
import { lengthIssue, type FieldIssue, type FieldSpec } from "../core/field-spec";

/**
 * Traffic inputs. Each key is also the URL query key and the form control's `name`:
 * - `tcp_cps`: new TCP connections per second that close normally;
 * - `tcp_life`: seconds each stays open (SYN to the last ACK);
 * - `udp_cps`: new UDP flows per second;
 * - `udp_life`: seconds of traffic per flow, first packet to last (0 for request/response such as DNS);
 * - `headroom`: percent added on top of the steady state.
 */
export type TrafficFieldKey = "tcp_cps" | "tcp_life" | "udp_cps" | "udp_life" | "headroom";

/** What the user typed or the link said, per traffic field, verbatim. */
export type RawTraffic = Readonly<Record<TrafficFieldKey, string>>;

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
 *
 * @internal exported for its tests
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
  const long = lengthIssue(text);
  if (long) return fail(long);
  // Anchored on "/", not on the space before it: "\s*\/" tried at every space of a long run is
  // quadratic.
  const trimmed = text
    .trim()
    .replace(/\/\s*s$/i, "")
    .trimEnd();
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
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  if (trimmed.length > MAX_FIELD_LENGTH) return fail(tooLong(trimmed));
  const match = /^(.*?)[ \t]*([a-z]*)$/i.exec(trimmed);
  const number = match?.[1] ?? "";
  const unitText = match?.[2] ?? "";
  if (number === "") return fail({ code: "syntax" });
  const unit = unitText === "" ? 1000 : DURATION_UNITS_MS.get(unitText.toLowerCase());
  if (unit === undefined) return fail({ code: "unit" });
  const decimal = tryParseDecimal(number);
  if (decimal === null) return fail({ code: "syntax" });
  const ms = scaleExactly(decimal, unit);
  if (ms === null) return fail({ code: "precision" });
  if (ms > BigInt(TRAFFIC_LIMITS.lifeSeconds.max * 1000)) return fail({ code: "range" });
  return ok(Number(ms));
}

function validateHeadroom(text: string): Result<number, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim().replace(/%$/, "").trimEnd();
  if (trimmed === "") return fail({ code: "empty" });
  if (!/^\d+$/.test(trimmed)) return fail({ code: /^\d*\.\d*$/.test(trimmed) ? "precision" : "syntax" });
  if (trimmed.length > 5 || Number(trimmed) > TRAFFIC_LIMITS.headroomPercent.max) {
    return fail({ code: "range" });
  }
  return ok(Number(trimmed));
}

const rate = (fallback: string): FieldSpec<number> => ({
  group: "traffic",
  default: fallback,
  link: "group-when-changed",
  accepted: {
    kind: "rate",
    params: { max: TRAFFIC_LIMITS.cps.max, decimals: TRAFFIC_LIMITS.cps.maxDecimals },
  },
  validate: validateRate,
});

const life = (fallback: string): FieldSpec<number> => ({
  group: "traffic",
  default: fallback,
  link: "group-when-changed",
  accepted: { kind: "life", params: { max: TRAFFIC_LIMITS.lifeSeconds.max } },
  validate: validateLife,
});

/**
 * The traffic fields; the value is in the unit of its Traffic property (thousandths per second,
 * milliseconds, percent). No traffic until the user enters some: with both rates 0 the traffic
 * sizing shows nothing. A link writes all five when one differs from its default.
 */
export const TRAFFIC_FIELDS: { readonly [K in TrafficFieldKey]: FieldSpec<number> } = {
  tcp_cps: rate("0"),
  tcp_life: life("10"),
  udp_cps: rate("0"),
  udp_life: life("0"),
  headroom: {
    group: "traffic",
    default: "20",
    link: "group-when-changed",
    accepted: { kind: "headroom", params: { max: TRAFFIC_LIMITS.headroomPercent.max } },
    validate: validateHeadroom,
  },
};

export const TRAFFIC_FIELD_KEYS = Object.keys(TRAFFIC_FIELDS) as readonly TrafficFieldKey[];

/** @internal exported for its tests */
export const DEFAULT_TRAFFIC_RAW: RawTraffic = Object.fromEntries(
  TRAFFIC_FIELD_KEYS.map((key) => [key, TRAFFIC_FIELDS[key].default]),
) as Record<TrafficFieldKey, string>;

/**
 * Validates one traffic field; the value is in the unit of its Traffic property (thousandths per
 * second, milliseconds, percent). Never throws, whatever the string.
 *
 * @example validateTrafficField("tcp_cps", "1,000.5") // { ok: true, value: 1000500 }
 * @example validateTrafficField("udp_life", "2.5 min") // { ok: true, value: 150000 }
 * @example validateTrafficField("headroom", "25%") // { ok: true, value: 25 }
 *
 * @internal exported for its tests
 */
export function validateTrafficField(key: TrafficFieldKey, text: string): Result<number, FieldIssue> {
  return TRAFFIC_FIELDS[key].validate(text);
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
