import { useEffect } from "react";
import { create } from "zustand";
import { LOCALES, pageLocale, type Locale } from "../domain/core/locale";
import { useCalcStore } from "./calc-store";
import { markLocaleFailed } from "./page-status";
import type { Messages } from "../i18n/en";

/**
 * Loaded message tables. Each language is its own chunk, fetched on first use, so a page
 * downloads only the words it shows (src/main.tsx renders once the page's language is here).
 */
const useLoaded = create<Partial<Record<Locale, Messages>>>()(() => ({}));

const loading = new Map<Locale, Promise<void>>();

/**
 * Loads a language's messages, once: every caller shares one download, and one failure (the
 * chunk could not be fetched) is not retried by every component that asks.
 */
export function loadMessages(locale: Locale): Promise<void> {
  let load = loading.get(locale);
  if (!load) {
    const messages =
      locale === "zh-CN"
        ? import("../i18n/zh-CN").then((m) => m.zhCN)
        : import("../i18n/en").then((m) => m.en);
    load = messages.then((table) => useLoaded.setState({ [locale]: table }));
    loading.set(locale, load);
  }
  return load;
}

/** The page language: the link's `lang` if any, else the browser's preference. */
export function initialLocale(lang: Locale | null): Locale {
  return pageLocale(lang, navigator.languages);
}

/**
 * The current language and its messages. After a switch, the language shown so far stays until
 * the new one has loaded.
 */
export function useMessages(): { t: Messages; locale: Locale } {
  const lang = useCalcStore((state) => state.lang);
  const locale = initialLocale(lang);
  const t = useLoaded((loaded) => loaded[locale]);
  const shown = useLoaded((loaded) => LOCALES.find((other) => loaded[other]));
  const fallback = useLoaded((loaded) => (shown ? loaded[shown] : undefined));
  useEffect(() => {
    // A language that cannot be downloaded leaves the page in the one it shows, which says so.
    if (!t) loadMessages(locale).catch(() => markLocaleFailed(locale));
  }, [t, locale]);
  if (t) return { t, locale };
  if (!fallback || !shown) throw new Error("useMessages: rendered before any language loaded");
  return { t: fallback, locale: shown };
}

/**
 * The words of a part of the page that loads on its own (src/i18n/parts/): its table holds every
 * language and comes with the part, so the page's first download carries only the words it shows
 * first. Follows the language shown, as useMessages() does.
 */
export function usePart<T>(part: Readonly<Record<Locale, T>>): T {
  return part[useMessages().locale];
}
