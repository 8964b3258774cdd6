import { tryParseDecimal } from "./decimal";
import { fail, ok, type Result } from "./result";

/** A count of bytes: an exact non-negative integer below 2^53. */
export type Bytes = number & { readonly __unit: "bytes" };
export const bytes = (n: number): Bytes => n as Bytes;

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

/**
 * Units accepted in RAM text. All binary, because `free` and /proc/meminfo ("MemTotal: … kB")
 * count in 1024s, and MemTotal is the figure the kernel sizes conntrack from.
 */
const RAM_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    b: 1,
    k: KiB,
    kb: KiB,
    kib: KiB,
    m: MiB,
    mb: MiB,
    mib: MiB,
    g: GiB,
    gb: GiB,
    gib: GiB,
    t: TiB,
    tb: TiB,
    tib: TiB,
  }),
);

/** A bare number means GiB. */
const DEFAULT_RAM_UNIT = GiB;

export type RamTextIssue = { code: "empty" } | { code: "syntax" } | { code: "unit" };

/**
 * Reads RAM as people write it: "16", "64 GiB", "787752 MiB", "1.5T", "24683620 kB",
 * or a whole /proc/meminfo line ("MemTotal:  24683620 kB"). Case-insensitive, optional
 * space, thousands separators in the integer part allowed. Fractions are floored to whole
 * bytes. The result may be any size; range checks belong to the caller.
 *
 * @example tryParseRamText("1.5T") // { ok: true, value: 1649267441664 }
 */
export function tryParseRamText(text: string): Result<bigint, RamTextIssue> {
  const trimmed = text.trim().replace(/^memtotal:\s*/i, "");
  if (trimmed === "") return fail({ code: "empty" });
  // No real RAM figure needs more; it bounds the BigInt work on hostile input.
  if (trimmed.length > 40) return fail({ code: "syntax" });
  const match = /^(.*?)[ \t]*([a-z]*)$/i.exec(trimmed);
  // No space separators: a space parts the number from its unit ("16 GiB").
  const decimal = tryParseDecimal(match?.[1] ?? "", { separators: ",_" });
  if (decimal === null) return fail({ code: "syntax" });
  const unitText = match?.[2] ?? "";
  // A Map, not an object: "constructor" or "__proto__" must not find Object's prototype.
  const unit = unitText === "" ? DEFAULT_RAM_UNIT : RAM_UNITS.get(unitText.toLowerCase());
  if (unit === undefined) return fail({ code: "unit" });
  // Exact decimal arithmetic: value = digits / 10^decimals * unit, floored.
  const digits = BigInt((decimal.whole || "0") + decimal.fraction);
  const scale = 10n ** BigInt(decimal.fraction.length);
  return ok((digits * BigInt(unit)) / scale);
}
