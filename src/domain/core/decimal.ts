/**
 * The one reader of decimals typed by people: RAM, entries per bucket, traffic rates and
 * durations, and every whole-number field. It returns digit strings, not a number, so each caller
 * keeps its exact arithmetic (BigInt, a fraction n / 10^d, a safe integer) and its own range.
 */

/** A non-negative decimal as written: value = whole.fraction. */
export interface DecimalDigits {
  /** The digits before the point, separators and leading zeros removed: "" for zero. */
  readonly whole: string;
  /** The digits after the point, trailing zeros removed ("1.50" → "5"): they add no precision. */
  readonly fraction: string;
}

/**
 * Which spellings a field takes. Thousands separators are allowed only between groups of three
 * digits ("1,048,576", "1_048_576", "1 048 576"), as people copy them from this page or from docs.
 */
export interface DecimalSyntax {
  /**
   * The separators allowed: ",_ " by default. RAM leaves out the space, which there separates the
   * number from its unit ("16 GiB"); entries per bucket takes none.
   */
  readonly separators?: "" | ",_" | ",_ ";
  /** Whether a point and digits after it are allowed (default true); "5." and ".5" are decimals. */
  readonly fraction?: boolean;
}

const PATTERNS = new Map<string, RegExp>();

function patternFor(separators: string, fraction: boolean): RegExp {
  const key = `${separators}|${fraction}`;
  let pattern = PATTERNS.get(key);
  if (pattern === undefined) {
    const whole = separators === "" ? "\\d*" : `\\d{1,3}(?:[${separators}]\\d{3})+|\\d*`;
    pattern = new RegExp(`^(${whole})${fraction ? "(?:\\.(\\d*))?" : ""}$`);
    PATTERNS.set(key, pattern);
  }
  return pattern;
}

/**
 * Reads a plain non-negative decimal; null for anything else (a sign, an exponent, a lone point,
 * separators out of place). No surrounding space is trimmed: callers trim.
 *
 * @example tryParseDecimal("1,000.50") // { whole: "1000", fraction: "5" }
 * @example tryParseDecimal("1 024", { separators: ",_" }) // null
 */
export function tryParseDecimal(text: string, syntax: DecimalSyntax = {}): DecimalDigits | null {
  const match = patternFor(syntax.separators ?? ",_ ", syntax.fraction ?? true).exec(text);
  if (!match) return null;
  const whole = (match[1] ?? "").replace(/[,_ ]/g, "");
  const written = match[2] ?? "";
  if (whole === "" && written === "") return null;
  return { whole: whole.replace(/^0+/, ""), fraction: written.replace(/0+$/, "") };
}

/**
 * Reads a plain decimal integer, optionally with thousands separators ("1,048,576"). Null for
 * anything else, and for values beyond 2^53.
 *
 * @example tryParseGroupedInteger("1 048 576") === 1048576
 */
export function tryParseGroupedInteger(text: string): number | null {
  const decimal = tryParseDecimal(text, { fraction: false });
  if (decimal === null) return null;
  const value = Number(decimal.whole || "0");
  return Number.isSafeInteger(value) ? value : null;
}
