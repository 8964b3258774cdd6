import AxeBuilder from "@axe-core/playwright";
import { expect, openDetails, test } from "./fixtures";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

for (const colorScheme of ["light", "dark"] as const) {
  test(`has no WCAG 2.1 A/AA violations in ${colorScheme}, with errors showing`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("./?ram=lots&arch=48&ratio=0&max=-1&kernel=linux&page=8");
    await expect(page.locator("input[name=ram]")).toHaveAttribute("aria-invalid", "true");
    await openDetails(page);
    await expect(page.getByTestId("memory-chart").locator("svg.recharts-surface")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
}

test("has no WCAG 2.1 A/AA violations in Chinese", async ({ page }) => {
  await page.goto("./?ram=16GiB&lang=zh-CN");
  await expect(page.getByText("你的机器")).toBeVisible();
  await openDetails(page);
  await expect(page.getByTestId("chain-chart").locator("svg.recharts-surface")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("has no WCAG 2.1 A/AA violations with the alerts, a bad threshold and a pasted dump", async ({
  page,
}) => {
  await page.goto("./?target=alerts&alert=500");
  await expect(page.locator("input[name=alert]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("prometheus-rules-unavailable")).toBeVisible();
  await page.getByRole("radio", { name: "A pasted dump" }).check();
  await page
    .locator("textarea[name=paste]")
    .fill("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 800\n");
  await expect(page.getByTestId("alerts-now")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});

test("ships a strict Content-Security-Policy that the page lives within", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  await page.goto("./?ram=16GiB#charts");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  await expect(page.getByTestId("memory-chart").locator("svg.recharts-surface")).toBeVisible();
  await page.locator("select[name=lang]").selectOption("zh-CN");
  await expect(page.getByText("你的机器")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the whole page works from the keyboard, with a visible focus", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("select[name=lang]")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.locator("select[name=lang]")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /start from the machine/ })).toBeFocused();
  // The way of sizing comes first in the inputs.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: "RAM" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("input[name=ram]")).toBeFocused();
  const outline = await page.locator("input[name=ram]").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("8G");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
  // A preset button is reachable and pressable by keyboard.
  const preset = page.getByRole("button", { name: /^384 B/ });
  await preset.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("input[name=struct]")).toHaveValue("384");
});

test("every panel is drawn as a panel in both colour schemes", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("./?cores=8");
    const panels = [
      ".inputs",
      ".results",
      ".kernel",
      ".paste",
      ".charts",
      ".traffic",
      ".kube",
      ".timeouts",
      ".config",
    ];
    for (const panel of panels) {
      // The app's panel, not the static shell's frame that React replaces as it starts.
      const style = await page
        .locator(`main:not(.shell) ${panel}`)
        .first()
        .evaluate((el) => ({
          border: getComputedStyle(el).borderTopWidth,
          padding: getComputedStyle(el).paddingTop,
        }));
      expect(style, panel).toEqual({ border: "1px", padding: "16px" });
    }
  }
});
