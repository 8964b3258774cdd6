import { DEFAULT_RAW, FIELD_KEYS, validateField, type RawInputs } from "../domain/inputs";
import { formatKernelVersion, isNewestKeyword, NEWEST_KERNEL } from "../domain/kernel-version";
import { tryParseLocale, type Locale } from "../domain/locale";
import { migrateParams, URL_VERSION, type VersionNotice } from "./migrations";

export interface LinkState {
  /** Every field's text as the link gave it (the default where the key is absent). */
  readonly raw: RawInputs;
  /** Every field's text with invalid values replaced by the default, field by field. */
  readonly validRaw: RawInputs;
  readonly notice: VersionNotice | null;
  /** The page language the link asks for (`lang`), or null to follow the browser. */
  readonly lang: Locale | null;
}

/**
 * Reads a query string ("?ram=64GiB&arch=64…"). Never throws: a bad value stays in `raw` to be
 * shown at its field, and only that field falls back to its default in `validRaw`.
 */
export function decodeSearch(search: string): LinkState {
  const { params, notice } = migrateParams(new URLSearchParams(search));
  const raw = {} as Record<keyof RawInputs, string>;
  const validRaw = {} as Record<keyof RawInputs, string>;
  for (const key of FIELD_KEYS) {
    const text = params.get(key) ?? DEFAULT_RAW[key];
    raw[key] = text;
    validRaw[key] = validateField(key, text).ok ? text : DEFAULT_RAW[key];
  }
  return { raw, validRaw, notice, lang: tryParseLocale(params.get("lang")) };
}

/**
 * Writes every input explicitly, so a link keeps its meaning if defaults change; `max` is
 * left out when empty, its absence meaning "derive from RAM". `lang` comes last, and only
 * when a language was chosen.
 */
export function encodeSearch(raw: RawInputs, lang: Locale | null = null): string {
  const params = new URLSearchParams({ v: String(URL_VERSION) });
  for (const key of FIELD_KEYS) {
    if (key === "max" && raw.max === "") continue;
    params.set(key, raw[key]);
  }
  if (lang) params.set("lang", lang);
  return `?${params.toString()}`;
}

/**
 * The field texts a shared link should carry: "newest" in the kernel field is written as the
 * version it means today, so the link keeps its meaning when this tool learns newer kernels.
 */
export function pinForSharing(raw: RawInputs): RawInputs {
  return isNewestKeyword(raw.kernel) ? { ...raw, kernel: formatKernelVersion(NEWEST_KERNEL) } : raw;
}
