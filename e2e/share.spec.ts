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
  await page.locator("input[name=max]").fill("abc");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const link = await clipboardText(page);
  // Every input is written, the kernel's own figures as the numbers they stand for today.
  expect(link).toMatch(
    /\/nf-conntrack\/\?v=2&ram=787752\+MiB&arch=64&ratio=1&struct=320&kernel=6\.12&page=4$/,
  );
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
  // The link carries valid values only: the half-typed max stayed behind.
  await expect(other.locator("input[name=max]")).toHaveValue("");
  expect(await other.getByTestId("sysctl-snippet").textContent()).toBe(
    await page.getByTestId("sysctl-snippet").textContent(),
  );
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
