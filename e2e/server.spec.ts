import { CONTENT_SECURITY_POLICY } from "../vite.config";
import { DEFAULTS, expect, expectResults, test } from "./fixtures";

/**
 * What the host sends, with the shipped configuration (deploy/nginx/nf-conntrack.conf): run by
 * playwright.nginx.config.ts only, against nginx itself. docs/deploy.md says why each rule is there.
 */

const SECURITY_HEADERS = {
  "content-security-policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};
const REVALIDATE = "no-cache";
const IMMUTABLE = "public, max-age=31536000, immutable";

test("the page, the service worker and the hashed files carry the security headers and their cache rules", async ({
  page,
}) => {
  const index = await page.goto("./?ram=16GiB");
  expect(index?.status()).toBe(200);
  await expectResults(page, DEFAULTS);
  expect(index?.headers()).toMatchObject({ ...SECURITY_HEADERS, "cache-control": REVALIDATE });

  const worker = await page.request.get("./sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()).toMatchObject({ ...SECURITY_HEADERS, "cache-control": REVALIDATE });

  const script = await page.locator('script[type="module"][src]').getAttribute("src");
  const asset = await page.request.get(script ?? "", { headers: { "accept-encoding": "gzip" } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()).toMatchObject({
    ...SECURITY_HEADERS,
    "cache-control": IMMUTABLE,
    "content-encoding": "gzip",
    vary: "Accept-Encoding",
  });
  expect(asset.headers()["content-type"]).toMatch(/javascript/);
});

test("the page answers at its sub-path, also without the final slash", async ({ page, baseURL }) => {
  const bare = (baseURL ?? "").replace(/\/$/, "");
  const response = await page.request.get(bare, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers().location).toBe("/nf-conntrack/");
  await page.goto(`${bare}?ram=16GiB`);
  expect(new URL(page.url()).pathname).toBe("/nf-conntrack/");
  await expectResults(page, DEFAULTS);
});

test.describe("an unknown path", () => {
  test.use({ expectedConsoleErrors: [[/status of 404/], { scope: "test" }] });

  test("is a 404 that is not the app, with the same headers", async ({ page }) => {
    const response = await page.goto("./no-such-page/");
    expect(response?.status()).toBe(404);
    expect(response?.headers()).toMatchObject(SECURITY_HEADERS);
    await expect(page.locator("body")).toContainText("404 Not Found");
    await expect(page.locator("#root")).toHaveCount(0);
  });

  test("never becomes the offline copy of the app", async ({ page, context }) => {
    await page.goto("./?ram=16GiB");
    await expectResults(page, DEFAULTS);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
      }
    });
    // A navigation in the worker's scope that the host answers with its 404 page.
    const missing = await page.goto("./no-such-page/");
    expect(missing?.status()).toBe(404);
    await context.setOffline(true);
    await page.goto("./?ram=787752MiB");
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "25208064");
    await expect(page.locator("input[name=ram]")).toHaveValue("787752MiB");
    await context.setOffline(false);
  });
});

test.describe("another page", () => {
  test.use({ expectedConsoleErrors: [[/frame-ancestors/], { scope: "test" }] });

  test("cannot frame the page", async ({ page, baseURL }) => {
    await page.setContent(`<iframe src="${baseURL ?? ""}?ram=16GiB" width="800" height="600"></iframe>`);
    const frame = page.frameLocator("iframe");
    await page.waitForTimeout(1000);
    await expect(frame.locator("input[name=ram]")).toHaveCount(0);
    await expect(frame.locator("[data-testid=result-max]")).toHaveCount(0);
  });
});

test("a path that starts with // (nginx merges the slashes) still mounts the page", async ({
  page,
  baseURL,
}) => {
  const base = new URL(baseURL ?? "http://127.0.0.1/");
  await page.goto(`${base.origin}/${base.pathname}?v=2&ram=2T`);
  await expect(page.locator("input[name=to_generic_timeout]")).toBeAttached();
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "67108864");
  await page.locator("input[name=ram]").fill("4T");
  await expect.poll(() => new URL(page.url()).search).toContain("ram=4T");
  expect(new URL(page.url()).pathname).toBe(`/${base.pathname}`);
});
