import { ARTICLE, ARTICLE_LINK, expect, expectResults, test } from "./fixtures";

test("?lang=zh-CN renders Chinese with the same numbers", async ({ page }) => {
  await page.goto(`${ARTICLE_LINK}&lang=zh-CN#charts`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("nf_conntrack 连接跟踪表容量计算器");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("nf_conntrack 连接跟踪表容量计算器");
  await expectResults(page, ARTICLE);
  await expect(page.getByTestId("result-max")).toHaveText("25,208,064");
  await expect(page.getByText("建议设置")).toBeVisible();
  await expect(page.getByTestId("memory-chart").getByText("max 25,208,064", { exact: true })).toBeVisible();
  // Config keys and comments stay as they are in every language.
  await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = 25208064");
  await expect(page.getByTestId("sysctl-snippet")).toContainText("# Install: save as /etc/sysctl.d/");
});

test.describe("a Chinese-language browser", () => {
  test.use({ locale: "zh-CN" });

  test("gets Chinese by default, and English when the link says so", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByText("你的机器")).toBeVisible();
    await page.goto("./?lang=en");
    await expect(page.getByText("Your machine")).toBeVisible();
  });
});

test("the language switch changes the page without a reload and writes lang to the URL", async ({ page }) => {
  await page.goto("./?ram=16GiB");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.locator("select[name=lang]").selectOption("zh-CN");
  await expect(page.getByText("你的机器")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/&lang=zh-CN$/);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
  // Errors speak the page's language too.
  await page.locator("input[name=ram]").fill("lots");
  await expect(page.locator("#field-ram-error")).toContainText("无法识别");
  await page.locator("select[name=lang]").selectOption("en");
  await expect(page.locator("#field-ram-error")).toContainText("Not understood");
  await expect(page).toHaveURL(/&lang=en$/);
});

test("a page that opened in Chinese switches to English, loading the English words then", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB&lang=zh-CN");
  await expect(page.getByText("你的机器")).toBeVisible();
  await page.locator("select[name=lang]").selectOption("en");
  await expect(page.getByText("Your machine")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
});

test.describe("when the Chinese words cannot be downloaded", () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test("the page starts in English rather than not at all", async ({ page }) => {
    await page.route(/\/assets\/zh-CN-[^/]+\.js$/, (route) => route.abort());
    await page.goto("./?ram=16GiB&lang=zh-CN");
    await expect(page.getByText("Your machine")).toBeVisible();
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
    await expect(page.getByTestId("page-status")).toContainText("简体中文 could not be loaded");
  });
});
