import { useEffect } from "react";
import { create } from "zustand";
import { detectLocale, type Locale } from "../domain/locale";
import { useCalcStore } from "../store/calc-store";
import { en, type Messages } from "./en";

/**
 * Loaded message tables. English ships with the page; Chinese is its own chunk, fetched on
 * first use, so it costs English readers nothing.
 */
const useLoaded = create<Partial<Record<Locale, Messages>>>()(() => ({ en }));

/** Loads a language's messages (once); resolves when they are ready. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (useLoaded.getState()[locale]) return;
  if (locale === "zh-CN") {
    const { zhCN } = await import("./zh-CN");
    useLoaded.setState({ "zh-CN": zhCN });
  }
}

/** The page language: the link's `lang` if any, else the browser's preference. */
export function initialLocale(lang: Locale | null): Locale {
  return lang ?? detectLocale(navigator.languages);
}

/** The current language and its messages (English while another is still loading). */
export function useMessages(): { t: Messages; locale: Locale } {
  const lang = useCalcStore((state) => state.lang);
  const locale = initialLocale(lang);
  const t = useLoaded((loaded) => loaded[locale]);
  useEffect(() => {
    if (!t) void loadMessages(locale);
  }, [t, locale]);
  return { t: t ?? en, locale: t ? locale : "en" };
}
