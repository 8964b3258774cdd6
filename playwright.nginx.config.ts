import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The end-to-end specs that depend on the server, run against nginx from Debian with the shipped
 * configuration (deploy/nginx/nf-conntrack.conf, started by scripts/serve-nginx.mjs): the headers
 * and cache rules, the sub-path, a real 404, offline use, a deploy under an open tab, lazily loaded
 * files that fail. One worker: the deploy spec repoints the served build, which every spec sees.
 *
 * The port is a free one from the kernel's ephemeral range, chosen once: the config is also read
 * by each worker, which gets the runner's environment.
 */
process.env.NGINX_PORT ??= execFileSync(
  process.execPath,
  [
    "-e",
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
  ],
  { encoding: "utf8" },
).trim();
const PORT = Number(process.env.NGINX_PORT);
process.env.NGINX_WORK ??= join(tmpdir(), `nf-conntrack-nginx-${PORT}`);
const BASE = `http://127.0.0.1:${PORT}/nf-conntrack/`;

export default defineConfig({
  ...base,
  testMatch: [
    "**/server.spec.ts",
    "**/offline.spec.ts",
    "**/update.spec.ts",
    "**/lazy-failures.spec.ts",
    "**/shell.spec.ts",
  ],
  testIgnore: [],
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-reports/playwright-nginx.json" }]]
    : [["list"]],
  use: { ...base.use, baseURL: BASE },
  webServer: {
    // `npm run test:e2e:nginx` builds first; nginx serves dist/.
    command: "node scripts/serve-nginx.mjs",
    url: BASE,
    reuseExistingServer: false,
  },
});
