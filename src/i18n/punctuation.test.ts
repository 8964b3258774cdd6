import { describe, expect, it } from "vitest";
import { zhCN } from "./zh-CN";
import { KUBE } from "./parts/kube";
import { PASTE } from "./parts/paste";
import { TARGET_BLOCKS } from "./parts/targets";
import { TRAFFIC } from "./parts/traffic";
import { DETAILS } from "./parts/details";
import { TABLE } from "./parts/table";

type Tree = { readonly [key: string]: unknown };

/** Values for any message: every named value reads 1, which serves as a number, a text and a flag. */
const SAMPLE = new Proxy({}, { get: () => 1 });

/** Every message of a table as shown, under its path "a/b/c", a function's with sample values. */
function shown(tree: Tree, prefix = ""): Array<readonly [string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<readonly [string, string]> => {
    if (typeof value === "function") {
      return [[`${prefix}${key}`, (value as (values: unknown) => string)(SAMPLE)]];
    }
    if (typeof value === "object" && value !== null) return shown(value as Tree, `${prefix}${key}/`);
    return [[`${prefix}${key}`, String(value)]];
  });
}

const CHINESE = [
  ["page", zhCN],
  ["paste", PASTE["zh-CN"]],
  ["traffic", TRAFFIC["zh-CN"]],
  ["kube", KUBE["zh-CN"]],
  ["targets", TARGET_BLOCKS["zh-CN"]],
  ["details", DETAILS["zh-CN"]],
  ["table", TABLE["zh-CN"]],
] as const;

/**
 * ASCII punctuation touching a Chinese character, spaces between them aside: "取整." or "内存 (".
 * Code (between backticks) is left out, as are the numbers, units, identifiers and addresses that
 * keep their ASCII dots and colons: they touch no Chinese character.
 */
const ASCII_BESIDE_CHINESE = /\p{Script=Han}[ ]*[,.:;!?()]|[,.:;!?()][ ]*\p{Script=Han}/gu;

describe("Chinese punctuation", () => {
  it.each(CHINESE)("%s: full-width beside Chinese text (，。：；（）！？)", (_, table) => {
    const found = shown(table as Tree).flatMap(([path, text]) =>
      [...text.replace(/`[^`]*`/g, "`…`").matchAll(ASCII_BESIDE_CHINESE)].map(
        (match) => `${path}: "${match[0]}"`,
      ),
    );
    expect(found).toEqual([]);
  });
});
