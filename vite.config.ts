import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { serviceWorker } from "./scripts/service-worker-plugin";
import { shellNumbers } from "./scripts/shell-numbers-plugin";

/**
 * The Content-Security-Policy of the built page, as a meta tag so it holds on any static host:
 * scripts, styles, fonts and data only from the page's own origin; no inline script, no eval,
 * no plugins, no forms posting anywhere. (frame-ancestors cannot be set by a meta tag.) Only in
 * builds: the dev server injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

// base "./": every asset URL in index.html is relative, so dist/ works from any
// static host and any sub-path (GitHub Pages style) without rebuilding.
export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy(), shellNumbers(), serviceWorker()],
  build: {
    target: "es2022",
    rolldownOptions: {
      output: {
        // Everything the first render loads in one file, the entry itself. Left to itself Rolldown
        // cut it into nine (the entry and its common chunks with the panels that load later, one
        // per set of importers): the same modules, but each file compressed on its own and bound
        // to the others by imports and exports, 3.8 KB more gzip (docs/performance.md). The panels
        // that load later import from the entry, which is loaded by then. The service worker is an
        // entry of its own that must stay one classic script (scripts/service-worker-plugin.ts).
        codeSplitting: {
          groups: [{ name: "app", tags: ["$initial"], test: (id) => !id.includes("/src/worker/") }],
        },
      },
    },
  },
  preview: { host: "127.0.0.1" },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Worker threads that keep their module cache from one test file to the next: the domain is
    // pure, and the store's tests reset it from defaults, so isolation bought nothing but 10 s of
    // start-up (19 s in forks, isolated; 4 s so, measured on 2 cores; it passes shuffled too).
    pool: "threads",
    isolate: false,
    setupFiles: ["scripts/vitest-setup.ts"],
    // A timeout only catches a hang; tests time nothing. Property tests (100 runs, some building a
    // table reader with six 4096-counter lists each) took 0.4 s quiet and 7 s on 2 cores under a
    // benchmark, past the default 5 s.
    testTimeout: 30_000,
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-reports/vitest.json" }]]
      : ["default"],
  },
});
