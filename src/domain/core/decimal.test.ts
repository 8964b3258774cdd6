import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tryParseDecimal, tryParseGroupedInteger, type DecimalSyntax } from "./decimal";

describe("tryParseDecimal", () => {
  it.each<[string, DecimalSyntax, { whole: string; fraction: string } | null]>([
    ["4", {}, { whole: "4", fraction: "" }],
    ["004", {}, { whole: "4", fraction: "" }],
    ["0", {}, { whole: "", fraction: "" }],
    ["1.50", {}, { whole: "1", fraction: "5" }],
    ["4.0000000", {}, { whole: "4", fraction: "" }],
    [".5", {}, { whole: "", fraction: "5" }],
    ["5.", {}, { whole: "5", fraction: "" }],
    ["1,000.5", {}, { whole: "1000", fraction: "5" }],
    ["1_048_576", {}, { whole: "1048576", fraction: "" }],
    ["1 048 576", {}, { whole: "1048576", fraction: "" }],
    ["1,048_576", {}, { whole: "1048576", fraction: "" }],
    ["1,024", { separators: ",_" }, { whole: "1024", fraction: "" }],
    ["1 024", { separators: ",_" }, null],
    ["1,024", { separators: "" }, null],
    ["1.5", { fraction: false }, null],
    ["", {}, null],
    [".", {}, null],
    ["-1", {}, null],
    ["+1", {}, null],
    ["1e3", {}, null],
    ["1,00", {}, null],
    ["1000,000", {}, null],
    [",100", {}, null],
    ["1.000,5", {}, null],
    [" 1", {}, null],
    ["1.2.3", {}, null],
    ["١٢", {}, null],
  ])("%j with %j", (text, syntax, expected) => {
    expect(tryParseDecimal(text, syntax)).toEqual(expected);
  });

  it("reads back every number it is given, with and without separators", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat({ max: 999999 }), (whole, fraction) => {
        const grouped = whole.toLocaleString("en-US");
        const text = `${grouped}.${String(fraction).padStart(6, "0")}`;
        expect(tryParseDecimal(text)).toEqual({
          whole: whole === 0n ? "" : String(whole),
          fraction: String(fraction).padStart(6, "0").replace(/0+$/, ""),
        });
      }),
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        tryParseDecimal(text);
        tryParseDecimal(text, { separators: "", fraction: false });
      }),
    );
  });
});

describe("tryParseGroupedInteger", () => {
  it.each<[string, number | null]>([
    ["86400", 86400],
    ["86,400", 86400],
    ["1 048 576", 1048576],
    ["007", 7],
    ["0", 0],
    ["9007199254740991", 9007199254740991],
    ["9007199254740992", null],
    ["1.5", null],
    ["1.", null],
    ["", null],
    ["12,34", null],
  ])("%j → %j", (text, expected) => {
    expect(tryParseGroupedInteger(text)).toBe(expected);
  });
});
