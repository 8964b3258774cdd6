import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// base "./": every asset URL in index.html is relative, so dist/ works from any
// static host and any sub-path (GitHub Pages style) without rebuilding.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { target: "es2022" },
  preview: { host: "127.0.0.1" },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-reports/vitest.json" }]]
      : ["default"],
  },
});
