import { test, expect, ARTICLE, ARTICLE_LINK, expectResults } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

/** Where an element sits in the page, in CSS pixels from the top of the document. */
async function pageBox(locator: Locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
  });
}

async function hasHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test.describe("a shared link on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("answers on the first screen: the numbers, the sysctl.d block and its Copy", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(ARTICLE_LINK);
    await expectResults(page, ARTICLE);
    const snippet = page.getByTestId("sysctl-snippet");
    await expect(snippet).toBeVisible();
    const panel = page.locator("#panel-sysctl");
    const copy = panel.getByRole("button", { name: "Copy", exact: true });

    for (const element of [page.getByTestId("result-max"), snippet, copy]) {
      await expect(element).toBeInViewport();
      const { top, bottom } = await pageBox(element);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(bottom).toBeLessThanOrEqual(800);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Nothing under the block is drawn over it.
    const note = await pageBox(page.locator(".config > .block-why").last());
    expect(note.top).toBeGreaterThanOrEqual((await pageBox(snippet)).bottom);

    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.textContent());
  });

  test("the answer column stays in view while the details scroll by", async ({ page }) => {
    await page.goto(`${ARTICLE_LINK}#timeouts`);
    await expectResults(page, ARTICLE);
    await expect(page.locator("#timeouts")).toHaveAttribute("open", "");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByTestId("result-max")).toBeInViewport();
  });
});

test.describe("a shared link on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("shows the numbers first, the config within two screens, and no sideways scroll", async ({ page }) => {
    await page.goto(ARTICLE_LINK);
    await expectResults(page, ARTICLE);
    await expect(page.getByTestId("result-max")).toBeInViewport();
    const snippet = await pageBox(page.getByTestId("sysctl-snippet"));
    expect(snippet.top).toBeLessThan(2 * 740);
    expect(await hasHorizontalScroll(page)).toBe(false);
  });

  test("the inputs are one tap away, with their values kept", async ({ page }) => {
    await page.goto(ARTICLE_LINK);
    const ram = page.locator("input[name=ram]");
    await expect(ram).toBeHidden();
    await page.getByRole("button", { name: "Edit inputs" }).tap();
    await expect(ram).toBeVisible();
    await expect(ram).toHaveValue("787752MiB");
    await page.getByRole("button", { name: "Hide inputs" }).tap();
    await expect(ram).toBeHidden();
  });
});

test.describe("details folded under headings", () => {
  test("start folded, open by their heading, and keep what was typed when folded again", async ({ page }) => {
    await page.goto("./");
    for (const id of ["charts", "timeouts", "kubernetes"]) {
      await expect(page.locator(`#${id}`)).not.toHaveAttribute("open", "");
    }
    const kubernetes = page.locator("#kubernetes");
    await kubernetes.locator("summary").click();
    await page.locator("input[name=cores]").fill("32");
    await kubernetes.locator("summary").click();
    await expect(kubernetes).not.toHaveAttribute("open", "");
    await expect(page).toHaveURL(/[?&]cores=32(&|$)/);
    await page.reload();
    await expect(page.locator("#kubernetes")).toHaveAttribute("open", "");
    await expect(page.locator("input[name=cores]")).toHaveValue("32");
  });

  test("an in-page link opens its section", async ({ page }) => {
    await page.goto("./#charts");
    await expect(page.locator("#charts")).toHaveAttribute("open", "");
    await expect(page.getByTestId("memory-chart")).toBeVisible();
    await page.evaluate(() => {
      window.location.hash = "kubernetes";
    });
    await expect(page.locator("#kubernetes")).toHaveAttribute("open", "");
    await expect(page.locator("input[name=cores]")).toBeVisible();
  });

  test("open by keyboard", async ({ page }) => {
    await page.goto("./");
    const summary = page.locator("#charts > summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#charts")).toHaveAttribute("open", "");
    await expect(page.getByTestId("memory-chart")).toBeVisible();
  });
});

test.describe("the config tabs", () => {
  test("arrow keys, Home and End move between blocks, each shown alone", async ({ page }) => {
    await page.goto(ARTICLE_LINK);
    const sysctl = page.getByRole("tab", { name: "sysctl.d" });
    await expect(sysctl).toHaveAttribute("aria-selected", "true");
    await sysctl.focus();
    await page.keyboard.press("ArrowRight");
    const modulesLoad = page.getByRole("tab", { name: "modules-load.d" });
    await expect(modulesLoad).toBeFocused();
    await expect(modulesLoad).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("modules-load-snippet")).toBeVisible();
    await expect(page.getByTestId("sysctl-snippet")).toBeHidden();
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Setup script" })).toBeFocused();
    await expect(page.getByTestId("setup-script")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(sysctl).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("tab", { name: "Setup script" })).toBeFocused();
    await page.keyboard.press("Home");
    await expect(sysctl).toBeFocused();
    await expect(page.getByTestId("sysctl-snippet")).toBeVisible();
  });

  test("on a kernel whose bucket sysctl is read-only, the setup script comes first", async ({ page }) => {
    await page.goto("./?kernel=3.10");
    await expect(page.getByRole("tab", { name: "Setup script" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("setup-script")).toBeVisible();
    await expect(page.getByTestId("setup-script")).toContainText("options nf_conntrack hashsize=");
    // The other blocks stay in the page, hidden, with their exact text.
    await expect(page.getByTestId("sysctl-snippet")).toBeHidden();
    await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = ");
  });
});

test.describe("three ways to size, chosen at the top of the inputs", () => {
  test("choosing a way brings its panel first; the RAM fields stay", async ({ page }) => {
    await page.goto("./");
    await page.getByRole("radio", { name: "Traffic" }).check();
    await expect(page.locator("input[name=tcp_cps]")).toBeVisible();
    await expect(page.locator("input[name=ram]")).toBeVisible();
    const traffic = await pageBox(page.locator("input[name=tcp_cps]"));
    const ram = await pageBox(page.locator("input[name=ram]"));
    expect(traffic.top).toBeLessThan(ram.top);

    await page.getByRole("radio", { name: "A pasted dump" }).check();
    await expect(page.getByRole("textbox", { name: "Pasted output" })).toBeVisible();
  });

  test("one collector command, a switch for the root variant, one Copy", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("./");
    await page.getByRole("radio", { name: "A pasted dump" }).check();
    const user = page.getByTestId("collector-command");
    const root = page.getByTestId("collector-command-root");
    await expect(user).toBeVisible();
    await expect(root).toBeHidden();
    const copy = page.getByRole("button", { name: "Copy command" });
    await expect(copy).toHaveCount(1);

    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await user.textContent());

    await page.getByRole("checkbox", { name: /as root/ }).check();
    await expect(root).toBeVisible();
    await expect(user).toBeHidden();
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(await root.textContent());
  });
});
