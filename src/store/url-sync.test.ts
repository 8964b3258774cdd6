import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_ALL_RAW } from "../domain/sizing/fields";
import { setField, setLang, useCalcStore } from "./calc-store";
import { flushUrlSync, startUrlSync } from "./url-sync";

/**
 * The few window globals the sync uses, without a DOM: an address, a history that records each
 * replaceState, and events (popstate, pagehide).
 */
function fakeWindow(search: string) {
  const location = { pathname: "/nf-conntrack/", search, hash: "#paste-heading" };
  const replaceState = vi.fn((_state: unknown, _unused: string, url: string) => {
    const query = new URL(url, "http://localhost").search;
    location.search = query;
  });
  const events = new EventTarget();
  return Object.assign(events, { location, history: { state: null, replaceState } });
}

let page: ReturnType<typeof fakeWindow>;
let stop: (() => void) | null = null;

function start(search: string) {
  page = fakeWindow(search);
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
    expect(written()).toEqual(["/nf-conntrack/?v=2&ram=64GiB&arch=48&kernel=6.12&page=4#paste-heading"]);
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
    expect(written()).toEqual(["/nf-conntrack/?v=2&ram=64G&arch=64&kernel=6.12&page=4#paste-heading"]);
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
