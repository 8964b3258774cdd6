import {
  DEFAULT_RAW,
  FIELD_KEYS,
  readInputs,
  validateField,
  type Inputs,
  type RawInputs,
} from "../domain/sizing/inputs";
import { tryParseLocale, type Locale } from "../domain/core/locale";
import { migrateParams } from "./migrations";

/**
 * The sizing inputs and the language a link asks for, and nothing else: what the page needs to
 * show a link's numbers before the app has loaded (src/shell). Reads the same keys with the same
 * per-field fallback as decodeSearch, so the inputs are always those the app computes from
 * (codec.test.ts checks it over random links).
 */
export function decodeSizingLink(search: string): { inputs: Inputs; lang: Locale | null } {
  const { params, fallbacks } = migrateParams(new URLSearchParams(search));
  const raw = {} as Record<keyof RawInputs, string>;
  for (const key of FIELD_KEYS) {
    const text = params.get(key) ?? DEFAULT_RAW[key];
    raw[key] = validateField(key, text).ok ? text : (fallbacks[key] ?? text);
  }
  return { inputs: readInputs(raw), lang: tryParseLocale(params.get("lang")) };
}
