import { expect, expectResults, test } from "./fixtures";

test("a link with bad values shows each error at its field and applies the rest", async ({ page }) => {
  await page.goto("./?v=1&ram=lots&arch=48&ratio=0&struct=320&max=-1&kernel=linux");
  for (const name of ["ram", "ratio", "max", "kernel"]) {
    const input = page.locator(`input[name=${name}]`);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    const messageId = await input.getAttribute("aria-describedby");
    await expect(page.locator(`[id="${messageId}"]`)).toContainText(/Enter /);
  }
  await expect(page.locator("input[name=ram]")).toHaveValue("lots");
  await expect(page.locator("select[name=arch]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("select[name=arch]")).toHaveValue("48");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("aria-invalid", "false");
  // No answer and no config for values nobody asked for: each says which fields to fix.
  await expect(page.getByTestId("answer-invalid")).toContainText(
    "No answer while RAM, Architecture, Entries per bucket, nf_conntrack_max, and Kernel version are not valid",
  );
  await expect(page.getByTestId("result-max")).toHaveCount(0);
  await expect(page.getByTestId("config-invalid")).toBeVisible();
  await expect(page.getByTestId("sysctl-snippet")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy", exact: true }).first()).toBeDisabled();
  await expect(page.locator("body")).not.toContainText(/NaN|Infinity|undefined/);
  // Fixing the fields brings the answer back: struct=320 applies, and the rest as fixed.
  await page.locator("input[name=ram]").fill("16 GiB");
  await page.locator("select[name=arch]").selectOption("64");
  await page.locator("input[name=ratio]").fill("4");
  await page.locator("input[name=max]").fill("");
  await page.locator("input[name=kernel]").fill("6.12");
  await expectResults(page, { max: 524288, buckets: 131072, memory: 524288 * 320 + 131072 * 8 });
  await expect(page.getByTestId("config-invalid")).toHaveCount(0);
});

test("a typed bad value keeps the text, explains the range, and no stale answer is shown or copied", async ({
  page,
}) => {
  await page.goto("./");
  const ram = page.locator("input[name=ram]");
  await ram.fill("64 GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  await ram.fill("64 GiX");
  await expect(ram).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-ram-error")).toContainText("Unknown unit.");
  await expect(page.getByTestId("result-max")).toHaveCount(0);
  await expect(page.getByTestId("answer-invalid")).toContainText("RAM is not valid");
  await expect(page.getByTestId("sysctl-snippet-unavailable")).toContainText(
    "Nothing to copy while RAM is not valid",
  );
  await expect(page.getByRole("button", { name: /^Download all/ })).toBeDisabled();
  await expect(page).toHaveURL(/ram=64\+GiX/);
  await ram.fill("0.5K");
  await expect(page.locator("#field-ram-error")).toContainText("from 1 MiB to 4 PiB");
  await ram.fill("8G");
  await expect(ram).toHaveAttribute("aria-invalid", "false");
  await expect(page.locator("#field-ram-error")).toHaveCount(0);
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
});

test("a link from an unknown schema version says so and still applies its fields", async ({ page }) => {
  await page.goto("./?v=7&ram=8G");
  await expect(
    page.getByRole("status").filter({ hasText: "names a link version this page does not know" }),
  ).toBeVisible();
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
});

test("markup in a link is shown as text, never run", async ({ page }) => {
  const payload = "<img src=x onerror=window.__pwned=1>";
  await page.goto(
    `./?ram=${encodeURIComponent(payload)}&kernel=${encodeURIComponent("<script>window.__pwned=1</script>")}`,
  );
  await expect(page.locator("input[name=ram]")).toHaveValue(payload);
  await expect(page.getByTestId("answer-invalid")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img")).toHaveCount(0);
});
