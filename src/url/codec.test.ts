import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RAW, FIELD_KEYS, type RawInputs } from "../domain/inputs";
import { decodeSearch, encodeSearch, pinForSharing } from "./codec";

const arbitraryRaw: fc.Arbitrary<RawInputs> = fc.record({
  ram: fc.string({ unit: "binary" }),
  arch: fc.string({ unit: "binary" }),
  ratio: fc.string({ unit: "binary" }),
  struct: fc.string({ unit: "binary" }),
  max: fc.string({ unit: "binary" }),
  kernel: fc.string({ unit: "binary" }),
  page: fc.string({ unit: "binary" }),
});

describe("decodeSearch", () => {
  it("gives the defaults for an empty query", () => {
    expect(decodeSearch("")).toEqual({ raw: DEFAULT_RAW, validRaw: DEFAULT_RAW, notice: null, lang: null });
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
    expect(raw).toEqual(expected);
    expect(validRaw).toEqual(expected);
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

  it("reads a link without v as version 1", () => {
    expect(decodeSearch("?ram=8G").notice).toBeNull();
  });

  it("reports an unknown version and still reads the fields", () => {
    const state = decodeSearch("?v=99&ram=8G");
    expect(state.notice).toEqual({ code: "unknown-version", given: "99" });
    expect(state.raw.ram).toBe("8G");
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (search) => {
        const state = decodeSearch(search);
        for (const key of FIELD_KEYS) expect(typeof state.validRaw[key]).toBe("string");
      }),
      { numRuns: 10_000 },
    );
  });

  it("never throws on query-shaped strings with percent escapes", () => {
    const part = fc.oneof(fc.constantFrom(...FIELD_KEYS, "v", "%", "%zz", "&", "=", "+"), fc.string());
    fc.assert(
      fc.property(fc.array(part), (parts) => void decodeSearch(`?${parts.join("")}`)),
      { numRuns: 10_000 },
    );
  });
});

describe("encodeSearch", () => {
  it("writes every input explicitly, v first, max only when set", () => {
    expect(encodeSearch(DEFAULT_RAW)).toBe("?v=1&ram=16GiB&arch=64&ratio=4&struct=352&kernel=6.12&page=4");
    expect(encodeSearch({ ...DEFAULT_RAW, max: "262144" })).toBe(
      "?v=1&ram=16GiB&arch=64&ratio=4&struct=352&max=262144&kernel=6.12&page=4",
    );
  });

  it("round-trips any field texts: decode(encode(x)) = x", () => {
    fc.assert(
      fc.property(arbitraryRaw, (raw) => {
        expect(decodeSearch(encodeSearch(raw)).raw).toEqual(raw);
      }),
      { numRuns: 10_000 },
    );
  });

  it("escapes markup and separators so nothing leaks between keys", () => {
    const raw = { ...DEFAULT_RAW, ram: "16&arch=32", kernel: "<img src=x onerror=alert(1)>" };
    const search = encodeSearch(raw);
    expect(search).not.toContain("<");
    expect(decodeSearch(search).raw).toEqual(raw);
  });
});

describe("pinForSharing", () => {
  it('writes "newest" as the version it means, so a shared link keeps its meaning', () => {
    expect(pinForSharing({ ...DEFAULT_RAW, kernel: "Newest" }).kernel).toBe("6.18");
    expect(pinForSharing(DEFAULT_RAW)).toBe(DEFAULT_RAW);
  });
});
