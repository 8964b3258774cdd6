import { describe, expect, it } from "vitest";
import { formatBinaryBytes, formatInteger, formatPercent } from "../domain/core/format";
import { detectLocale, tryParseLocale } from "../domain/core/locale";
import { en } from "./en";
import { zhCN } from "./zh-CN";

type Tree = { readonly [key: string]: unknown };

/** Every leaf of a message table as a path "a/b/c" (keys may hold dots, as in "6.12"). */
function leafPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? leafPaths(value as Tree, `${prefix}${key}/`)
      : [`${prefix}${key}`],
  );
}

function leaf(tree: Tree, path: string): unknown {
  return path.split("/").reduce<unknown>((node, key) => (node as Tree)[key], tree);
}

describe("message tables", () => {
  it("have the same keys in both languages", () => {
    expect(leafPaths(zhCN).sort()).toEqual(leafPaths(en).sort());
  });

  it("have the same kind of value (text or function with the same arity) under every key", () => {
    for (const path of leafPaths(en)) {
      const a = leaf(en, path);
      const b = leaf(zhCN, path);
      expect(typeof b, path).toBe(typeof a);
      if (typeof a === "function" && typeof b === "function") expect(b.length, path).toBe(a.length);
    }
  });

  it("produce text without holes for sample values, in both languages", () => {
    for (const table of [en, zhCN]) {
      for (const path of leafPaths(table)) {
        const value = leaf(table, path);
        const text =
          typeof value === "function"
            ? (value as (...args: string[]) => string)("1", "2", "3", "4", "5", "6")
            : value;
        expect(typeof text, path).toBe("string");
        expect(text, path).not.toMatch(/undefined|NaN|\[object/);
        expect((text as string).length, path).toBeGreaterThan(0);
      }
    }
  });

  it("keep commands, keys and units verbatim in Chinese", () => {
    expect(zhCN.inputs.hints.ram).toContain("`grep MemTotal /proc/meminfo`");
    expect(zhCN.header.lead).toContain("`nf_conntrack: table full, dropping packet`");
    expect(zhCN.results.hashTable("131,072", "8", "1 MiB")).toContain("131,072 × 8 B = 1 MiB");
  });
});

describe("formatting in both languages", () => {
  it.each(["en", "zh-CN"] as const)("groups digits the same way in %s", (locale) => {
    expect(formatInteger(25208064, locale)).toBe("25,208,064");
    expect(formatInteger(2147483647, locale)).toBe("2,147,483,647");
  });

  it("keeps binary units and percentages language-neutral", () => {
    expect(formatBinaryBytes(8923656192)).toBe("8.31 GiB");
    expect(formatPercent(0.0108)).toBe("1.08%");
  });
});

describe("choosing the language", () => {
  it.each([
    [["zh-CN", "en-US"], "zh-CN"],
    [["zh-TW"], "zh-CN"],
    [["zh"], "zh-CN"],
    [["en-GB", "zh-CN"], "en"],
    [["fr-FR", "zh-CN"], "zh-CN"],
    [["de"], "en"],
    [[], "en"],
  ] as const)("%j → %s", (languages, locale) => {
    expect(detectLocale(languages)).toBe(locale);
  });

  it("reads lang from a link exactly, case-insensitively", () => {
    expect(tryParseLocale("zh-cn")).toBe("zh-CN");
    expect(tryParseLocale("en")).toBe("en");
    expect(tryParseLocale("fr")).toBeNull();
    expect(tryParseLocale(null)).toBeNull();
  });
});
