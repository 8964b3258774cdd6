// Finds (and with --ensure, installs) a Chromium for Playwright. One place decides:
// 1. PLAYWRIGHT_CHROMIUM_PATH if set;
// 2. Playwright's own browser where it is installed (a contributor's laptop);
// 3. Debian's chromium package at /usr/bin/chromium (this project's CI);
// with --ensure and none found: apt-get install chromium as root, else `playwright install chromium`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** @returns {{ kind: "env" | "playwright" | "system", executablePath: string | undefined } | null} */
export function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return { kind: "env", executablePath: fromEnv };
  if (existsSync(chromium.executablePath())) return { kind: "playwright", executablePath: undefined };
  if (existsSync(SYSTEM_CHROMIUM)) return { kind: "system", executablePath: SYSTEM_CHROMIUM };
  return null;
}

function ensureChromium() {
  const found = findChromium();
  if (found) {
    console.log(`Chromium for Playwright: ${found.executablePath ?? "Playwright's own"} (${found.kind})`);
    return;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found: installing Debian's chromium package (about 2 minutes)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env,
    });
  } else {
    console.log("No Chromium found: trying `npx playwright install chromium`…");
    execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  }
  if (!findChromium()) {
    console.error("Still no Chromium: install one, or set PLAYWRIGHT_CHROMIUM_PATH to its executable.");
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv.includes("--ensure")) {
  ensureChromium();
}
