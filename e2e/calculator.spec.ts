import { ARTICLE, ARTICLE_DEFAULTS, ARTICLE_LINK, DEFAULTS, expect, expectResults, test } from "./fixtures";

test("opens with 16 GiB and the kernel's own figures, and its state in the address bar", async ({ page }) => {
  await page.goto("./");
  await expectResults(page, DEFAULTS);
  await expect(page.getByTestId("result-max")).toHaveText("524,288");
  await expect(page.getByTestId("result-memory")).toHaveText("132 MiB");
  await expect(page.locator("input[name=ratio]")).toHaveAttribute("placeholder", "kernel's own: 1");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 256 B");
  await expect(page).toHaveURL(/\?v=2&ram=16GiB&arch=64&kernel=6\.12&page=4$/);
});

test("the kernel's own figures follow the chosen kernel", async ({ page }) => {
  await page.goto("./?ram=16GiB&kernel=5.10");
  // 5.10: four entries per bucket; 341.3 B of slab plus the 128 B extension every entry gets.
  await expect(page.locator("input[name=ratio]")).toHaveAttribute("placeholder", "kernel's own: 4");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 470 B");
  await expectResults(page, { max: 524288, buckets: 131072, memory: 524288 * 470 + 131072 * 8 });
  await expect(page.getByTestId("struct-source")).toContainText("Measured on Debian's 5.10 amd64 kernel");
  await page.locator("select[name=arch]").selectOption("32");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 384 B");
  await page.locator("input[name=kernel]").fill("6.1");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 256 B");
});

test("the article's figures are one click away, and so is the way back", async ({ page }) => {
  await page.goto("./?ram=16GiB");
  const article = page.getByRole("button", {
    name: "The article this calculator grew from: 4 per bucket, 352 B",
  });
  const own = page.getByRole("button", { name: "The kernel's own" });
  await expect(own).toHaveAttribute("aria-pressed", "true");
  await article.click();
  await expect(article).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("input[name=ratio]")).toHaveValue("4");
  await expect(page.locator("input[name=struct]")).toHaveValue("352");
  await expectResults(page, ARTICLE_DEFAULTS);
  await expect(page).toHaveURL(/ratio=4&struct=352/);
  await own.click();
  await expect(page.locator("input[name=ratio]")).toHaveValue("");
  await expect(page.locator("input[name=struct]")).toHaveValue("");
  await expectResults(page, DEFAULTS);
});

test("a version 1 link shows exactly the numbers it showed before", async ({ page }) => {
  await page.goto("./?v=1&ram=16GiB&kernel=6.12");
  await expectResults(page, ARTICLE_DEFAULTS);
  await expect(page.locator("input[name=ratio]")).toHaveValue("4");
  await expect(page.locator("input[name=struct]")).toHaveValue("352");
  await expect(page).toHaveURL(/\?v=2&ram=16GiB&arch=64&ratio=4&struct=352&kernel=6\.12&page=4$/);
});

test("typing RAM updates results, snippet and address bar on every keystroke", async ({ page }) => {
  await page.goto("./");
  const ram = page.locator("input[name=ram]");
  await ram.fill("");
  await ram.pressSequentially("64 GiB");
  await expectResults(page, { max: 2097152, buckets: 2097152, memory: 2097152 * 256 + 2097152 * 8 });
  await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = 2097152");
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "net.netfilter.nf_conntrack_buckets = 2097152",
  );
  await expect(page).toHaveURL(/[?&]ram=64\+GiB(&|$)/);
});

test("a prefilled link shows the article's exact numbers", async ({ page }) => {
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  await expect(page.getByTestId("result-buckets")).toHaveText("6,302,208");
  await expect(page.getByTestId("result-buckets-requested")).toHaveAttribute("data-value", "6302016");
  await expect(page.getByTestId("result-memory")).toHaveText("8.31 GiB");
  await expect(page.locator("input[name=ram]")).toHaveValue("787752MiB");
});

test("every input is a named control that drives the result", async ({ page }) => {
  await page.goto("./");
  await page.locator("select[name=arch]").selectOption("32");
  await page.locator("input[name=ratio]").fill("1");
  await page.locator("input[name=struct]").fill("256");
  // 32-bit: 16384 MiB × 64 = 1,048,576 entries, one bucket each, 4-byte heads.
  await expectResults(page, { max: 1048576, buckets: 1048576, memory: 1048576 * 256 + 1048576 * 4 });
  await page.locator("input[name=max]").fill("100000");
  await expectResults(page, { max: 100000, buckets: 100352, memory: 100000 * 256 + 100352 * 4 });
  await page.locator("input[name=max]").fill("");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "1048576");
  await page.locator("input[name=kernel]").fill("5.15.0-91-generic");
  await expect(page.getByTestId("sysctl-snippet")).toContainText("kernel 5.15.0");
  await expect(page).toHaveURL(/arch=32&ratio=1&struct=256&kernel=5\.15\.0-91-generic&page=4$/);
});

test("a low-memory warning appears next to the memory on a large 32-bit machine", async ({ page }) => {
  await page.goto("./?ram=16GiB&arch=32");
  const memoryCard = page.getByRole("article", { name: "Kernel memory at a full table" });
  await expect(memoryCard.getByRole("note")).toContainText("896 MiB of low memory");
  await page.locator("select[name=arch]").selectOption("64");
  await expect(memoryCard.getByRole("note")).toHaveCount(0);
});

test("a huge machine shows the kernel's limits as warnings, not wrong numbers", async ({ page }) => {
  await page.goto("./?ram=64TiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2147483647");
  await expect(page.getByTestId("result-buckets")).toHaveAttribute("data-value", "268434944");
  await expect(page.getByRole("article", { name: "nf_conntrack_max" }).getByRole("note")).toContainText(
    "capped",
  );
  await expect(
    page.getByRole("article", { name: "nf_conntrack_buckets" }).getByRole("note").first(),
  ).toContainText("largest table");
});

test("reload keeps every input", async ({ page }) => {
  await page.goto("./");
  await page.locator("input[name=ram]").fill("787752 MiB");
  await page.locator("input[name=struct]").fill("320");
  await expect(page).toHaveURL(/struct=320/);
  await page.reload();
  await expect(page.locator("input[name=ram]")).toHaveValue("787752 MiB");
  await expect(page.locator("input[name=struct]")).toHaveValue("320");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "25208064");
});

test("back and forward between two links show each link's numbers", async ({ page }) => {
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  await page.goto("./?ram=16GiB");
  await expectResults(page, DEFAULTS);
  await page.goBack();
  await expectResults(page, ARTICLE);
  await page.goForward();
  await expectResults(page, DEFAULTS);
});

test("is usable 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // A shared link shows its numbers first; the inputs are one tap away.
  await page.getByRole("button", { name: "Edit inputs" }).click();
  await expect(page.locator("input[name=ram]")).toBeInViewport();
});

test("follows a dark system colour scheme", async ({ browser, baseURL }) => {
  const backgrounds: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, ...(baseURL ? { baseURL } : {}) });
    const page = await context.newPage();
    await page.goto("./");
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
    await context.close();
  }
  expect(backgrounds[0]).not.toBe(backgrounds[1]);
});
