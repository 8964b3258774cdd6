import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GiB, KiB, MiB, TiB, tryParseRamText } from "./units";

describe("tryParseRamText", () => {
  it.each([
    ["16", 16 * GiB],
    ["16GiB", 16 * GiB],
    ["64 GiB", 64 * GiB],
    ["64 gib", 64 * GiB],
    ["64G", 64 * GiB],
    ["64gb", 64 * GiB],
    ["787752 MiB", 787752 * MiB],
    ["787752M", 787752 * MiB],
    ["787752mb", 787752 * MiB],
    ["24683620 kB", 24683620 * KiB],
    ["24683620K", 24683620 * KiB],
    ["24683620 KiB", 24683620 * KiB],
    ["1.5T", 1.5 * TiB],
    ["1.5 TB", 1.5 * TiB],
    ["2tib", 2 * TiB],
    ["17179869184 B", 16 * GiB],
    ["17179869184b", 16 * GiB],
    ["0.5", GiB / 2],
    [".5G", GiB / 2],
    ["3.", 3 * GiB],
    ["  8 GiB  ", 8 * GiB],
    ["1,024 MiB", GiB],
    ["1_024M", GiB],
    ["MemTotal:       24683620 kB", 24683620 * KiB],
    ["1.0000000001 B", 1],
    ["0.3 K", 307],
  ])("reads %j as %d bytes", (text, expected) => {
    expect(tryParseRamText(text)).toEqual({ ok: true, value: BigInt(expected) });
  });

  it("floors fractions to whole bytes exactly", () => {
    // 1/3 GiB is not a whole number of bytes; 0.333333333 GiB = 357913940.6… bytes.
    expect(tryParseRamText("0.333333333")).toEqual({ ok: true, value: 357913940n });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "syntax"],
    ["GiB", "syntax"],
    ["-16", "syntax"],
    ["16 GiB extra", "syntax"],
    ["1e9", "syntax"],
    ["16 PB", "unit"],
    ["16 gigs", "unit"],
    ["1.2.3", "syntax"],
    ["1,5 GiB", "syntax"],
    ["16\nGiB", "syntax"],
    ["Infinity", "syntax"],
    ["NaN", "syntax"],
    ["5 constructor", "unit"],
    ["5 __proto__", "syntax"],
    ["5 toString", "unit"],
    ["9".repeat(100), "syntax"],
  ])("rejects %j (%s)", (text, code) => {
    const result = tryParseRamText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.code).toBe(code);
  });

  it("never throws, and any success is a non-negative whole number of bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const result = tryParseRamText(text);
        if (result.ok) expect(result.value >= 0n).toBe(true);
      }),
    );
  });

  it("reads back any whole number of MiB written with its unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 }),
        fc.constantFrom("M", "MiB", "mb", " MiB"),
        (n, unit) => {
          expect(tryParseRamText(`${n}${unit}`)).toEqual({ ok: true, value: BigInt(n) * BigInt(MiB) });
        },
      ),
    );
  });
});
