import { ARTICLE_LINK, expect, test } from "./fixtures";

test("both charts render, with the max marker labelled with the chosen max", async ({ page }) => {
  await page.goto("./?ram=16GiB&ratio=4&struct=352#charts");
  const memory = page.getByTestId("memory-chart");
  const chain = page.getByTestId("chain-chart");
  await expect(memory.locator("svg.recharts-surface")).toBeVisible();
  await expect(chain.locator("svg.recharts-surface")).toBeVisible();
  await expect(memory.getByText("max 524,288", { exact: true })).toBeVisible();
  await expect(memory.getByText("1% of RAM", { exact: true })).toBeVisible();
  // Axis ticks formatted for people: round binary sizes and compact counts.
  await expect(memory.getByText("400 MiB", { exact: true })).toBeVisible();
  await expect(memory.getByText("500K", { exact: true })).toBeVisible();
  await expect(chain.getByText("full: 8")).toBeVisible();
});

test("hovering the max marker shows the exact count and memory", async ({ page }) => {
  await page.goto("./?ram=16GiB&ratio=4&struct=352#charts");
  const memory = page.getByTestId("memory-chart");
  // The vertical marker line: zero width, so it is attached rather than "visible".
  const marker = memory.locator('[data-connections="524288"] line');
  await marker.waitFor({ state: "attached" });
  await memory.scrollIntoViewIfNeeded();
  const box = await marker.boundingBox();
  if (!box) throw new Error("no marker");
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = page.getByTestId("memory-tooltip");
  await expect(tooltip).toContainText("524,288 connections");
  await expect(tooltip).toContainText("177 MiB (185,597,952 bytes)");
});

test("the keyboard moves the tooltip along the chart", async ({ page }) => {
  await page.goto("./?ram=16GiB&ratio=4&struct=352#charts");
  const surface = page.getByTestId("chain-chart").getByRole("application");
  await expect(surface).toBeVisible();
  await surface.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("chain-tooltip")).toContainText("connections");
});

test("changing RAM redraws the chart", async ({ page }) => {
  await page.goto("./?ram=16GiB&ratio=4&struct=352#charts");
  const memory = page.getByTestId("memory-chart");
  await expect(memory.getByText("max 524,288")).toBeVisible();
  await page.locator("input[name=ram]").fill("787752 MiB");
  await expect(memory.getByText("max 25,208,064")).toBeVisible();
  await expect(memory.getByText("20 GiB", { exact: true })).toBeVisible();
  await expect(page.getByTestId("chain-chart").getByText("full: 8")).toBeVisible();
  await page.locator("input[name=ratio]").fill("1");
  await expect(page.getByTestId("chain-chart").getByText("full: 2")).toBeVisible();
});

test("the text alternative gives a summary and the data as a table", async ({ page }) => {
  await page.goto(`${ARTICLE_LINK}#charts`);
  const figure = page.getByRole("figure", { name: "Kernel memory versus tracked connections" });
  await expect(figure).toContainText("reaching 8.31 GiB (1.08% of RAM) at nf_conntrack_max = 25,208,064");
  await figure.getByText("Show the data as a table").click();
  const row = figure.getByRole("row").filter({ hasText: /^25,208,064/ });
  await expect(row).toContainText("8,923,656,192 B");
});

test("the charts fit 360 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?ram=16GiB&ratio=4&struct=352#charts");
  await expect(page.getByTestId("memory-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("chain-chart").locator("svg.recharts-surface")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const width = await page
    .getByTestId("memory-chart")
    .locator("svg.recharts-surface")
    .evaluate((svg) => svg.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(360);
});
