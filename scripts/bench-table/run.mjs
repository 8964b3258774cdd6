// The table part of `npm run bench`: a 1,000,000-entry table (generate.mjs), plain and gzip, read
// by the built app in headless Chromium, beside a floor in the same browser: a page whose worker
// only streams the same file (through DecompressionStream for gzip), decodes it as UTF-8 and
// counts its lines — what any reader of the text must do at least. Reports, per file: time from
// the file chosen to the results shown as a ratio to the floor, MB/s, the longest main-thread task
// (PerformanceObserver 'longtask'), and the JS heap of the page and of the worker (DevTools
// protocol; the worker's in one more reading per file, since sampling it slows it). Run alone:
// node scripts/bench-table/run.mjs (serves dist/, which it builds).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipFile, writeTable } from "./generate.mjs";

const TABLE_ENTRIES = 1_000_000;
const TABLE_BUDGETS = { timeRatio: 2, longTaskMs: 50, heapMb: 150 };
const RUNS = Number(process.env.BENCH_TABLE_RUNS ?? 3);
/**
 * How often the worker's heap is sampled while it reads (it is gone once it posted the result).
 * Sampling slows the worker (8.2-8.6 s without, 12.6-15.5 s with, in one check), so it runs in
 * separate readings whose time is not reported.
 */
const WORKER_HEAP_EVERY_MS = 100;
/** How long after the results the page is watched for long tasks (reported apart, no budget). */
const AFTER_MS = 1000;

const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>table floor</title></head>
<body><input type="file" name="table-file"><output data-testid="table-entries"></output>
<script>
document.querySelector("input").addEventListener("change", (event) => {
  const file = event.target.files[0];
  const worker = new Worker("worker.js");
  worker.onmessage = (message) => {
    const out = document.querySelector("output");
    out.dataset.value = String(message.data);
    out.dataset.done = "";
  };
  worker.postMessage(file);
});
</script></body></html>`;

const FLOOR_WORKER = `onmessage = async (event) => {
  const file = event.data;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = gzip ? file.stream().pipeThrough(new DecompressionStream("gzip")) : file.stream();
  const decoder = new TextDecoder("utf-8");
  const reader = bytes.getReader();
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    for (let at = text.indexOf("\\n"); at >= 0; at = text.indexOf("\\n", at + 1)) lines += 1;
  }
  postMessage(lines);
};`;

/** Installed before the page's own scripts: long tasks, the moment the file is chosen, the moment its whole result shows. */
function instrument(entries) {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener(
    "change",
    (event) => {
      if (event.target?.name === "table-file") window.__chosen = performance.now();
    },
    true,
  );
  // The app draws its result in steps (aria-busy until the last): shown once every step is.
  const shown = () =>
    (document.querySelector(`[data-testid=table-entries][data-value="${entries}"]`) &&
      !document.querySelector("[data-testid=table-result][aria-busy=true]")) ||
    document.querySelector("[data-testid=table-entries][data-done]");
  new MutationObserver((_, observer) => {
    if (window.__chosen !== undefined && shown()) {
      window.__shown = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Samples every dedicated worker's JS heap through the page's DevTools session. */
async function watchWorkers(cdp) {
  const sessions = new Set();
  const pending = new Map();
  let id = 0;
  const samples = { peak: 0, last: 0 };
  cdp.on("Target.attachedToTarget", (event) => {
    if (event.targetInfo.type === "worker") sessions.add(event.sessionId);
  });
  cdp.on("Target.detachedFromTarget", (event) => sessions.delete(event.sessionId));
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const message = JSON.parse(event.message);
    const resolve = pending.get(message.id);
    if (!resolve) return;
    pending.delete(message.id);
    resolve(message.result);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const timer = setInterval(() => {
    for (const sessionId of sessions) {
      id += 1;
      const mine = id;
      pending.set(mine, (result) => {
        if (!result?.usedSize) return;
        samples.peak = Math.max(samples.peak, result.usedSize);
        samples.last = result.usedSize;
      });
      cdp
        .send("Target.sendMessageToTarget", {
          sessionId,
          message: JSON.stringify({ id: mine, method: "Runtime.getHeapUsage" }),
        })
        .catch(() => pending.delete(mine));
    }
  }, WORKER_HEAP_EVERY_MS);
  return { samples, stop: () => clearInterval(timer) };
}

/**
 * One reading of `file` on the page at `url`: ms from chosen to shown, longest task, the page's
 * heap; with `workerHeap`, the worker's heap sampled instead of a time worth reporting.
 */
async function readOnce(browser, url, file, workerHeap = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument, TABLE_ENTRIES);
  const cdp = await context.newCDPSession(page);
  const workers = workerHeap ? await watchWorkers(cdp) : { samples: { peak: NaN, last: NaN }, stop() {} };
  await page.goto(url);
  const input = page.locator("input[name=table-file]");
  await input.waitFor({ state: "attached" });
  await input.setInputFiles(file);
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 600_000, polling: 500 });
  // What follows the results (the idle-time chart loads and draws): tasks in the next second.
  await page.waitForTimeout(AFTER_MS);
  workers.stop();
  const { chosen, shown, longTasks } = await page.evaluate(() => ({
    chosen: window.__chosen,
    shown: window.__shown,
    longTasks: window.__longTasks,
  }));
  // While it runs: tasks that overlap chosen..shown (the one that renders the results included).
  const during = longTasks.filter((task) => task.start + task.ms >= chosen && task.start <= shown);
  const after = longTasks.filter((task) => task.start > shown);
  const pageHeap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  await cdp.send("HeapProfiler.collectGarbage");
  const pageHeapAfterGc = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  await context.close();
  return {
    ms: shown - chosen,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((task) => task.ms)),
    longestTaskAfterMs: Math.max(0, ...after.map((task) => task.ms)),
    pageHeapMb: pageHeap / 2 ** 20,
    pageHeapAfterGcMb: pageHeapAfterGc / 2 ** 20,
    workerHeapPeakMb: workers.samples.peak / 2 ** 20,
    workerHeapLastMb: workers.samples.last / 2 ** 20,
  };
}

/** The machine's load average as uptime prints it (1, 5 and 15 minutes), and its CPU count. */
export const loadText = () =>
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (${cpus().length} CPUs)`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Generates the table, then reads it RUNS times with the app (at `appUrl`, whose page has
 * input[name=table-file]) and with the floor, alternating. Returns the medians and the budgets.
 */
export async function benchTable(browser, appUrl) {
  const dir = mkdtempSync(join(tmpdir(), "bench-table-"));
  const floor = createServer((request, response) => {
    if (request.url === "/worker.js")
      response.writeHead(200, { "content-type": "text/javascript" }).end(FLOOR_WORKER);
    else response.writeHead(200, { "content-type": "text/html" }).end(FLOOR_HTML);
  });
  try {
    const plain = join(dir, "conntrack.txt");
    const gzip = join(dir, "conntrack.txt.gz");
    const started = Date.now();
    const textBytes = await writeTable({ path: plain, entries: TABLE_ENTRIES });
    await gzipFile(plain, gzip);
    const generatedMs = Date.now() - started;
    await new Promise((resolve) => floor.listen(0, "127.0.0.1", resolve));
    const floorUrl = `http://127.0.0.1:${floor.address().port}/`;
    const files = [];
    for (const [name, path] of [
      ["plain", plain],
      ["gzip", gzip],
    ]) {
      const app = [];
      const base = [];
      for (let run = 0; run < RUNS; run += 1) {
        base.push(await readOnce(browser, floorUrl, path));
        app.push(await readOnce(browser, appUrl, path));
      }
      const pick = (runs, key) => median(runs.map((r) => r[key]));
      const result = { name, fileBytes: statSync(path).size, textBytes, load: loadavg() };
      for (const key of Object.keys(app[0])) {
        result[key] = pick(app, key);
        result[`floor_${key}`] = pick(base, key);
      }
      const appHeap = await readOnce(browser, appUrl, path, true);
      const floorHeap = await readOnce(browser, floorUrl, path, true);
      result.workerHeapPeakMb = appHeap.workerHeapPeakMb;
      result.workerHeapLastMb = appHeap.workerHeapLastMb;
      result.floor_workerHeapPeakMb = floorHeap.workerHeapPeakMb;
      result.ratio = result.ms / result.floor_ms;
      result.textMbPerS = textBytes / 2 ** 20 / (result.ms / 1000);
      result.fileMbPerS = result.fileBytes / 2 ** 20 / (result.ms / 1000);
      result.runs = { app: app.map((r) => Math.round(r.ms)), floor: base.map((r) => Math.round(r.ms)) };
      files.push(result);
    }
    return { entries: TABLE_ENTRIES, runs: RUNS, generatedMs, files, budgets: tableBudgets(files) };
  } finally {
    floor.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function tableBudgets(files) {
  return files.flatMap((file) => {
    const heap = Math.max(file.pageHeapMb, file.workerHeapPeakMb);
    return [
      {
        name: `table ${file.name}: file chosen -> results / floor`,
        value: file.ratio,
        limit: TABLE_BUDGETS.timeRatio,
        met: file.ratio <= TABLE_BUDGETS.timeRatio,
      },
      {
        name: `table ${file.name}: longest main-thread task (ms)`,
        value: file.longestTaskMs,
        limit: TABLE_BUDGETS.longTaskMs,
        met: file.longestTaskMs <= TABLE_BUDGETS.longTaskMs,
      },
      {
        name: `table ${file.name}: JS heap, page or worker (MB)`,
        value: heap,
        limit: TABLE_BUDGETS.heapMb,
        met: heap <= TABLE_BUDGETS.heapMb,
      },
    ];
  });
}

/** Prints the table part's figures. */
export function printTable(table) {
  const f = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
  console.log(
    `\ntable: ${table.entries} entries (conntrack -L then /proc/net/nf_conntrack), median of ${table.runs} runs, generated in ${f(table.generatedMs / 1000)} s`,
  );
  console.log(
    "file    MB     app s  floor s  ratio  text MB/s  longest task ms (floor)  in the 1 s after  page heap MB (after GC)  worker heap MB peak/last (floor)",
  );
  for (const r of table.files) {
    console.log(
      `${r.name.padEnd(6)} ${f(r.fileBytes / 2 ** 20).padStart(5)} ${f(r.ms / 1000, 2).padStart(8)} ${f(r.floor_ms / 1000, 2).padStart(8)} ${f(r.ratio, 2).padStart(6)} ${f(r.textMbPerS).padStart(10)} ${`${f(r.longestTaskMs)} (${f(r.floor_longestTaskMs)})`.padStart(24)} ${f(r.longestTaskAfterMs).padStart(17)} ${`${f(r.pageHeapMb)} (${f(r.pageHeapAfterGcMb)})`.padStart(24)} ${`${f(r.workerHeapPeakMb)}/${f(r.workerHeapLastMb)} (${f(r.floor_workerHeapPeakMb)})`.padStart(33)}`,
    );
    console.log(
      `       runs (ms): app ${r.runs.app.join(", ")}; floor ${r.runs.floor.join(", ")}; load average at the end ${r.load.map((l) => l.toFixed(2)).join(", ")}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { chromium } = await import("@playwright/test");
  const { findChromium } = await import("../chromium.mjs");
  execFileSync("npx", ["vite", "build"], { stdio: "ignore" });
  const TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const file = join("dist", path === "/" ? "index.html" : path);
    try {
      response
        .writeHead(200, { "content-type": TYPES[extname(file)] ?? "text/html" })
        .end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const found = findChromium();
  const browser = await chromium.launch({
    ...(found?.executablePath ? { executablePath: found.executablePath } : {}),
    args: ["--disable-gpu", "--disable-quic"],
  });
  console.log(`load average before (1, 5, 15 min; 2 cores here): ${loadText()}`);
  const table = await benchTable(browser, `http://127.0.0.1:${server.address().port}/#table`);
  printTable(table);
  for (const b of table.budgets)
    console.log(`  ${b.met ? "met " : "MISS"}  ${b.name}: ${b.value.toFixed(1)} (budget ${b.limit})`);
  console.log(`load average after: ${loadText()}`);
  await browser.close();
  server.close();
}
