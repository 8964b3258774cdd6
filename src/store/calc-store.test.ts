import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_ALL_RAW } from "../domain/sizing/fields";
import { applyFields, applyPaste, loadSearch, setField, setLang, setPaste, useCalcStore } from "./calc-store";
import { applyTrafficPreset } from "./traffic-view";

// zustand's testing guide: every test starts from the store's initial state. Fake timers keep a
// paste one test typed from being read during the next.
beforeEach(() => {
  vi.useFakeTimers();
  useCalcStore.setState(useCalcStore.getInitialState(), true);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the calculator store", () => {
  it("starts from the defaults, without reading the page", () => {
    expect(useCalcStore.getState()).toEqual({
      raw: DEFAULT_ALL_RAW,
      validRaw: DEFAULT_ALL_RAW,
      notice: null,
      lang: null,
      paste: "",
      pasteReading: null,
      trafficPreset: null,
    });
  });

  it("loads a query string: a bad value is kept as given and only that field falls back", () => {
    loadSearch("?ram=64GiB&arch=48&tcp_cps=100&lang=zh-CN");
    const state = useCalcStore.getState();
    const way = { from: "traffic" };
    expect(state.raw).toEqual({ ...DEFAULT_ALL_RAW, ...way, ram: "64GiB", arch: "48", tcp_cps: "100" });
    expect(state.validRaw).toEqual({ ...DEFAULT_ALL_RAW, ...way, ram: "64GiB", tcp_cps: "100" });
    expect(state.lang).toBe("zh-CN");
    expect(state.notice).toBeNull();
  });

  it("loads a version 1 link with the article's figures, and reports an unknown version", () => {
    loadSearch("?v=1&ram=8G");
    expect(useCalcStore.getState().validRaw).toMatchObject({ ram: "8G", ratio: "4", struct: "352" });
    loadSearch("?v=7&ram=8G");
    expect(useCalcStore.getState().notice).toEqual({ code: "unknown-version" });
    expect(useCalcStore.getState().validRaw.ram).toBe("8G");
  });

  it("replaces every field on a new query string, keeping the paste box", () => {
    setPaste("MemTotal: 1 kB");
    loadSearch("?ram=64GiB&lang=en");
    loadSearch("?arch=32");
    expect(useCalcStore.getState()).toMatchObject({
      raw: { ...DEFAULT_ALL_RAW, arch: "32" },
      lang: null,
      paste: "MemTotal: 1 kB",
    });
  });

  it("setField keeps the text as typed and the last valid value for the results", () => {
    setField("ram", "64 GiB");
    setField("ram", "64 GiX");
    const state = useCalcStore.getState();
    expect(state.raw.ram).toBe("64 GiX");
    expect(state.validRaw.ram).toBe("64 GiB");
    expect(state.raw.arch).toBe(DEFAULT_ALL_RAW.arch);
  });

  it("applyFields sets several fields at once, each valid one as a value", () => {
    applyFields({ ram: "8 GiB", kernel: "linux", to_udp_timeout: "60" });
    const state = useCalcStore.getState();
    expect(state.raw).toEqual({ ...DEFAULT_ALL_RAW, ram: "8 GiB", kernel: "linux", to_udp_timeout: "60" });
    expect(state.validRaw).toEqual({ ...DEFAULT_ALL_RAW, ram: "8 GiB", to_udp_timeout: "60" });
  });

  it("setLang and setPaste change only their own state", () => {
    setLang("zh-CN");
    setPaste("6.8.0 x86_64");
    expect(useCalcStore.getState()).toMatchObject({
      lang: "zh-CN",
      paste: "6.8.0 x86_64",
      raw: DEFAULT_ALL_RAW,
    });
    setLang(null);
    expect(useCalcStore.getState().lang).toBeNull();
  });

  it("applyTrafficPreset writes the preset's fields, resets the other timeouts and remembers the choice", () => {
    setField("to_udp_timeout", "60");
    applyTrafficPreset("kubernetes-node");
    const state = useCalcStore.getState();
    expect(state.trafficPreset).toBe("kubernetes-node");
    expect(state.validRaw).toMatchObject({
      tcp_cps: "1000",
      headroom: "50",
      to_tcp_timeout_established: "86400",
      to_udp_timeout: "",
    });
    expect(state.raw).toEqual(state.validRaw);
  });
});

describe("pasting a dump", () => {
  it("applyPaste fills the fields it read, once, and says which", async () => {
    await applyPaste("MemTotal:       24683620 kB\n6.18.44 x86_64\n");
    const state = useCalcStore.getState();
    expect(state.validRaw).toMatchObject({ ram: "24683620 KiB", arch: "64", kernel: "6.18.44" });
    expect(state.pasteReading).toMatchObject({ status: "read", filled: ["ram", "arch", "kernel"] });
    setField("ram", "8G");
    expect(useCalcStore.getState().validRaw.ram).toBe("8G");
  });

  it("setPaste keeps the text at once and reads it 150 ms after the last change", async () => {
    setPaste("MemTotal: 1048576 kB");
    setPaste("MemTotal: 2097152 kB");
    expect(useCalcStore.getState().paste).toBe("MemTotal: 2097152 kB");
    await vi.advanceTimersByTimeAsync(149);
    expect(useCalcStore.getState().pasteReading).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(useCalcStore.getState().validRaw.ram).toBe("2097152 KiB"));
    setPaste("");
    await vi.advanceTimersByTimeAsync(0);
    expect(useCalcStore.getState().pasteReading).toBeNull();
    expect(useCalcStore.getState().validRaw.ram).toBe("2097152 KiB");
  });
});
