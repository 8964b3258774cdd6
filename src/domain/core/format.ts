import type { Ratio } from "../sizing/inputs";
import type { Locale } from "./locale";
import { GiB, KiB, MiB, PiB, TiB } from "./units";

/**
 * Number formatting for people. Integers are grouped by thousands with commas, which is what both
 * page languages write (CLDR: en and zh-CN both use "," and groups of three; format.test.ts checks
 * it against Intl.NumberFormat). Intl itself is not used: its first NumberFormat in a page costs
 * 40-90 ms here while it loads locale data, on the path to a shared link's first numbers. Binary
 * units (KiB, MiB, GiB) and "%" are the same in both, as in the Chinese ops literature.
 */
const GROUP_SEPARATOR: Readonly<Record<Locale, string>> = { en: ",", "zh-CN": "," };

/** "524,288" */
export function formatInteger(n: number, locale: Locale = "en"): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[locale]);
}

/**
 * A count given in thousandths, exactly, grouped like formatInteger: "2.4", "1,000.125", "0.001".
 * Rates are kept in thousandths (traffic-fields.ts), so nothing is rounded on screen.
 */
export function formatMilli(milli: number, locale: Locale = "en"): string {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli - whole * 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return fraction === "" ? formatInteger(whole, locale) : `${formatInteger(whole, locale)}.${fraction}`;
}

/** A share of 1 as a percentage with about three significant digits: "1.08%", "0.0061%", "<0.0001%". */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent === 0) return "0%";
  if (percent < 0.0001) return "<0.0001%";
  const decimals =
    percent >= 100 ? 0 : percent >= 10 ? 1 : Math.max(2, 1 - Math.floor(Math.log10(percent)) + 1);
  return `${trimZeros(percent.toFixed(Math.min(decimals, 4)))}%`;
}

/** An exact ratio as typed in decimal: "4", "0.125", "1.5". */
export function formatRatio(ratio: Ratio): string {
  const whole = Math.floor(ratio.numerator / ratio.denominator);
  const fraction = ratio.numerator - whole * ratio.denominator;
  if (fraction === 0) return String(whole);
  const digits = String(ratio.denominator).length - 1;
  return `${whole}.${String(fraction).padStart(digits, "0").replace(/0+$/, "")}`;
}

/** A plain decimal with at most two decimals: "8", "2.01". */
export function formatDecimal(x: number): string {
  return trimZeros(x.toFixed(2));
}

function trimZeros(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

const BINARY_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["PiB", PiB],
  ["TiB", TiB],
  ["GiB", GiB],
  ["MiB", MiB],
  ["KiB", KiB],
];

/**
 * Bytes in binary units, about three significant digits, the unit chosen so the number is at
 * least 1: "177 MiB", "8.31 GiB", "512 B".
 */
export function formatBinaryBytes(n: number): string {
  for (const [name, size] of BINARY_UNITS) {
    if (n >= size) {
      const x = n / size;
      return `${trimZeros(x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0))} ${name}`;
    }
  }
  return `${n} B`;
}

/**
 * Bytes in the largest binary unit that divides them exactly, so an input is echoed without
 * loss: "787752 MiB", "16 GiB", "24683620 KiB", "1000 B".
 */
export function formatExactBinaryBytes(n: number): string {
  for (const [name, size] of BINARY_UNITS) {
    if (n >= size && n % size === 0) return `${n / size} ${name}`;
  }
  return `${n} B`;
}

const COMPACT_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["G", 1e9],
  ["M", 1e6],
  ["K", 1e3],
];

/** A count in few characters for axis ticks: "262K", "1M", "2.5M", "800". */
export function formatCompactCount(n: number): string {
  for (const [suffix, size] of COMPACT_UNITS) {
    if (n >= size) {
      const x = n / size;
      return `${trimZeros(x.toFixed(x < 10 ? 1 : 0))}${suffix}`;
    }
  }
  return String(n);
}

/**
 * A number as shown, with its English noun: the generated files' comments, which are English in
 * every language of the page. English uses the singular for exactly 1 written without decimals
 * (CLDR's "one"), so "1 entry", but "0.5 entries" and "1.5 entries".
 *
 * @example formatEnglishCount("1", "entry", "entries") === "1 entry"
 */
export function formatEnglishCount(shown: string, one: string, other: string): string {
  return `${shown} ${shown === "1" ? one : other}`;
}
