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
  ...tseslint.configs.strictTypeChecked,
  {
    // Each file is checked with the compiler settings it is built with.
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json", "./tsconfig.node.json", "./tsconfig.worker.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers in messages and config lines are the point of this tool.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => setPaste("")}` reads better than a block around one call.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    // Plain JavaScript (this file, the scripts) has no types to check against.
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
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
    // Tests that run programs (the generated check script with dash) need Node's APIs.
    files: ["*.{js,ts}", "e2e/**/*.ts", "scripts/**/*.{js,mjs,ts}", "src/**/*.node.test.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark and the screenshots also run functions inside the page (page.evaluate).
    files: ["scripts/bench.mjs", "scripts/bench-table/*.mjs", "scripts/screenshots.mjs"],
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
    ["src/i18n/**"],
    ["react", "react-dom", "zustand", "**/store/**", "**/url/**", "**/components/**", "**/shell/**"],
    "i18n/ holds the message tables: it reads domain/ (formats, types) and nothing else.",
  ),
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
