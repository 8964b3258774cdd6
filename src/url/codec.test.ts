import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_FIELD_KEYS, DEFAULT_ALL_RAW, type AllRaw } from "../domain/sizing/fields";
import { DEFAULT_RAW, readInputs } from "../domain/sizing/inputs";
import { decodeSearch, encodeSearch, pinForSharing } from "./codec";

const arbitraryRaw: fc.Arbitrary<AllRaw> = fc.record(
  Object.fromEntries(ALL_FIELD_KEYS.map((key) => [key, fc.string({ unit: "binary" })])) as Record<
    keyof AllRaw,
    fc.Arbitrary<string>
  >,
);

describe("decodeSearch", () => {
  it("gives the defaults for an empty query", () => {
    expect(decodeSearch("")).toEqual({
      raw: DEFAULT_ALL_RAW,
      validRaw: DEFAULT_ALL_RAW,
      notice: null,
      lang: null,
    });
  });

  it("reads every key", () => {
    const { raw, validRaw } = decodeSearch(
      "?v=1&ram=787752+MiB&arch=32&ratio=1.5&struct=256&max=1000000&kernel=5.15.0-91-generic&page=64",
    );
    const expected = {
      ram: "787752 MiB",
      arch: "32",
      ratio: "1.5",
      struct: "256",
      max: "1000000",
      kernel: "5.15.0-91-generic",
      page: "64",
    };
    expect(raw).toEqual({ ...DEFAULT_ALL_RAW, ...expected });
    expect(validRaw).toEqual({ ...DEFAULT_ALL_RAW, ...expected });
  });

  it("keeps a bad value as given and falls back for that field alone", () => {
    const { raw, validRaw } = decodeSearch("?ram=lots&arch=32&ratio=0&struct=256");
    expect(raw).toMatchObject({ ram: "lots", arch: "32", ratio: "0", struct: "256" });
    expect(validRaw).toMatchObject({
      ram: DEFAULT_RAW.ram,
      arch: "32",
      ratio: DEFAULT_RAW.ratio,
      struct: "256",
    });
  });

  it("reads a link without v as the current version, with today's defaults", () => {
    const { raw, notice } = decodeSearch("?ram=8G");
    expect(notice).toBeNull();
    expect(raw).toMatchObject({ ram: "8G", ratio: "", struct: "" });
  });

  it("keeps a version 1 link's meaning: absent ratio 4, absent struct 352", () => {
    expect(decodeSearch("?v=1&ram=8G").raw).toMatchObject({ ram: "8G", ratio: "4", struct: "352" });
    expect(decodeSearch("?v=1&ratio=1&struct=256").raw).toMatchObject({ ratio: "1", struct: "256" });
    // An empty value was invalid in version 1 and fell back to the default: the same numbers.
    expect(decodeSearch("?v=1&ratio=&struct=").validRaw).toMatchObject({ ratio: "4", struct: "352" });
    expect(decodeSearch("?v=2&ram=8G").raw).toMatchObject({ ratio: "", struct: "" });
  });

  it("gives an invalid value of a version 1 link what version 1 fell back to", () => {
    const old = decodeSearch("?v=1&ratio=0&struct=lots");
    expect(old.raw).toMatchObject({ ratio: "0", struct: "lots" });
    expect(old.validRaw).toMatchObject({ ratio: "4", struct: "352" });
    expect(decodeSearch("?v=2&ratio=0&struct=lots").validRaw).toMatchObject({ ratio: "", struct: "" });
  });

  it("reports an unknown version and still reads the fields", () => {
    const state = decodeSearch("?v=99&ram=8G");
    expect(state.notice).toEqual({ code: "unknown-version" });
    expect(state.raw.ram).toBe("8G");
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (search) => {
        const state = decodeSearch(search);
        for (const key of ALL_FIELD_KEYS) expect(typeof state.validRaw[key]).toBe("string");
      }),
    );
  });

  it("never throws on query-shaped strings with percent escapes", () => {
    const part = fc.oneof(fc.constantFrom(...ALL_FIELD_KEYS, "v", "%", "%zz", "&", "=", "+"), fc.string());
    fc.assert(fc.property(fc.array(part), (parts) => void decodeSearch(`?${parts.join("")}`)));
  });
});

describe("encodeSearch", () => {
  it("writes every input as typed, v first; max, ratio and struct only when set", () => {
    expect(encodeSearch(DEFAULT_ALL_RAW)).toBe("?v=2&ram=16GiB&arch=64&kernel=6.12&page=4");
    expect(encodeSearch({ ...DEFAULT_ALL_RAW, max: "262144", ratio: "4", struct: "352" })).toBe(
      "?v=2&ram=16GiB&arch=64&ratio=4&struct=352&max=262144&kernel=6.12&page=4",
    );
  });

  it("round-trips any field texts: decode(encode(x)) = x", () => {
    fc.assert(
      fc.property(arbitraryRaw, (raw) => {
        expect(decodeSearch(encodeSearch(raw)).raw).toEqual(raw);
      }),
    );
  });

  it("escapes markup and separators so nothing leaks between keys", () => {
    const raw = { ...DEFAULT_ALL_RAW, ram: "16&arch=32", kernel: "<img src=x onerror=alert(1)>" };
    const search = encodeSearch(raw);
    expect(search).not.toContain("<");
    expect(decodeSearch(search).raw).toEqual(raw);
  });
});

describe("traffic, Kubernetes and timeout keys", () => {
  it("are written only when they differ from their default, traffic as a group", () => {
    const search = encodeSearch({
      ...DEFAULT_ALL_RAW,
      from: "traffic",
      tcp_cps: "1000",
      to_udp_timeout: "10",
      cores: "8",
    });
    expect(search).toBe(
      "?v=2&ram=16GiB&arch=64&kernel=6.12&page=4" +
        "&tcp_cps=1000&tcp_life=10&udp_cps=0&udp_life=0&headroom=20&cores=8&k8s=1.36&to_udp_timeout=10",
    );
    expect(decodeSearch(search).raw).toMatchObject({ tcp_cps: "1000", headroom: "20", to_udp_timeout: "10" });
  });

  it("carry the way of sizing when the other fields do not imply it", () => {
    const traffic = { ...DEFAULT_ALL_RAW, tcp_cps: "1000" };
    expect(encodeSearch({ ...traffic, from: "ram" })).toContain("?v=2&from=ram&ram=");
    expect(encodeSearch({ ...DEFAULT_ALL_RAW, from: "paste" })).toContain("?v=2&from=paste&ram=");
    expect(decodeSearch(encodeSearch({ ...traffic, from: "ram" })).raw.from).toBe("ram");
    // Links made before `from` existed opened on the traffic panel when they set traffic.
    expect(decodeSearch("?v=2&ram=8G&tcp_cps=1000").raw.from).toBe("traffic");
    expect(decodeSearch("?v=2&ram=8G").raw.from).toBe("ram");
    expect(decodeSearch("?v=2&from=bogus").validRaw.from).toBe("ram");
  });

  it("keep a bad value and fall back alone", () => {
    const { raw, validRaw } = decodeSearch("?tcp_cps=fast&udp_cps=5&to_udp_timeout=-3&cores=0");
    expect(raw).toMatchObject({ tcp_cps: "fast", udp_cps: "5", to_udp_timeout: "-3", cores: "0" });
    expect(validRaw).toMatchObject({ tcp_cps: "0", udp_cps: "5", to_udp_timeout: "", cores: "" });
  });
});

describe("pinForSharing", () => {
  it('writes "newest" as the version it means, so a shared link keeps its meaning', () => {
    expect(pinForSharing({ ...DEFAULT_ALL_RAW, kernel: "Newest" }).kernel).toBe("7.3");
    const typed = { ...DEFAULT_ALL_RAW, ratio: "4", struct: "352" };
    expect(pinForSharing(typed)).toBe(typed);
  });

  it("leaves the kernel's own ratio and bytes per entry derived, so the link follows a changed kernel", () => {
    expect(encodeSearch(pinForSharing(DEFAULT_ALL_RAW))).toBe("?v=2&ram=16GiB&arch=64&kernel=6.12&page=4");
    const shared = decodeSearch(encodeSearch(pinForSharing({ ...DEFAULT_ALL_RAW, kernel: "5.10" })));
    expect(shared.raw).toMatchObject({ ratio: "", struct: "" });
    const changedKernel = readInputs({ ...shared.validRaw, kernel: "6.12" });
    expect(changedKernel.ratio).toEqual({ numerator: 1, denominator: 1 });
    expect(changedKernel.struct).toBe(256);
  });

  it("keeps the numbers of any link through copying: decode(encode(pin(x))) computes the same", () => {
    fc.assert(
      fc.property(arbitraryRaw, (raw) => {
        const { validRaw } = decodeSearch(encodeSearch(raw));
        const pinned = decodeSearch(encodeSearch(pinForSharing(validRaw))).validRaw;
        expect(readInputs(pinned)).toEqual(readInputs(validRaw));
      }),
    );
  });
});
