import { DEFAULTS, expect, expectResults, test } from "./fixtures";

test("after the first visit the page works without a network", async ({ page, context }) => {
  await page.goto("./?ram=16GiB");
  await expectResults(page, DEFAULTS);
  // Wait until the service worker controls the page and has precached the build.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
  });
  await context.setOffline(true);
  await page.goto("./?ram=787752MiB&lang=zh-CN#charts");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "25208064");
  await expect(page.getByText("你的机器")).toBeVisible();
  await expect(page.getByTestId("memory-chart").locator("svg.recharts-surface")).toBeVisible();
  await context.setOffline(false);
});
