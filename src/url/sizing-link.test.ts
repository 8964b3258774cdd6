import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_FIELD_KEYS } from "../domain/sizing/fields";
import { readInputs } from "../domain/sizing/inputs";
import { decodeSearch } from "./codec";
import { decodeSizingLink } from "./sizing-link";

/** Links made of real keys with plausible, odd and hostile values, in any order. */
const arbitraryLink = fc
  .array(
    fc.tuple(
      fc.constantFrom(...ALL_FIELD_KEYS, "v", "lang", "x"),
      fc.oneof(
        fc.constantFrom(
          "64GiB",
          "787752 MiB",
          "32",
          "1.5",
          "0",
          "6.12",
          "newest",
          "16",
          "zh-CN",
          "1",
          "2",
          "",
        ),
        fc.string(),
      ),
    ),
  )
  .map((pairs) => `?${new URLSearchParams(pairs).toString()}`);

describe("decodeSizingLink", () => {
  it("reads the article's link", () => {
    const { inputs, lang } = decodeSizingLink("?v=1&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12");
    expect(inputs.ram).toBe(787752 * 1024 * 1024);
    expect(inputs.struct).toBe(352);
    expect(lang).toBeNull();
  });

  it("gives exactly the inputs the app computes from, for any link", () => {
    const same = (search: string) => {
      const app = decodeSearch(search);
      const shell = decodeSizingLink(search);
      expect(shell.inputs).toEqual(readInputs(app.validRaw));
      expect(shell.lang).toBe(app.lang);
    };
    fc.assert(fc.property(arbitraryLink, same));
    fc.assert(fc.property(fc.string({ unit: "binary" }), same));
  });
});
