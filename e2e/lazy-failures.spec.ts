import { ARTICLE, ARTICLE_LINK, expect, expectResults, test } from "./fixtures";

// A tab opened before a deploy, with no service worker to keep its files: the lazily loaded files
// answer 404 once the new build has replaced them.
test.use({
  serviceWorkers: "block",
  expectedConsoleErrors: [[/Failed to load resource/, /dynamically imported module/], { scope: "test" }],
});

const DUMP = "MemTotal:       24683620 kB\n6.18.44 x86_64\n/proc/sys/net/netfilter/nf_conntrack_max:262144";

test("a report that cannot be loaded says so in its place, and the rest of the page keeps working", async ({
  page,
}) => {
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  await page.route("**/assets/paste-report-*.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.locator("input[name=struct]").fill("256");
  await page.locator("textarea[name=paste]").fill(DUMP);
  const failed = page.locator("section.paste").getByRole("alert");
  await expect(failed).toContainText("This part of the page could not be loaded");
  await expect(page.getByTestId("page-status")).toContainText("A new version of this page is ready");
  // Nothing typed is lost, and the calculator still answers.
  await expect(page.locator("textarea[name=paste]")).toHaveValue(DUMP);
  await expect(page.locator("input[name=struct]")).toHaveValue("256");
  await page.locator("input[name=ram]").fill("64 GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  await expect(page.getByTestId("sysctl-snippet")).toContainText("nf_conntrack_max = 2097152");
  // Reload, at once after typing (the file is there again), brings the page back with every field.
  await page.unroute("**/assets/paste-report-*.js");
  await page.locator("input[name=struct]").fill("300");
  // The reload starts once the service worker has been asked: wait for the new page, so the
  // checks below cannot pass on the old one.
  const reloaded = page.waitForEvent("load");
  await failed.getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await expect(page.locator("input[name=ram]")).toHaveValue("64 GiB");
  await expect(page.locator("input[name=struct]")).toHaveValue("300");
  await page.locator("textarea[name=paste]").fill(DUMP);
  await expect(page.getByTestId("current-max")).toHaveAttribute("data-value", "262144");
});

test("charts that cannot be loaded leave the numbers and the config in place", async ({ page }) => {
  await page.route("**/assets/chart-canvases-*.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${ARTICLE_LINK}#charts`);
  await expectResults(page, ARTICLE);
  const charts = page.locator("section.charts");
  await expect(charts.getByRole("alert").first()).toContainText("This part of the page could not be loaded");
  await expect(charts.getByRole("button", { name: "Reload" }).first()).toBeVisible();
  await expect(page.getByTestId("sysctl-snippet")).toContainText("nf_conntrack_max = 25208064");
  await page.locator("input[name=ram]").fill("64 GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
});

test("a language that cannot be loaded leaves the page in its language, which says so", async ({ page }) => {
  await page.route("**/assets/zh-CN-*.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto("./?ram=16GiB");
  await page.locator("select[name=lang]").selectOption("zh-CN");
  await expect(page.getByTestId("page-status")).toContainText(
    "简体中文 could not be loaded, so the page stays in English",
  );
  await expect(page.getByText("Your machine")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("select[name=lang]")).toHaveValue("en");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
});
