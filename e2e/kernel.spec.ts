import { expect, test } from "./fixtures";

const settingLines = async (page: import("@playwright/test").Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? "")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));

test("a new kernel: its own defaults, no boot line, buckets set by sysctl", async ({ page }) => {
  await page.goto("./?v=1&ram=24683620kB&arch=64&ratio=1&struct=256&kernel=6.18&page=4");
  await expect(page.getByTestId("kernel-default-max")).toHaveAttribute("data-value", "262144");
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "262144");
  await expect(page.getByTestId("kernel-boot-line")).toHaveCount(0);
  expect(await settingLines(page, "sysctl-snippet")).toEqual([
    "net.netfilter.nf_conntrack_max = 771363",
    "net.netfilter.nf_conntrack_buckets = 771584",
  ]);
  expect(await settingLines(page, "modules-load-snippet")).toEqual(["nf_conntrack"]);
  expect(await settingLines(page, "modprobe-snippet")).toEqual(["options nf_conntrack hashsize=771584"]);
  await expect(page.getByTestId("apply-commands")).toContainText(
    "echo 771584 > /sys/module/nf_conntrack/parameters/hashsize",
  );
  await expect(page.getByTestId("apply-commands")).toContainText(
    "only from the host's network namespace, never from a container",
  );
});

test("an old kernel: factor 4, its boot line, and buckets only through the module", async ({ page }) => {
  await page.goto("./?v=1&ram=16GiB&arch=64&ratio=4&struct=352&kernel=3.10.0-1160.el7.x86_64&page=4");
  await expect(page.getByTestId("kernel-default-max")).toHaveAttribute("data-value", "65536");
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "16384");
  await expect(page.getByTestId("kernel-boot-line")).toHaveText(
    "nf_conntrack version 0.5.0 (16384 buckets, 65536 max)",
  );
  expect(await settingLines(page, "sysctl-snippet")).toEqual(["net.netfilter.nf_conntrack_max = 524288"]);
  await expect(page.getByTestId("sysctl-snippet")).toContainText("read-only on kernel 3.10.0");
  expect(await settingLines(page, "modprobe-snippet")).toEqual(["options nf_conntrack hashsize=131072"]);
  await expect(
    page.getByText(/every network namespace \(every container\) allocates its own hash table/),
  ).toBeVisible();
});

test("a modern kernel warns that the article's ratio shrinks its table", async ({ page }) => {
  await page.goto("./?ram=16GiB&ratio=4&kernel=6.12");
  await expect(
    page.getByText(/shrinks the table this kernel allocates by itself, from 262,144 to 131,072/),
  ).toBeVisible();
});

test("changing the kernel and page size updates the defaults live", async ({ page }) => {
  await page.goto("./?ram=512MiB");
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "4096");
  await page.locator("select[name=page]").selectOption("64");
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "8192");
  await page.locator("input[name=kernel]").fill("2.6.32");
  // 512 MiB / 16384 / 8 = 4096 buckets, max 4 × 4096 (per-namespace era: from the unrounded size).
  await expect(page.getByTestId("kernel-default-max")).toHaveAttribute("data-value", "16384");
  await expect(page.getByTestId("kernel-boot-line")).toHaveText(
    "nf_conntrack version 0.5.0 (4096 buckets, 16384 max)",
  );
  await expect(page).toHaveURL(/kernel=2\.6\.32&page=64$/);
});

test("a distribution kernel says it may differ from the vanilla release", async ({ page }) => {
  await page.goto("./?kernel=5.14.0-427.13.1.el9_4.x86_64");
  await expect(page.getByTestId("kernel-distribution-note")).toContainText(
    "Its release suffix marks a Red Hat Enterprise Linux kernel",
  );
  await page.locator("input[name=kernel]").fill("5.14");
  await expect(page.getByTestId("kernel-distribution-note")).toHaveCount(0);
});

test("a version inside an unconfirmed boundary says so", async ({ page }) => {
  await page.goto("./?kernel=2.6.18");
  await expect(
    page.getByText(/kernels 2\.6\.15 to 2\.6\.21 ship both ip_conntrack and nf_conntrack/),
  ).toBeVisible();
});

test("kernels after 7.3 are flagged as not checked; 6.19 on refuse a max of 0", async ({ page }) => {
  await page.goto("./?kernel=7.4");
  await expect(page.getByText(/Not checked: this kernel is newer than 7\.3/)).toBeVisible();
  await expect(page.getByText(/From 6\.19 nf_conntrack_max = 0 is refused/)).toBeVisible();
  // 7.3 is checked: nothing uncertain, so the kernel section stays folded; the note is still there.
  await page.goto("./?kernel=7.3");
  await expect(page.getByText(/From 6\.19 nf_conntrack_max = 0 is refused/)).toBeAttached();
  await expect(page.getByText(/Not checked/)).toHaveCount(0);
});

test("a hash table above 4 MiB shows the huge-page range: x86-64 from 5.18, arm64 from 6.1", async ({
  page,
}) => {
  await page.goto("./?v=1&ram=787752M&kernel=6.12");
  const note = page.getByText(/may be mapped with 2 MiB pages/);
  await expect(note).toContainText("On x86-64 (from 5.18) and arm64 (from 6.1)");
  await expect(note).toContainText("48.1 MiB");
  await expect(note).toContainText("50 MiB");
  // The arithmetic gives the table's memory as that range, not as an exact figure.
  await expect(page.getByText(/As allocated it takes 48\.1 MiB to 50 MiB/)).toBeAttached();
  await page.goto("./?v=1&ram=787752M&kernel=6.0");
  await expect(page.getByText(/may be mapped with 2 MiB pages/)).toContainText(
    "On x86-64 (from 5.18; arm64 only from 6.1)",
  );
  await page.goto("./?v=1&ram=787752M&kernel=5.17");
  await expect(page.getByText(/may be mapped with 2 MiB pages/)).toHaveCount(0);
  await expect(page.getByText(/As allocated it takes/)).toHaveCount(0);
});

test("bad kernel and page values are flagged at their fields", async ({ page }) => {
  await page.goto("./?kernel=linux-next&page=8");
  await expect(page.locator("input[name=kernel]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("select[name=page]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-page-error")).toContainText("4, 16 or 64");
  // Both fall back to their defaults: 6.12 with 4 KiB pages.
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "262144");
});

test("bytes-per-entry presets fill the field and say where the figure comes from", async ({ page }) => {
  await page.goto("./");
  const own = page.getByRole("button", { name: "256 B: this kernel's own" });
  await expect(own).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("struct-source")).toContainText(
    "Measured on Debian's 6.12 amd64 kernel: 256-byte slab objects, 16 to a 4 KiB slab",
  );
  await page.getByRole("button", { name: "384 B: with NAT or events" }).click();
  await expect(page.locator("input[name=struct]")).toHaveValue("384");
  await expect(page.getByTestId("result-memory")).toHaveAttribute(
    "data-value",
    String(524288 * 384 + 524288 * 8),
  );
  await page.getByRole("button", { name: "352 B: the article" }).click();
  await expect(page.getByTestId("struct-source")).toContainText("no kernel measured uses it");
  await page.locator("input[name=struct]").fill("300");
  await expect(page.getByTestId("struct-source")).toHaveText("Your own figure.");
  await own.click();
  await expect(page.locator("input[name=struct]")).toHaveValue("");
});
