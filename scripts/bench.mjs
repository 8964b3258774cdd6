// npm run bench: builds the site, serves it on 127.0.0.1, and measures it in headless Chromium
// against a plain static page holding the same text (the practical floor). Prints a table and
// writes bench-results.json. Its timing budgets are reported, never enforced by tests; the size
// budgets are also checked by npm test (e2e/budgets.spec.ts). Then the table: a 1,000,000-entry
// listing read by the app against a worker that only counts its lines (scripts/bench-table/).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { chromium } from "@playwright/test";
import { benchTable, loadText, printTable } from "./bench-table/run.mjs";
import { bundleSizes, SIZE_BUDGETS } from "./bundle-size.mjs";
import { findChromium } from "./chromium.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const BASE = "/nf-conntrack/";
const ARTICLE_QUERY = "?v=2&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12&page=4";
const ARTICLE_MAX = "25208064";
/** The layout is measured with the issue's link (version 1, migrated by the app). */
const LAYOUT_QUERY = "?v=1&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12";
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
];
const BUDGETS = {
  ...SIZE_BUDGETS,
  fcpRatio: 1.5,
  sharedLinkRatio: 2,
  keystrokeP95Ms: 16,
  chartRedrawP95Ms: 50,
};

execFileSync("npx", ["vite", "build"], { stdio: "ignore" });

const dist = "dist";
const bytes = bundleSizes(dist);

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
let floorHtml = "";
let firstKeystrokeValue = "";
let floorFirstKeystrokeValue = "";
/** A reader's first keystroke: one more digit at the end of the number ("787752 MiB" → "7877520 MiB"). */
const typeOneDigit = (text) => text.replace(/(\d)(\D*)$/, "$10$2");
const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://x").pathname;
  if (path === "/floor/") {
    response.writeHead(200, { "content-type": "text/html" }).end(floorHtml);
    return;
  }
  if (!path.startsWith(BASE)) return void response.writeHead(404).end();
  const file = join(dist, path.slice(BASE.length) || "index.html");
  try {
    const body = readFileSync(file.endsWith("/") ? join(file, "index.html") : file);
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "text/html" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

console.log(`load average at the start (1, 5, 15 min): ${loadText()}`);
const found = findChromium();
const browser = await chromium.launch({
  ...(found?.executablePath ? { executablePath: found.executablePath } : {}),
  args: ["--disable-gpu", "--disable-quic"],
});

// The floor: the same text the app shows for the article's link, as plain static HTML.
{
  const page = await browser.newPage();
  await page.goto(`${origin}${BASE}${ARTICLE_QUERY}`);
  await page.waitForSelector(`[data-testid=result-max][data-value="${ARTICLE_MAX}"]`);
  const text = await page.evaluate(() => document.body.innerText);
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  // Its one field: the RAM field's text, and a handler that writes what was typed into a result.
  const ram = await page.inputValue("input[name=ram]");
  floorHtml =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><pre>${escaped}</pre>` +
    `<input name="ram" value="${ram.replace(/"/g, "&quot;")}"><output data-testid="result-max"></output>` +
    `<script>document.querySelector("input").addEventListener("input", (event) => {` +
    `document.querySelector("output").dataset.value = event.target.value; });</script></body></html>`;
  // What the app shows once it handled the first keystroke (one digit typed into the RAM field).
  await page.locator("input[name=ram]").fill(typeOneDigit(ram));
  await page.waitForFunction(
    (before) => document.querySelector("[data-testid=result-max]")?.getAttribute("data-value") !== before,
    ARTICLE_MAX,
  );
  firstKeystrokeValue = await page.getAttribute("[data-testid=result-max]", "data-value");
  floorFirstKeystrokeValue = typeOneDigit(ram);
  await page.close();
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Opens a URL in a fresh context; returns FCP and the time the wanted selector appeared. */
async function load(url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((wanted) => {
    const poll = () => {
      if (document.querySelector(wanted)) window.__shown = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__shown !== undefined);
  // The text can exist a frame before its first paint: wait for the paint to be recorded too.
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    shown: window.__shown,
  }));
  await context.close();
  return result;
}

/**
 * Opens a URL in a fresh context and types one digit into the RAM field in the first frame in
 * which it exists and is enabled (again if the field was replaced before it handled the keystroke);
 * returns when the key was typed and when the result showed the wanted value, in ms from
 * navigation start. Reported against the floor's field, with no budget (docs/performance.md).
 */
async function firstKeystroke(url, wanted) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    let typedInto = null;
    const handled = () =>
      document.querySelector("[data-testid=result-max]")?.getAttribute("data-value") === value;
    const poll = () => {
      if (handled()) {
        window.__handled = performance.now();
        return;
      }
      const input = document.querySelector("input[name=ram]");
      if (input && !input.disabled && input !== typedInto) {
        typedInto = input;
        window.__typed ??= performance.now();
        setter.call(input, input.value.replace(/(\d)(\D*)$/, "$10$2"));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        if (handled()) {
          window.__handled = performance.now();
          return;
        }
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, wanted);
  await page.goto(url);
  await page.waitForFunction(() => window.__handled !== undefined);
  const result = await page.evaluate(() => ({ typed: window.__typed, handled: window.__handled }));
  await context.close();
  return result;
}

const app = { fcp: [], shown: [], typed: [], handled: [] };
const floor = { fcp: [], shown: [], typed: [], handled: [] };
for (let i = 0; i < RUNS; i++) {
  const a = await load(
    `${origin}${BASE}${ARTICLE_QUERY}`,
    `[data-testid=result-max][data-value="${ARTICLE_MAX}"]`,
  );
  app.fcp.push(a.fcp);
  app.shown.push(a.shown);
  const f = await load(`${origin}/floor/`, "pre");
  floor.fcp.push(f.fcp);
  floor.shown.push(f.shown);
  const ak = await firstKeystroke(`${origin}${BASE}${ARTICLE_QUERY}`, firstKeystrokeValue);
  app.typed.push(ak.typed);
  app.handled.push(ak.handled);
  const fk = await firstKeystroke(`${origin}/floor/`, floorFirstKeystrokeValue);
  floor.typed.push(fk.typed);
  floor.handled.push(fk.handled);
}

// Keystroke to updated results, and input change to redrawn chart, in one loaded page.
const page = await browser.newPage();
// The charts are a folded section: the fragment opens it.
await page.goto(`${origin}${BASE}${ARTICLE_QUERY}#charts`);
await page.waitForSelector("[data-testid=memory-chart] .recharts-surface");
await page.waitForSelector("[data-testid=chain-chart] .recharts-surface");
const { keystrokes, redraws } = await page.evaluate(async (edits) => {
  const input = document.querySelector("input[name=ram]");
  const result = document.querySelector("[data-testid=result-max]");
  const chart = document.querySelector("[data-testid=memory-chart]");
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const changed = (node, before, read) =>
    new Promise((resolve) => {
      const check = () => (read(node) !== before ? resolve(performance.now()) : requestAnimationFrame(check));
      check();
    });
  const keystrokes = [];
  const redraws = [];
  for (let i = 0; i < edits; i++) {
    const before = result.getAttribute("data-value");
    const chartBefore = chart.textContent;
    const t0 = performance.now();
    setter.call(input, `${16 + (i % 40)} GiB`);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // The results are updated in the same task (React's discrete input); paint follows next frame.
    if (result.getAttribute("data-value") === before)
      await changed(result, before, (n) => n.getAttribute("data-value"));
    keystrokes.push(performance.now() - t0);
    const redrawn = await changed(chart, chartBefore, (n) => n.textContent);
    await frame();
    redraws.push(redrawn - t0);
  }
  return { keystrokes, redraws };
}, EDITS);
await page.close();

// Where the answer sits for the issue's link: page height, the tops of the numbers, of the sysctl
// file and of its own Copy button (document coordinates), and horizontal scroll.
const layout = {};
for (const viewport of VIEWPORTS) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
  const view = await context.newPage();
  await view.goto(`${origin}${BASE}${LAYOUT_QUERY}`);
  await view.waitForSelector(`[data-testid=result-max][data-value="${ARTICLE_MAX}"]`);
  await view.waitForSelector("#panel-sysctl [data-testid=sysctl-snippet]");
  // The folded panels load just after the first render: let them settle before measuring.
  await view.waitForLoadState("networkidle");
  await view.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  layout[viewport.name] = {
    width: viewport.width,
    height: viewport.height,
    ...(await view.evaluate(() => {
      const top = (element) =>
        element ? Math.round(element.getBoundingClientRect().top + window.scrollY) : null;
      const panel = document.querySelector("#panel-sysctl");
      return {
        pageHeight: document.documentElement.scrollHeight,
        resultMaxTop: top(document.querySelector("[data-testid=result-max]")),
        sysctlSnippetTop: top(panel?.querySelector("[data-testid=sysctl-snippet]")),
        sysctlCopyTop: top(panel?.querySelector(".block-buttons button")),
        sysctlPanelHidden: panel?.hidden ?? null,
        horizontalScroll: document.documentElement.scrollWidth > window.innerWidth,
      };
    })),
  };
  await context.close();
}
// The table: a generated 1,000,000-entry file, plain and gzip, read by the app beside a worker that
// only streams it and counts its lines (scripts/bench-table/).
const table = await benchTable(browser, `${origin}${BASE}#table`);
await browser.close();
server.close();

const results = {
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version, runs: RUNS, edits: EDITS },
  bytes,
  app: {
    fcpMs: { median: median(app.fcp), p90: quantile(app.fcp, 0.9) },
    sharedLinkMs: { median: median(app.shown), p90: quantile(app.shown, 0.9) },
    firstKeystrokeMs: { median: median(app.handled), p90: quantile(app.handled, 0.9) },
    firstKeystrokeTypedMs: { median: median(app.typed), p90: quantile(app.typed, 0.9) },
  },
  floor: {
    fcpMs: { median: median(floor.fcp), p90: quantile(floor.fcp, 0.9) },
    sharedLinkMs: { median: median(floor.shown), p90: quantile(floor.shown, 0.9) },
    firstKeystrokeMs: { median: median(floor.handled), p90: quantile(floor.handled, 0.9) },
    firstKeystrokeTypedMs: { median: median(floor.typed), p90: quantile(floor.typed, 0.9) },
  },
  keystrokeMs: { p50: quantile(keystrokes, 0.5), p95: quantile(keystrokes, 0.95) },
  chartRedrawMs: { p50: quantile(redraws, 0.5), p95: quantile(redraws, 0.95) },
  layout,
  table,
};
const ratio = (a, b) => a / b;
const budget = [
  ["initial JS (KB gzip)", bytes.initialJsKb, BUDGETS.initialJsKb, bytes.initialJsKb <= BUDGETS.initialJsKb],
  ["total JS (KB gzip)", bytes.totalJsKb, BUDGETS.totalJsKb, bytes.totalJsKb <= BUDGETS.totalJsKb],
  [
    "FCP / floor",
    ratio(results.app.fcpMs.median, results.floor.fcpMs.median),
    BUDGETS.fcpRatio,
    ratio(results.app.fcpMs.median, results.floor.fcpMs.median) <= BUDGETS.fcpRatio,
  ],
  [
    "shared link numbers / floor",
    ratio(results.app.sharedLinkMs.median, results.floor.sharedLinkMs.median),
    BUDGETS.sharedLinkRatio,
    ratio(results.app.sharedLinkMs.median, results.floor.sharedLinkMs.median) <= BUDGETS.sharedLinkRatio,
  ],
  [
    "keystroke p95 (ms)",
    results.keystrokeMs.p95,
    BUDGETS.keystrokeP95Ms,
    results.keystrokeMs.p95 <= BUDGETS.keystrokeP95Ms,
  ],
  [
    "chart redraw p95 (ms)",
    results.chartRedrawMs.p95,
    BUDGETS.chartRedrawP95Ms,
    results.chartRedrawMs.p95 <= BUDGETS.chartRedrawP95Ms,
  ],
  [
    "desktop: numbers, sysctl file and its Copy inside the first 800 px",
    Math.max(layout.desktop.resultMaxTop, layout.desktop.sysctlSnippetTop, layout.desktop.sysctlCopyTop),
    800,
    [layout.desktop.resultMaxTop, layout.desktop.sysctlSnippetTop, layout.desktop.sysctlCopyTop].every(
      (y) => y !== null && y >= 0 && y <= 800,
    ) && !layout.desktop.horizontalScroll,
  ],
  [
    "phone: numbers inside the first 740 px",
    layout.phone.resultMaxTop,
    740,
    layout.phone.resultMaxTop !== null && layout.phone.resultMaxTop >= 0 && layout.phone.resultMaxTop <= 740,
  ],
  [
    "phone: sysctl file above 1480 px, no horizontal scroll",
    layout.phone.sysctlSnippetTop,
    1480,
    layout.phone.sysctlSnippetTop !== null &&
      layout.phone.sysctlSnippetTop < 1480 &&
      !layout.phone.horizontalScroll,
  ],
];
results.budgets = [
  ...budget.map(([name, value, limit, met]) => ({ name, value, limit, met })),
  ...table.budgets,
];

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
console.log(`\nnf_conntrack calculator benchmark (${RUNS} runs, ${EDITS} edits)\n`);
console.log("metric                         app median   app p90   floor median   ratio");
console.log(
  `first contentful paint (ms)    ${f(results.app.fcpMs.median).padStart(10)} ${f(results.app.fcpMs.p90).padStart(9)} ${f(results.floor.fcpMs.median).padStart(14)} ${f(ratio(results.app.fcpMs.median, results.floor.fcpMs.median)).padStart(7)}`,
);
console.log(
  `shared link -> numbers (ms)    ${f(results.app.sharedLinkMs.median).padStart(10)} ${f(results.app.sharedLinkMs.p90).padStart(9)} ${f(results.floor.sharedLinkMs.median).padStart(14)} ${f(ratio(results.app.sharedLinkMs.median, results.floor.sharedLinkMs.median)).padStart(7)}`,
);
console.log(
  `first keystroke handled (ms)   ${f(results.app.firstKeystrokeMs.median).padStart(10)} ${f(results.app.firstKeystrokeMs.p90).padStart(9)} ${f(results.floor.firstKeystrokeMs.median).padStart(14)} ${f(ratio(results.app.firstKeystrokeMs.median, results.floor.firstKeystrokeMs.median)).padStart(7)}`,
);
console.log(
  `  (typed at, ms)               ${f(results.app.firstKeystrokeTypedMs.median).padStart(10)} ${f(results.app.firstKeystrokeTypedMs.p90).padStart(9)} ${f(results.floor.firstKeystrokeTypedMs.median).padStart(14)}`,
);
console.log(
  `keystroke -> results (ms)      p50 ${f(results.keystrokeMs.p50)}   p95 ${f(results.keystrokeMs.p95)}`,
);
console.log(
  `input -> chart redrawn (ms)    p50 ${f(results.chartRedrawMs.p50)}   p95 ${f(results.chartRedrawMs.p95)}`,
);
console.log(
  `JS gzip (KB)                   initial en ${f(bytes.initialJsEnKb)}   zh-CN ${f(bytes.initialJsZhKb)}   total ${f(bytes.totalJsKb)}`,
);
console.log(`CSS gzip (KB)                  initial ${f(bytes.initialCssKb)}   total ${f(bytes.totalCssKb)}`);
console.log("\nlayout, issue's link (document y in px)");
console.log("viewport    page height  result-max  sysctl-snippet  its Copy  horizontal scroll");
for (const [name, l] of Object.entries(layout))
  console.log(
    `${`${name} ${l.width}x${l.height}`.padEnd(18)} ${String(l.pageHeight).padStart(6)} ${String(l.resultMaxTop).padStart(11)} ${String(l.sysctlSnippetTop).padStart(15)} ${String(l.sysctlCopyTop).padStart(9)}  ${l.horizontalScroll ? "yes" : "no"}${l.sysctlPanelHidden ? " (sysctl tab hidden)" : ""}`,
  );
printTable(table);
console.log(`\nload average at the end (1, 5, 15 min): ${loadText()}`);
console.log("\nbudgets:");
for (const b of results.budgets)
  console.log(`  ${b.met ? "met " : "MISS"}  ${b.name}: ${f(b.value)} (budget ${b.limit})`);
mkdirSync("test-reports", { recursive: true });
writeFileSync("bench-results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log("\nwritten: bench-results.json");
