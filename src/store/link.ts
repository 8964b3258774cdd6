import type { AllRaw } from "../domain/sizing/fields";
import type { Locale } from "../domain/core/locale";
import { encodeSearch, pinForSharing } from "../url/codec";

/** The absolute link that reproduces these inputs on this page (any host, any sub-path). */
export function shareLink(raw: AllRaw, lang: Locale | null = null): string {
  return `${window.location.origin}${window.location.pathname}${encodeSearch(pinForSharing(raw), lang)}`;
}
