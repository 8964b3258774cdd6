// npm run screenshots: builds the site, serves it with `vite preview`, and saves the README's two
// screenshots of the article's shared link: docs/screenshot.png (1280 x 800, the first screen of a
// wide window) and docs/screenshot-phone.png (360 x 740, a phone's first screen).
import { execFileSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { preview } from "vite";
import { findChromium } from "./chromium.mjs";

const BASE = "/nf-conntrack/";
const LINK = "?v=1&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12";
const SHOTS = [
  { path: "docs/screenshot.png", viewport: { width: 1280, height: 800 }, scale: 1 },
  { path: "docs/screenshot-phone.png", viewport: { width: 360, height: 740 }, scale: 2 },
];

execFileSync("npx", ["vite", "build"], { stdio: "ignore" });
const server = await preview({ base: BASE, preview: { port: 0, host: "127.0.0.1", strictPort: false } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error("vite preview gave no local address");

const found = findChromium();
const browser = await chromium.launch({
  ...(found?.executablePath ? { executablePath: found.executablePath } : {}),
  args: ["--disable-gpu"],
});
for (const shot of SHOTS) {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: shot.scale,
    isMobile: shot.scale > 1,
    hasTouch: shot.scale > 1,
    colorScheme: "light",
  });
  const page = await context.newPage();
  await page.goto(`${url}${LINK}`);
  await page.getByTestId("result-max").and(page.locator('[data-value="25208064"]')).waitFor();
  await page.getByTestId("sysctl-snippet").waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: shot.path });
  console.log(`${shot.path}: ${shot.viewport.width} x ${shot.viewport.height}`);
  await context.close();
}
await browser.close();
await server.close();
