import { MAX_FIELD_TEXT_LENGTH } from "../domain/core/field-spec";
import type { AllRaw } from "../domain/sizing/fields";
import { encodeSearch } from "../url/codec";
import { loadSearch, useCalcStore } from "./calc-store";

/**
 * Browsers rate-limit history.replaceState (Safari throws after 100 calls in 30 s), so the
 * address bar is written at most this often while the user types.
 */
const WRITE_INTERVAL_MS = 150;

/**
 * The fields as the address bar carries them: a text longer than any field accepts is cut to one
 * character over that length, so it stays refused at its field after a reload, and the address
 * stays short. Chromium takes seconds to store a megabyte address on every replaceState, and
 * static servers refuse a request line much over 8 KiB (nginx: large_client_header_buffers).
 */
function addressFields(raw: AllRaw): AllRaw {
  const long = (text: string) => text.length > MAX_FIELD_TEXT_LENGTH;
  if (!Object.values(raw).some(long)) return raw;
  return Object.fromEntries(
    Object.entries(raw).map(([key, text]) => [
      key,
      long(text) ? text.slice(0, MAX_FIELD_TEXT_LENGTH + 1) : text,
    ]),
  ) as AllRaw;
}

/** Writes a pending change now; set while the sync runs. */
let flushPending: (() => void) | null = null;

/**
 * Writes the fields to the address bar at once, before the page reloads itself: `pagehide` comes
 * too late for that, the reload has already taken the old address.
 */
export function flushUrlSync(): void {
  flushPending?.();
}

/**
 * Loads the fields from the address bar, then keeps the address bar equal to the fields, as
 * typed, so a reload or a copied address shows the same page. Returns a function that stops
 * syncing.
 */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = () => {
    timer = null;
    const { raw, lang } = useCalcStore.getState();
    const search = encodeSearch(addressFields(raw), lang);
    if (search === window.location.search) return;
    // A URL relative to the page's own ("?…#…"): the path is kept as the browser has it. The
    // pathname written out would be read as another host when it starts with "//"
    // ("http://host//?v=2" gives "//?v=2"), and replaceState throws a SecurityError for it.
    try {
      window.history.replaceState(window.history.state, "", `${search}${window.location.hash}`);
    } catch {
      // Browsers also throw when called too often (WebKit: more than 100 times in 30 s). The
      // address bar is a convenience: the page and "Copy link" keep working without it.
    }
  };
  const schedule = () => {
    timer ??= setTimeout(write, WRITE_INTERVAL_MS);
  };
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
  const onPopState = () => loadSearch(window.location.search);

  loadSearch(window.location.search);
  const unsubscribe = useCalcStore.subscribe((state, previous) => {
    if (state.raw !== previous.raw || state.lang !== previous.lang) schedule();
  });
  window.addEventListener("popstate", onPopState);
  window.addEventListener("pagehide", flush);
  flushPending = flush;
  // Normalise the address on load: every input written explicitly.
  write();
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPopState);
    window.removeEventListener("pagehide", flush);
    flushPending = null;
    flush();
  };
}
