import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Arrows point one way: components -> store -> url -> domain (see docs/architecture in README).
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "test-reports", "playwright-report"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["src/worker/**/*.ts"],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ["*.{js,ts}", "e2e/**/*.ts", "scripts/**/*.{js,mjs,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark also runs functions inside the page (page.evaluate).
    files: ["scripts/bench.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  layer(
    ["src/domain/**"],
    ["react", "react-dom", "zustand", "**/store/**", "**/url/**", "**/components/**"],
    "domain/ is pure TypeScript: no React, no store, no URL.",
  ),
  layer(
    ["src/url/**"],
    ["react", "react-dom", "zustand", "**/store/**", "**/components/**"],
    "url/ depends on domain/ only.",
  ),
  layer(["src/store/**"], ["**/components/**"], "store/ must not import views."),
  layer(
    ["src/worker/**"],
    ["**/domain/**", "**/store/**", "**/url/**", "**/components/**", "**/i18n/**", "react", "zustand"],
    "worker/ is the service worker: it imports nothing, so sw.js stays one classic script.",
  ),
  layer(
    ["src/shell/**"],
    ["react", "react-dom", "zustand", "**/store/**", "**/components/**", "**/i18n/**"],
    "shell/ runs before the app loads: domain/ and url/ only, so the entry chunk stays small.",
  ),
);
