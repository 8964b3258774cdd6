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
import { TRAFFIC_FIELD_KEYS, TRAFFIC_FIELDS } from "../domain/traffic/traffic-fields";

/**
 * The sizing inputs and the language a link asks for, and nothing else: what the page needs to
 * show a link's numbers before the app has loaded (src/shell). Reads the same keys with the same
 * per-field fallback as decodeSearch, so the inputs are always those the app computes from
 * (codec.test.ts checks it over random links). `byRamRule`: the app's answer is these inputs'
 * sizing (every sizing field valid, the way RAM or a pasted dump); otherwise the app shows another
 * number or none, so the shell shows none.
 */
export function decodeSizingLink(search: string): {
  inputs: Inputs;
  lang: Locale | null;
  byRamRule: boolean;
} {
  const { params, fallbacks } = migrateParams(new URLSearchParams(search));
  const raw = {} as Record<keyof RawInputs, string>;
  let valid = true;
  for (const key of FIELD_KEYS) {
    const text = params.get(key) ?? DEFAULT_RAW[key];
    valid &&= validateField(key, text).ok;
    raw[key] = validateField(key, text).ok ? text : (fallbacks[key] ?? text);
  }
  // The traffic way answers with the traffic's need, which the shell does not compute: it is the
  // way when `from` says so, or when a link without `from` sets a traffic key (url/codec.ts).
  const from = params.get("from");
  const traffic =
    from === null
      ? TRAFFIC_FIELD_KEYS.some(
          (key) => (params.get(key) ?? TRAFFIC_FIELDS[key].default) !== TRAFFIC_FIELDS[key].default,
        )
      : from.trim() !== "ram" && from.trim() !== "paste";
  return { inputs: readInputs(raw), lang: tryParseLocale(params.get("lang")), byRamRule: valid && !traffic };
}
