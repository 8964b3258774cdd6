import {
  formatBinaryBytes,
  formatDecimal,
  formatInteger,
  formatMilli,
  formatPercent,
} from "../domain/core/format";
import type { Locale } from "../domain/core/locale";

/**
 * A phrase for each plural category a language uses, "#" standing for the number: English
 * `{ one: "# bucket", other: "# buckets" }`. `other` is required, as every language has it.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** The number formats of one message table, bound to its language. */
export interface Formats {
  /** "524,288" */
  readonly integer: (n: number) => string;
  /** A rate kept in thousandths, exactly: "2.4", "1,000.125". */
  readonly milli: (milli: number) => string;
  /** At most two decimals: "8", "2.01". */
  readonly decimal: (x: number) => string;
  /** A share of 1: "1.08%". */
  readonly percent: (share: number) => string;
  /** Binary units: "177 MiB", "512 B". */
  readonly bytes: (n: number) => string;
  /** A whole count with its noun: "1 bucket", "1,024 buckets". */
  readonly plural: (n: number, forms: PluralForms) => string;
  /** A count shown with at most two decimals with its noun, agreeing with what is shown: "1 entry", "1.5 entries". */
  readonly pluralDecimal: (x: number, forms: PluralForms) => string;
}

/**
 * The formats of the page's number functions (src/domain/core/format.ts) for one language, with
 * plural forms from Intl.PluralRules. The rules are built on first use, so a table that never
 * asks for a plural form (Chinese has none) never loads them.
 */
export function formatsFor(locale: Locale): Formats {
  let rules: Intl.PluralRules | undefined;
  const choose = (shown: string, value: number, forms: PluralForms): string => {
    rules ??= new Intl.PluralRules(locale);
    return (forms[rules.select(value)] ?? forms.other).replaceAll("#", shown);
  };
  const integer = (n: number) => formatInteger(n, locale);
  return {
    integer,
    milli: (milli) => formatMilli(milli, locale),
    decimal: formatDecimal,
    percent: formatPercent,
    bytes: formatBinaryBytes,
    plural: (n, forms) => choose(integer(n), Math.round(n), forms),
    pluralDecimal: (x, forms) => {
      const shown = formatDecimal(x);
      return choose(shown, Number(shown), forms);
    },
  };
}
