import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/chromium.mjs";

/**
 * A port no one listens on: the kernel picks it for a throwaway server in a child process (the
 * config is loaded synchronously). A fixed 4173 collided with a developer's own `vite preview`, and
 * the suite then never started.
 */
function freePort(): number {
  const script =
    'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})';
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}

// E2E_PORT still chooses the port (several checkouts on one machine, a fixed port for debugging).
// The chosen port goes into the environment, so the worker processes, which load this file again and
// inherit it, use the same one.
process.env.E2E_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);
// Served under a sub-path, as on GitHub Pages, so every test also proves the build works there.
const BASE_PATH = "/nf-conntrack/";
const browser = findChromium();

export default defineConfig({
  testDir: "e2e",
  // The server's own behaviour (headers, a real 404) is tested against nginx: playwright.nginx.config.ts.
  testIgnore: ["**/server.spec.ts"],
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // Two shared cores run two workers, a preview server and Chromium: lazy chunks (the charts) can
  // take more than Playwright's default 5 s to appear under load. Assertions are unchanged.
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-reports/playwright.json" }]]
    : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    browserName: "chromium",
    launchOptions: {
      ...(browser?.executablePath ? { executablePath: browser.executablePath } : {}),
      args: ["--disable-gpu", "--disable-quic"],
    },
  },
  webServer: {
    // `npm run test:e2e` builds first; preview only serves dist/.
    command: `npx vite preview --port ${PORT} --strictPort --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
  },
});
