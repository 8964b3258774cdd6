import { readFile } from "node:fs/promises";
import { ARTICLE, ARTICLE_LINK, expect, expectResults, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboardText = (page: import("@playwright/test").Page) =>
  page.evaluate(() => navigator.clipboard.readText());

test("Copy puts exactly the snippet on the clipboard and says so", async ({ page }) => {
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  const block = page.getByRole("region", { name: /sysctl\.d drop-in/ });
  await block.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(block.getByRole("status")).toContainText("Copied");
  const snippet = await page.getByTestId("sysctl-snippet").textContent();
  expect(await clipboardText(page)).toBe(snippet);
  expect(snippet).toContain("net.netfilter.nf_conntrack_max = 25208064\n");
  expect(snippet).toContain("net.netfilter.nf_conntrack_buckets = 6302208\n");
  expect(snippet).toMatch(
    /^# Reproduce: http:\/\/127\.0\.0\.1:\d+\/nf-conntrack\/\?v=2&ram=787752MiB&arch=64&ratio=4&struct=352&/m,
  );
});

test("Copy link reproduces the page in a new tab", async ({ page, context }) => {
  await page.goto("./");
  await page.locator("input[name=ram]").fill("787752 MiB");
  await page.locator("input[name=struct]").fill("320");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const link = await clipboardText(page);
  // Every input the reader set is written; the kernel's own entries per bucket stays derived.
  expect(link).toMatch(/\/nf-conntrack\/\?v=2&ram=787752\+MiB&arch=64&struct=320&kernel=6\.12&page=4$/);
  const other = await context.newPage();
  await other.goto(link);
  for (const testId of ["result-max", "result-buckets", "result-memory"]) {
    await expect(other.getByTestId(testId)).toHaveAttribute(
      "data-value",
      (await page.getByTestId(testId).getAttribute("data-value")) ?? "",
    );
  }
  await expect(other.locator("input[name=ram]")).toHaveValue("787752 MiB");
  await expect(other.locator("input[name=struct]")).toHaveValue("320");
  expect(await other.getByTestId("sysctl-snippet").textContent()).toBe(
    await page.getByTestId("sysctl-snippet").textContent(),
  );
  // A half-typed value goes with the link as the reader sees it: the colleague sees the same error,
  // and no answer for values nobody asked for.
  await page.locator("input[name=max]").fill("abc");
  await page.getByRole("button", { name: "Copy link" }).click();
  const halfTyped = await clipboardText(page);
  expect(halfTyped).toContain("&max=abc&");
  await other.goto(halfTyped);
  await expect(other.locator("input[name=max]")).toHaveAttribute("aria-invalid", "true");
  await expect(other.getByTestId("answer-invalid")).toContainText("nf_conntrack_max is not valid");
});

test("a copied link leaves the kernel's own figures derived, so a changed kernel brings its own", async ({
  page,
  context,
}) => {
  await page.goto("./?kernel=5.10");
  await expect(page.getByTestId("result-buckets")).toHaveAttribute("data-value", "131072");
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await clipboardText(page);
  expect(link).not.toMatch(/ratio=|struct=/);
  const other = await context.newPage();
  await other.goto(link);
  await other.locator("input[name=kernel]").fill("6.12");
  await expect(other.getByTestId("result-buckets")).toHaveAttribute("data-value", "524288");
  await expect(other.getByTestId("result-memory")).toHaveAttribute("data-value", String(524288 * 264));
  await expect(other.getByTestId("struct-source")).not.toContainText("Your own figure");
});

test("Download gives a sysctl.d drop-in with the same text", async ({ page }) => {
  await page.goto(ARTICLE_LINK);
  await expectResults(page, ARTICLE);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download 90-nf-conntrack.conf" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("90-nf-conntrack.conf");
  const text = await readFile(await download.path(), "utf8");
  expect(text).toBe(await page.getByTestId("sysctl-snippet").textContent());
});

test("each block's Copy button copies its own block", async ({ page }) => {
  await page.goto("./?ram=16GiB&kernel=6.12");
  const tabs = {
    "sysctl.d": "sysctl-snippet",
    "modules-load.d": "modules-load-snippet",
    "modprobe.d": "modprobe-snippet",
    "Apply now": "apply-commands",
    "Setup script": "setup-script",
  };
  for (const [tab, testId] of Object.entries(tabs)) {
    await page.getByRole("tab", { name: tab }).click();
    const snippet = page.getByTestId(testId);
    // The innermost region holding the snippet: its own block.
    const block = page.getByRole("region").filter({ has: snippet }).last();
    await block.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(block.getByRole("status")).toContainText("Copied");
    expect(await clipboardText(page)).toBe(await snippet.textContent());
  }
});

test("Download all gives one script that writes every file", async ({ page }) => {
  await page.goto("./?ram=16GiB&kernel=4.4");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: /Download all/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("nf-conntrack-setup.sh");
  const script = await readFile(await download.path(), "utf8");
  expect(script.startsWith("#!/bin/sh\n")).toBe(true);
  for (const testId of ["sysctl-snippet", "modules-load-snippet", "modprobe-snippet", "apply-commands"]) {
    expect(script).toContain(await page.getByTestId(testId).textContent());
  }
});
