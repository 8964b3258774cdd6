import {
  ALL_FIELD_KEYS,
  DEFAULT_ALL_RAW,
  FIELDS,
  fieldsOf,
  validateAnyField,
  type AllRaw,
  type AnyFieldKey,
} from "../domain/sizing/fields";
import { formatKernelVersion, isNewestKeyword, NEWEST_KERNEL } from "../domain/kernel/kernel-version";
import { tryParseLocale, type Locale } from "../domain/core/locale";
import { migrateParams, URL_VERSION, type VersionNotice } from "./migrations";
import type { SizingWay } from "../domain/sizing/way";

export interface LinkState {
  /** Every field's text as the link gave it (the default where the key is absent). */
  readonly raw: AllRaw;
  /** Every field's text with invalid values replaced by the default, field by field. */
  readonly validRaw: AllRaw;
  readonly notice: VersionNotice | null;
  /** The page language the link asks for (`lang`), or null to follow the browser. */
  readonly lang: Locale | null;
}

/**
 * Reads a query string ("?ram=64GiB&arch=64…"). Never throws: a bad value stays in `raw` to be
 * shown at its field, and only that field falls back in `validRaw`: to its default, or to what
 * the link's own version used instead (migrateParams()).
 */
export function decodeSearch(search: string): LinkState {
  const { params, notice, fallbacks } = migrateParams(new URLSearchParams(search));
  const raw = {} as Record<AnyFieldKey, string>;
  const validRaw = {} as Record<AnyFieldKey, string>;
  for (const key of ALL_FIELD_KEYS) {
    const text = params.get(key) ?? DEFAULT_ALL_RAW[key];
    raw[key] = text;
    validRaw[key] = validateAnyField(key, text).ok ? text : (fallbacks[key] ?? DEFAULT_ALL_RAW[key]);
  }
  if (!params.has("from")) {
    raw.from = impliedWay(raw);
    validRaw.from = raw.from;
  }
  return { raw, validRaw, notice, lang: tryParseLocale(params.get("lang")) };
}

/**
 * The way of sizing a link means without `from`: traffic when it sets a traffic field (links made
 * before `from` existed opened on the traffic panel), else RAM.
 */
function impliedWay(raw: AllRaw): SizingWay {
  return fieldsOf("traffic").some((key) => raw[key] !== DEFAULT_ALL_RAW[key]) ? "traffic" : "ram";
}

/**
 * Writes each field by its link rule (FieldSpec.link): the sizing inputs as typed, `max`, `ratio`
 * and `struct` left out when empty, their absence meaning "derive from RAM" and "the kernel's own";
 * `from` when it differs from what the other fields imply (impliedWay()); the other fields when they, or a field of
 * their group, differ from their default (their absence has a fixed meaning: no traffic, no
 * Kubernetes node, the kernel's own timeouts). `lang` comes last, and only when a language was
 * chosen.
 */
export function encodeSearch(raw: AllRaw, lang: Locale | null = null): string {
  const params = new URLSearchParams({ v: String(URL_VERSION) });
  const changed = (key: AnyFieldKey) => raw[key] !== DEFAULT_ALL_RAW[key];
  for (const key of ALL_FIELD_KEYS) {
    const { link, group } = FIELDS[key];
    const written =
      link === "always" ||
      (link === "unless-empty" && raw[key] !== "") ||
      (link === "when-changed" && changed(key)) ||
      (link === "group-when-changed" && fieldsOf(group).some(changed)) ||
      (link === "unless-implied" && raw[key] !== impliedWay(raw));
    if (written) params.set(key, raw[key]);
  }
  if (lang) params.set("lang", lang);
  return `?${params.toString()}`;
}

/**
 * The field texts a shared link should carry, so it keeps its meaning when this tool learns newer
 * kernels: "newest" in the kernel field is written as the version it means today. Values derived
 * from other fields (empty entries per bucket and bytes per entry: the kernel's own) stay derived,
 * so a colleague who changes the kernel or the role gets that kernel's own; `v` fixes what
 * "derived" means, and a change of the measured defaults bumps it (migrations.ts).
 */
export function pinForSharing(raw: AllRaw): AllRaw {
  return isNewestKeyword(raw.kernel) ? { ...raw, kernel: formatKernelVersion(NEWEST_KERNEL) } : raw;
}
