import AxeBuilder from "@axe-core/playwright";
import { test, expect, ARTICLE, ARTICLE_LINK, expectResults, openDetails } from "./fixtures";
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

/**
 * Where one line of a config block is drawn, found by its text: its box in the viewport, and the
 * block's visible box (its scroll box, inside the padding).
 */
async function lineInBlock(block: Locator, line: string) {
  return block.evaluate((pre, wanted) => {
    const text = pre.textContent;
    const start = text.indexOf(wanted);
    if (start < 0) throw new Error(`no line ${wanted}`);
    const range = document.createRange();
    const node = pre.firstChild;
    if (!node) throw new Error("empty block");
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    const box = range.getBoundingClientRect();
    const outer = pre.getBoundingClientRect();
    return {
      line: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      view: { top: outer.top + pre.clientTop, bottom: outer.top + pre.clientTop + pre.clientHeight },
    };
  }, line);
}

/**
 * The words of the page that a line splits: a name such as nf_conntrack_max drawn on two lines, or
 * a piece of code between its break points (Code in rich-text.tsx) drawn on two. Config blocks
 * (pre) are left out: they never wrap (see configLinesReachable).
 */
async function splitNames(page: Page) {
  return page.evaluate(() => {
    const lines = (range: Range) =>
      new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
    const split: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (text.parentElement?.closest("pre, [hidden], script, style")) continue;
      for (const match of text.data.matchAll(/[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        if (lines(range) > 1) split.push(match[0]);
      }
    }
    for (const piece of Array.from(document.querySelectorAll(".code-piece"))) {
      if (new Set(Array.from(piece.getClientRects()).map((rect) => Math.round(rect.top))).size > 1) {
        split.push(piece.textContent);
      }
    }
    return split;
  });
}

/**
 * Every line of the config block shown is one line on the screen (never wrapped between key and
 * value), and its end, the value, comes into the block's view by scrolling the block sideways.
 * Returns the lines that fail.
 */
async function configLinesNotReachable(block: Locator) {
  return block.evaluate((pre) => {
    const failed: string[] = [];
    const node = pre.firstChild;
    if (!node) return ["empty block"];
    const text = pre.textContent;
    let start = 0;
    for (const line of text.split("\n")) {
      const end = start + line.length;
      if (line.trim() !== "") {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
        const last = document.createRange();
        last.setStart(node, end - 1);
        last.setEnd(node, end);
        // Scroll the block as a reader would, just far enough to bring the line's end into view.
        const before = last.getBoundingClientRect();
        const outer = pre.getBoundingClientRect();
        pre.scrollLeft += Math.max(0, before.right - (outer.left + pre.clientWidth));
        const after = last.getBoundingClientRect();
        const box = pre.getBoundingClientRect();
        const seen =
          after.right <= box.left + pre.clientWidth + 1 &&
          after.left >= box.left - 1 &&
          after.right <= window.innerWidth + 1;
        if (tops.size > 1 || !seen) failed.push(line);
        pre.scrollLeft = 0;
      }
      start = end + 1;
    }
    return failed;
  });
}

/** Clicks each in-page link of the page and checks that its target comes into view, opened. */
async function followInPageLinks(page: Page) {
  const hrefs = await page
    .locator('a[href^="#"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`a[href="${href}"]`).first().click();
    const target = page.locator(href);
    await expect(target).toBeVisible();
    await expect(target).toBeInViewport();
    for (const fold of await target.locator("xpath=ancestor::details").all()) {
      await expect(fold).toHaveAttribute("open", "");
    }
  }
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
    // The settings themselves, not only the header's comments, are drawn in the block's view.
    for (const line of [
      "net.netfilter.nf_conntrack_max = 25208064",
      "net.netfilter.nf_conntrack_buckets = 6302208",
    ]) {
      const { line: box, view } = await lineInBlock(snippet, line);
      expect(box.top, line).toBeGreaterThanOrEqual(view.top);
      expect(box.bottom, line).toBeLessThanOrEqual(Math.min(view.bottom, 800));
      expect(box.right, line).toBeLessThanOrEqual(1280);
    }
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

  test("splits no name across lines, in English and in Chinese, with every section open", async ({
    page,
  }) => {
    for (const lang of ["en", "zh-CN"]) {
      await page.goto(`${ARTICLE_LINK}&lang=${lang}&to_tcp_timeout_established=86400&cores=16`);
      await expectResults(page, ARTICLE);
      await page.locator(".inputs-toggle").tap();
      await openDetails(page);
      await expect(page.locator("input[name=to_tcp_timeout_established]")).toBeVisible();
      for (const tab of await page.getByRole("tab").all()) {
        await tab.tap();
        expect(await splitNames(page), `${lang}, ${await tab.textContent()}`).toEqual([]);
      }
      expect(await hasHorizontalScroll(page)).toBe(false);
    }
  });

  test("every config line is one line on the screen, its value in reach", async ({ page }) => {
    await page.goto(`${ARTICLE_LINK}&to_tcp_timeout_established=86400`);
    await expectResults(page, ARTICLE);
    for (const tab of await page.getByRole("tab").all()) {
      await tab.tap();
      const block = page.locator(".tab-panel:not([hidden]) pre");
      await expect(block).toBeVisible();
      expect(await configLinesNotReachable(block), (await tab.textContent()) ?? "").toEqual([]);
    }
  });

  test("the timeouts fit the screen: each name, its default, its field and why", async ({ page }) => {
    await page.goto("./#timeouts");
    const row = page.locator(".timeouts tbody tr").first();
    await expect(row).toBeVisible();
    for (const cell of [
      row.locator("th"),
      row.locator("td").nth(0),
      row.locator("input"),
      row.locator("td").nth(2),
    ]) {
      const box = await cell.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    }
    const wrap = page.locator(".timeouts .table-wrap");
    expect(await wrap.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await expect(page.getByRole("columnheader", { name: "Kernel default (s)" })).toBeAttached();
    // The cards only: robust.spec.ts checks the whole page (axe on all of it outlasts a test here).
    const results = await new AxeBuilder({ page })
      .include(".timeouts")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test("a plain visit shows the inputs; a shared link folds them", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("input[name=ram]")).toBeVisible();
    await page.goto(ARTICLE_LINK);
    await expect(page.getByRole("button", { name: "Edit inputs" })).toBeVisible();
    await expect(page.locator("input[name=ram]")).toBeHidden();
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

for (const { width, height } of [
  { width: 360, height: 740 },
  { width: 800, height: 740 },
  { width: 1280, height: 800 },
]) {
  test.describe(`in-page links at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test("each brings its target into view, unfolded, on a plain visit and on a shared link", async ({
      page,
    }) => {
      for (const link of ["./", ARTICLE_LINK]) {
        await page.goto(link);
        await expect(page.getByTestId("sysctl-snippet")).toBeAttached();
        await followInPageLinks(page);
      }
    });

    test("'paste its diagnostics' opens the paste box, in view and focused", async ({ page }) => {
      await page.goto(ARTICLE_LINK);
      await expectResults(page, ARTICLE);
      await page.getByRole("link", { name: "Or start from the machine: paste its diagnostics." }).click();
      const box = page.getByRole("textbox", { name: "Pasted output" });
      await expect(box).toBeFocused();
      await expect(box).toBeInViewport();
      await expect(page.getByRole("radio", { name: "A pasted dump" })).toBeChecked();
    });
  });
}

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
