/**
 * Exact integer helpers. Every operand stays below 2^53 (Number.MAX_SAFE_INTEGER), where
 * doubles represent integers exactly and `%` is exact, so no floating-point rounding can
 * leak into a kernel number.
 */

/** ceil(a / b) for non-negative safe integers a and positive safe integer b, exactly. */
export function ceilDiv(a: number, b: number): number {
  const remainder = a % b;
  return (a - remainder) / b + (remainder > 0 ? 1 : 0);
}

/** floor(a / b) for non-negative safe integers a and positive safe integer b, exactly. */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * The kernel's roundup(x, y) from include/linux/math.h: the smallest multiple of y that is >= x.
 * @example roundUp(6302016, 512) === 6302208
 */
export function roundUp(x: number, step: number): number {
  return ceilDiv(x, step) * step;
}

/** The largest multiple of step that is <= x. */
export function roundDown(x: number, step: number): number {
  return floorDiv(x, step) * step;
}
