import { describe, expect, it } from "vitest";
import { formatBinaryBytes, formatInteger, formatPercent } from "../domain/core/format";
import { detectLocale, tryParseLocale } from "../domain/core/locale";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { KUBE } from "./parts/kube";
import { PASTE } from "./parts/paste";
import { RATES } from "./parts/rates";
import { TARGET_BLOCKS } from "./parts/targets";
import { TRAFFIC } from "./parts/traffic";
import { TABLE } from "./parts/table";
import { DETAILS } from "./parts/details";

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

/** Values for any message: every named value reads 1, which serves as a number, a text and a flag. */
const SAMPLE = new Proxy({}, { get: () => 1 });

/** The page's table and each part's, in English and in Chinese. */
const TABLES: ReadonlyArray<readonly [string, Tree, Tree]> = [
  ["page", en, zhCN],
  ["paste", PASTE.en, PASTE["zh-CN"]],
  ["rates", RATES.en, RATES["zh-CN"]],
  ["traffic", TRAFFIC.en, TRAFFIC["zh-CN"]],
  ["kube", KUBE.en, KUBE["zh-CN"]],
  ["targets", TARGET_BLOCKS.en, TARGET_BLOCKS["zh-CN"]],
  ["table", TABLE.en, TABLE["zh-CN"]],
  ["details", DETAILS.en, DETAILS["zh-CN"]],
];

describe("message tables", () => {
  it.each(TABLES)("%s: have the same keys in both languages", (_, english, chinese) => {
    expect(leafPaths(chinese).sort()).toEqual(leafPaths(english).sort());
  });

  it.each(TABLES)(
    "%s: have the same kind of value (text or function with the same arity) under every key",
    (_, english, chinese) => {
      for (const path of leafPaths(english)) {
        const a = leaf(english, path);
        const b = leaf(chinese, path);
        expect(typeof b, path).toBe(typeof a);
        if (typeof a === "function" && typeof b === "function") expect(b.length, path).toBe(a.length);
      }
    },
  );

  it.each(TABLES)("%s: produce text without holes for sample values, in both languages", (_, ...tables) => {
    for (const table of tables) {
      for (const path of leafPaths(table)) {
        const value = leaf(table, path);
        const text = typeof value === "function" ? (value as (values: unknown) => string)(SAMPLE) : value;
        expect(typeof text, path).toBe("string");
        expect(text, path).not.toMatch(/undefined|NaN|\[object/);
        expect((text as string).length, path).toBeGreaterThan(0);
      }
    }
  });

  it("keep commands, keys and units verbatim in Chinese", () => {
    expect(zhCN.fields.hints.ram).toContain("`grep MemTotal /proc/meminfo`");
    expect(zhCN.header.lead).toContain("`nf_conntrack: table full, dropping packet`");
    expect(zhCN.results.hashTable({ buckets: 131072, headBytes: 8, totalBytes: 1048576 })).toContain(
      "131,072 × 8 B = 1 MiB",
    );
  });
});

describe("named values", () => {
  it("format numbers inside the message", () => {
    expect(DETAILS.en.differences["shrinks-table"]({ kernelBuckets: 262144, buckets: 65536 })).toContain(
      "from 262,144 to 65,536 buckets",
    );
    expect(en.results.memoryShare({ totalBytes: 25208064, share: 0.0108 })).toBe(
      "25,208,064 bytes, never swapped out: 1.08% of RAM",
    );
    expect(
      TRAFFIC.en.tcpTerm({ cpsMilli: 2400, openSeconds: 0.5, keptSeconds: 120, keptBy: "x", entries: 3000 }),
    ).toBe("TCP: 2.4/s × (0.5 s open + 120 s x) = 3,000 entries");
  });

  it("take names and versions as text", () => {
    expect(en.status.localeFailed({ language: "简体中文" })).toBe(
      "简体中文 could not be loaded, so the page stays in English. Reload to try again.",
    );
    expect(zhCN.kernel.heading({ version: "6.12" })).toBe("内核 6.12 自己的默认值");
  });
});

describe("plural forms", () => {
  it.each([
    [0, "0 table-full messages in the kernel log"],
    [1, "1 table-full message in the kernel log"],
    [2, "2 table-full messages in the kernel log"],
    [1000, "1,000 table-full messages in the kernel log"],
  ])("English counts %d with its noun", (messages, text) => {
    expect(PASTE.en.tableFullMessages({ messages })).toBe(text);
  });

  it.each([
    [0, "0 buckets"],
    [1, "1 bucket"],
    [2, "2 buckets"],
    [1000, "1,000 buckets"],
  ])("English buckets agree with %d", (buckets, phrase) => {
    expect(DETAILS.en.differences["kernel-floor"]({ floorBuckets: buckets })).toBe(
      `On this little RAM the kernel uses its minimum of ${phrase}.`,
    );
    expect(TRAFFIC.en.memory({ memoryBytes: 1024, buckets })).toContain(`with ${phrase}.`);
  });

  it("agree with a decimal as shown", () => {
    expect(en.results.chainAtFull({ chain: 1 })).toContain("1 entry (");
    expect(en.results.chainAtFull({ chain: 1.001 })).toContain("1 entry (");
    expect(en.results.chainAtFull({ chain: 1.5 })).toContain("1.5 entries (");
    expect(DETAILS.en.charts.tooltipChain({ chain: 0 })).toBe("average chain 0 entries");
  });

  it.each([0, 1, 2, 1000])("leaves Chinese as it is for %d", (count) => {
    const shown = count.toLocaleString("en");
    expect(PASTE["zh-CN"].tableFullMessages({ messages: count })).toBe(`内核日志中有 ${shown} 条表满消息`);
    expect(PASTE["zh-CN"].moreLines({ lines: count })).toBe(`……另有 ${shown} 行未列出。`);
    expect(DETAILS["zh-CN"].charts.tooltipConnections({ connections: count })).toBe(`${shown} 条连接`);
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
