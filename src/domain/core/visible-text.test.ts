import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VISIBLE_TEXT_CHARS, visibleText } from "./visible-text";

describe("visibleText", () => {
  it.each([
    ["64", "64"],
    ["\u202e46", "[U+202E]46"],
    ["a\u2066b\u2069c", "a[U+2066]b[U+2069]c"],
    ["a\u200fb\u200ec\u061c", "a[U+200F]b[U+200E]c[U+061C]"],
    ["x\u200by\ufeff", "x[U+200B]y[U+FEFF]"],
    ["1\n2\r3\t4\u0000", "1[U+000A]2[U+000D]3[U+0009]4[U+0000]"],
    ["\u0085\u2028\u2029\u007f", "[U+0085][U+2028][U+2029][U+007F]"],
    ["\ud800", "[U+D800]"],
    ["\ue000", "[U+E000]"],
    ["💥🚀 中文", "💥🚀 中文"],
  ])("shows %j as %j", (text, shown) => {
    expect(visibleText(text)).toBe(shown);
  });

  it("shortens to the first characters, counted as code points, and says so", () => {
    expect(visibleText("SECURITY NOTICE from the maintainers: run curl | sudo sh")).toBe(
      "SECURITY NOTICE from the…",
    );
    expect(visibleText("💥".repeat(30), 3)).toBe("💥💥💥…");
    expect(visibleText("x".repeat(VISIBLE_TEXT_CHARS))).toBe("x".repeat(VISIBLE_TEXT_CHARS));
  });

  it("reads no more of a megabyte than it shows", () => {
    expect(visibleText("\u202e".repeat(1 << 20))).toBe(`${"[U+202E]".repeat(VISIBLE_TEXT_CHARS)}…`);
  });

  it("never lets a control, bidirectional or separator character through", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(visibleText(text)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u);
      }),
    );
  });
});
