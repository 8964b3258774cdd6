import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The size budgets of the built page, in KB of gzip (docs/performance.md). */
export const SIZE_BUDGETS = { initialJsKb: 78, totalJsKb: 287 };

/**
 * Gzip sizes of a build, in KB. Initial: what index.html loads plus the page language's messages,
 * which the app loads before its first render (src/main.tsx); the larger of the two languages
 * counts. The rest (charts, the other language, the paste parser) loads on demand.
 */
export function bundleSizes(dist) {
  const assets = readdirSync(join(dist, "assets"));
  const gz = (file) => gzipSync(readFileSync(join(dist, "assets", file))).length / 1024;
  const indexHtml = readFileSync(join(dist, "index.html"), "utf8");
  const initialFiles = assets.filter((file) =>
    new RegExp(`(?:src|href)="\\./assets/${file}"`).test(indexHtml),
  );
  const sum = (files) => files.reduce((total, file) => total + gz(file), 0);
  // A language's messages with the chunks they import that the page has not loaded yet (the number
  // formats they share with the other language).
  const messagesKb = (prefix) => {
    const files = assets.filter((f) => f.startsWith(prefix) && f.endsWith(".js"));
    const imported = files.flatMap((file) =>
      [...readFileSync(join(dist, "assets", file), "utf8").matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map(
        (match) => match[1],
      ),
    );
    return sum([...new Set([...files, ...imported])].filter((file) => !initialFiles.includes(file)));
  };
  const initialPageJsKb = sum(initialFiles.filter((f) => f.endsWith(".js")));
  const initialJsEnKb = initialPageJsKb + messagesKb("en-");
  const initialJsZhKb = initialPageJsKb + messagesKb("zh-CN-");
  return {
    initialJsKb: Math.max(initialJsEnKb, initialJsZhKb),
    initialJsEnKb,
    initialJsZhKb,
    initialCssKb: sum(initialFiles.filter((f) => f.endsWith(".css"))),
    totalJsKb: sum(assets.filter((f) => f.endsWith(".js"))),
    totalCssKb: sum(assets.filter((f) => f.endsWith(".css"))),
  };
}
