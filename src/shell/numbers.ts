import { formatBinaryBytes, formatInteger } from "../domain/core/format";
import { pageLocale, type Locale } from "../domain/core/locale";
import { computeSizing } from "../domain/sizing/sizing";
import { decodeSizingLink } from "../url/sizing-link";

/** One of the three results, as the results panel shows it. */
export interface ShellNumber {
  /** The sysctl's name; empty for the memory, whose title has words in the page's language. */
  readonly title: string;
  readonly testId: "result-max" | "result-buckets" | "result-memory";
  readonly value: number;
  readonly display: string;
}

/**
 * The numbers a link asks for, computed as the results panel computes them: the same decoding,
 * the same per-field fallback for bad values (`validRaw`), the same sizing and the same
 * formatting in the page's language. They show before React starts (the budget in docs/performance.md: a shared link's
 * numbers within twice a static page's time), and being the same computation they can never
 * differ from what React then draws.
 */
export function shellNumbers(
  search: string,
  languages: readonly string[],
): { locale: Locale; numbers: ShellNumber[] } {
  const { inputs, lang, byRamRule } = decodeSizingLink(search);
  const locale = pageLocale(lang, languages);
  // A link whose answer is not the RAM rule on valid inputs shows its numbers when the app draws them.
  if (!byRamRule) return { locale, numbers: [] };
  const sizing = computeSizing(inputs);
  const numbers: ShellNumber[] = [
    {
      title: "nf_conntrack_max",
      testId: "result-max",
      value: sizing.max,
      display: formatInteger(sizing.max, locale),
    },
    {
      title: "nf_conntrack_buckets",
      testId: "result-buckets",
      value: sizing.buckets,
      display: formatInteger(sizing.buckets, locale),
    },
    {
      title: "",
      testId: "result-memory",
      value: sizing.memory.total,
      display: formatBinaryBytes(sizing.memory.total),
    },
  ];
  return { locale, numbers };
}

/** Draws the numbers into the static shell's results frame, with the results panel's markup. */
export function paintShellNumbers(frame: Element, numbers: readonly ShellNumber[]): void {
  const document = frame.ownerDocument;
  frame.append(document.createElement("h2"));
  for (const number of numbers) {
    const card = document.createElement("article");
    card.className = "result";
    const title = document.createElement("h3");
    title.textContent = number.title;
    const value = document.createElement("p");
    value.className = "result-value";
    value.dataset.testid = number.testId;
    value.dataset.value = String(number.value);
    value.textContent = number.display;
    const head = document.createElement("div");
    head.className = "result-head";
    head.append(title, value);
    card.append(head);
    frame.append(card);
  }
}
