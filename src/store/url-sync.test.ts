import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_FIELD_TEXT_LENGTH } from "../domain/core/field-spec";
import { DEFAULT_ALL_RAW, validateAnyField } from "../domain/sizing/fields";
import { setField, setLang, useCalcStore } from "./calc-store";
import { flushUrlSync, startUrlSync } from "./url-sync";

/**
 * The few window globals the sync uses, without a DOM: an address, a history that records each
 * replaceState, and events (popstate, pagehide).
 */
function fakeWindow(search: string, pathname = "/nf-conntrack/") {
  const location = { pathname, search, hash: "#paste-heading" };
  const href = () => `http://localhost${location.pathname}${location.search}${location.hash}`;
  // As browsers do (HTML, "URL and history update steps"): a URL of another origin is refused.
  const replaceState = vi.fn((_state: unknown, _unused: string, url: string) => {
    const next = new URL(url, href());
    if (next.origin !== "http://localhost") throw new DOMException("not the page's origin", "SecurityError");
    location.search = next.search;
  });
  const events = new EventTarget();
  return Object.assign(events, { location, history: { state: null, replaceState } });
}

let page: ReturnType<typeof fakeWindow>;
let stop: (() => void) | null = null;

function start(search: string, pathname?: string) {
  page = fakeWindow(search, pathname);
  vi.stubGlobal("window", page);
  stop = startUrlSync();
}

beforeEach(() => {
  vi.useFakeTimers();
  useCalcStore.setState(useCalcStore.getInitialState(), true);
});

afterEach(() => {
  stop?.();
  stop = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The query strings written to the address bar so far. */
const written = () => page.history.replaceState.mock.calls.map(([, , url]) => url);

describe("startUrlSync", () => {
  it("loads the fields from the address, then writes every input explicitly at once", () => {
    start("?ram=64GiB&arch=48");
    expect(useCalcStore.getState().raw).toMatchObject({ ram: "64GiB", arch: "48" });
    expect(useCalcStore.getState().validRaw.arch).toBe(DEFAULT_ALL_RAW.arch);
    expect(written()).toEqual(["?v=2&ram=64GiB&arch=48&kernel=6.12&page=4#paste-heading"]);
  });

  it("does not write an address that is already normalised", () => {
    start("?v=2&ram=16GiB&arch=64&kernel=6.12&page=4");
    expect(written()).toEqual([]);
  });

  it("writes at most once per 150 ms while the user types, with the last text", () => {
    start("");
    page.history.replaceState.mockClear();
    setField("ram", "6");
    setField("ram", "64");
    vi.advanceTimersByTime(100);
    setField("ram", "64G");
    expect(written()).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(written()).toEqual(["?v=2&ram=64G&arch=64&kernel=6.12&page=4#paste-heading"]);
    setField("ram", "64GiB");
    vi.advanceTimersByTime(149);
    expect(written()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(written()).toHaveLength(2);
    expect(page.location.search).toBe("?v=2&ram=64GiB&arch=64&kernel=6.12&page=4");
  });

  it("writes the chosen language, and nothing for a change that is not in a link", () => {
    start("");
    page.history.replaceState.mockClear();
    useCalcStore.setState({ paste: "MemTotal: 1 kB" });
    vi.advanceTimersByTime(1000);
    expect(written()).toEqual([]);
    setLang("zh-CN");
    vi.advanceTimersByTime(150);
    expect(page.location.search).toBe("?v=2&ram=16GiB&arch=64&kernel=6.12&page=4&lang=zh-CN");
  });

  it("keeps a path that starts with // (which a written-out path would make another host)", () => {
    start("?ram=2T", "//nf-conntrack/");
    expect(useCalcStore.getState().raw.ram).toBe("2T");
    expect(page.location.search).toBe("?v=2&ram=2T&arch=64&kernel=6.12&page=4");
    expect(page.location.pathname).toBe("//nf-conntrack/");
  });

  it("goes on without the address bar when the browser refuses to write it", () => {
    page = fakeWindow("?ram=2T");
    page.history.replaceState.mockImplementation(() => {
      throw new DOMException("refused", "SecurityError");
    });
    vi.stubGlobal("window", page);
    expect(() => (stop = startUrlSync())).not.toThrow();
    expect(useCalcStore.getState().raw.ram).toBe("2T");
    setField("ram", "4T");
    expect(() => vi.advanceTimersByTime(150)).not.toThrow();
    expect(() => flushUrlSync()).not.toThrow();
    expect(useCalcStore.getState().validRaw.ram).toBe("4T");
  });

  it("writes a text longer than any field takes cut to one character over, still refused", () => {
    start("");
    setField("tcp_cps", `1${" ".repeat(1 << 20)}x`);
    vi.advanceTimersByTime(150);
    const address = new URLSearchParams(page.location.search);
    expect(address.get("tcp_cps")).toBe(`1${" ".repeat(MAX_FIELD_TEXT_LENGTH)}`);
    expect(validateAnyField("tcp_cps", address.get("tcp_cps") ?? "").ok).toBe(false);
    expect(page.location.search.length).toBeLessThan(400);
    expect(useCalcStore.getState().raw.tcp_cps).toHaveLength((1 << 20) + 2);
  });

  it("reloads the fields when the user goes back or forward", () => {
    start("");
    page.location.search = "?ram=8G";
    page.dispatchEvent(new Event("popstate"));
    expect(useCalcStore.getState().raw.ram).toBe("8G");
  });

  it("writes a pending change at once on pagehide and on flushUrlSync()", () => {
    start("");
    setField("ram", "8G");
    page.dispatchEvent(new Event("pagehide"));
    expect(page.location.search).toBe("?v=2&ram=8G&arch=64&kernel=6.12&page=4");
    setField("ram", "4G");
    flushUrlSync();
    expect(page.location.search).toBe("?v=2&ram=4G&arch=64&kernel=6.12&page=4");
    const count = written().length;
    vi.advanceTimersByTime(1000);
    expect(written()).toHaveLength(count);
  });

  it("stops: writes what is pending, then no longer follows the store or the address", () => {
    start("");
    setField("ram", "8G");
    stop?.();
    stop = null;
    expect(page.location.search).toBe("?v=2&ram=8G&arch=64&kernel=6.12&page=4");
    setField("ram", "4G");
    vi.advanceTimersByTime(1000);
    page.location.search = "?ram=2G";
    page.dispatchEvent(new Event("popstate"));
    expect(page.location.search).toBe("?ram=2G");
    expect(useCalcStore.getState().raw.ram).toBe("4G");
  });
});
