/** The page's languages. The URL key `lang` takes exactly these codes. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** `lang` from a link: one of LOCALES (case-insensitive), else null. */
export function tryParseLocale(text: string | null): Locale | null {
  const wanted = text?.trim().toLowerCase();
  return LOCALES.find((locale) => locale.toLowerCase() === wanted) ?? null;
}

/**
 * The language for a browser's preference list (navigator.languages): the first entry that is
 * Chinese (any region or script: zh, zh-CN, zh-Hans, zh-TW, …) or English wins; English when
 * none is.
 *
 * @example detectLocale(["zh-CN", "en-US"]) // "zh-CN"
 *
 * @internal exported for its tests
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (primary === "zh") return "zh-CN";
    if (primary === "en") return "en";
  }
  return "en";
}

/**
 * The page's language: the link's `lang` if any, else the browser's preference. One rule for the
 * app (src/store/messages.ts) and the script that shows a link's numbers before it (src/shell).
 */
export function pageLocale(lang: Locale | null, languages: readonly string[]): Locale {
  return lang ?? detectLocale(languages);
}
