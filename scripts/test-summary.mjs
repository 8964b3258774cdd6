// Prints one plain line, "N passed, N failed", counting every test of the last run:
// Vitest's and every Playwright JSON report (written when CI is set) added together: the
// preview-served suite (playwright.json) and the nginx-served one (playwright-nginx.json).
//
// A suite that did not run counts as failed, so the line can never read "0 failed" for a run that
// tested less than it should: .ci/run deletes test-reports/ first, so a missing report means the
// suite never started (an earlier step failed, or its preview server could not listen); a
// Playwright report with top-level errors (the web server failed) or no test at all did not run
// its tests; a Vitest test file that failed to load has no test results of its own. Each such
// suite or file adds one to "failed" and is named after the line. The exit code is 1 then.
import { readFileSync } from "node:fs";

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

const vitest = readReport("test-reports/vitest.json");
/** Every end-to-end suite `npm test` runs, by the report its config writes. */
const PLAYWRIGHT_REPORTS = ["playwright.json", "playwright-nginx.json"];

let passed = 0;
let failed = 0;
let skipped = 0;
const notRun = [];

if (vitest === null) {
  failed += 1;
  notRun.push("unit tests did not run (no test-reports/vitest.json)");
} else {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  const unloaded = (vitest.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  );
  failed += unloaded.length;
  for (const file of unloaded) notRun.push(`unit test file did not run: ${file.name}`);
  if ((vitest.numTotalTests ?? 0) === 0 && unloaded.length === 0) {
    failed += 1;
    notRun.push("unit tests: the report holds no test");
  }
}

for (const name of PLAYWRIGHT_REPORTS) {
  const playwright = readReport(`test-reports/${name}`);
  if (playwright === null) {
    failed += 1;
    notRun.push(`end-to-end tests did not run (no test-reports/${name})`);
    continue;
  }
  const stats = playwright.stats ?? {};
  const ran = (stats.expected ?? 0) + (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  const errors = playwright.errors ?? [];
  if (errors.length > 0 || ran === 0) {
    failed += 1;
    const first = errors[0]?.message?.split("\n")[0];
    notRun.push(`end-to-end tests (${name}) did not run${first ? `: ${first}` : " (no test in the report)"}`);
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
for (const line of notRun) console.log(`  ${line}`);
if (failed > 0) process.exitCode = 1;
