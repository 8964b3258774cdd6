// Prints one plain line, "N passed, N failed", counting every test of the last run:
// Vitest's and every Playwright JSON report (written when CI is set) added together: the
// preview-served suite (playwright.json) and the nginx-served one (playwright-nginx.json).
import { existsSync, readdirSync, readFileSync } from "node:fs";

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

const vitest = readReport("test-reports/vitest.json");
const playwrights = (existsSync("test-reports") ? readdirSync("test-reports") : [])
  .filter((name) => /^playwright.*\.json$/.test(name))
  .map((name) => readReport(`test-reports/${name}`));

let passed = 0;
let failed = 0;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
for (const playwright of playwrights) {
  if (!playwright?.stats) continue;
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
