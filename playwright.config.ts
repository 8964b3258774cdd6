import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/chromium.mjs";

// E2E_PORT lets several checkouts run their end-to-end tests at once on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
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
