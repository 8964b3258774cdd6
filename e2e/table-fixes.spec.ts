import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, openDetails, test } from "./fixtures";

const LAB = "fixtures/table/lab-6.18.44";
const labText = () => readFileSync(`${LAB}/conntrack-L.txt`, "utf8");

/** `count` entry lines from a template, `@` the line's number, so every tuple differs. */
const lines = (count: number, template: string) =>
  Array.from({ length: count }, (_, i) => template.replaceAll("@", String(i + 1)));

/** The lab's real table, plus a dead backend (12 SYNs never answered) and 6 established idle 1.5 days. */
function tableWithStale(): Buffer {
  return Buffer.from(
    [
      labText().trimEnd(),
      ...lines(
        12,
        "tcp      6 100 SYN_SENT src=10.1.0.@ dst=10.0.0.9 sport=400@ dport=8080 [UNREPLIED] src=10.0.0.9 dst=10.1.0.@ sport=8080 dport=400@ mark=0 use=1",
      ),
      ...lines(
        6,
        "tcp      6 300000 ESTABLISHED src=10.1.2.@ dst=10.0.0.7 sport=500@ dport=22 src=10.0.0.7 dst=10.1.2.@ sport=22 dport=500@ [ASSURED] mark=0 use=1",
      ),
      "",
    ].join("\n"),
  );
}

async function pickTable(page: import("@playwright/test").Page, buffer = tableWithStale()) {
  await page.locator("input[name=table-file]").setInputFiles({
    name: "conntrack.txt",
    mimeType: "text/plain",
    buffer,
  });
  await expect(page.getByTestId("table-entries")).toHaveAttribute("data-value", "109");
}

test("a dead backend gets the exact conntrack -D, with Copy", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./#table");
  await pickTable(page);
  await expect(page.locator('[data-code="stale-destination"]')).toContainText("10.0.0.9 port 8080");
  const block = page.getByTestId("stale-delete");
  await expect(block).toContainText(
    "conntrack -D -p tcp --orig-dst 10.0.0.9 --dport 8080 -w 0 --state SYN_SENT",
  );
  // The lab's 4 unanswered SYNs to port 9999 stay below the minimum: no command for them.
  await expect(block).not.toContainText("9999");
  await page
    .locator("section.block", { has: block })
    .getByRole("button", { name: "Copy", exact: true })
    .click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.textContent());
});

test("a shorter timeout goes into its field and every config block, and survives a reload", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("./#table");
  await pickTable(page);
  const established = page.getByTestId("table-whatif-tcp_timeout_established");
  const oneHour = established.locator('tr[data-seconds="3600"]');
  // The 6 entries idle 1.5 days are gone at 1 h; 103 left need 124 with the 20 % headroom.
  await expect(oneHour).toHaveAttribute("data-gone", "6");
  await expect(oneHour).toHaveAttribute("data-max", "124");
  await oneHour.getByRole("button", { name: "Set nf_conntrack_tcp_timeout_established to 3,600 s" }).click();
  await expect(oneHour.getByRole("button")).toHaveAttribute("aria-pressed", "true");
  await openDetails(page);
  await expect(page.locator("input[name=to_tcp_timeout_established]")).toHaveValue("3600");
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "net.netfilter.nf_conntrack_tcp_timeout_established = 3600",
  );
  await expect.poll(() => new URL(page.url()).searchParams.get("to_tcp_timeout_established")).toBe("3600");
  await page.reload();
  await openDetails(page);
  await expect(page.locator("input[name=to_tcp_timeout_established]")).toHaveValue("3600");
  // The table itself is not kept: it never went to the URL or storage.
  await expect(page.getByTestId("table-result")).toHaveCount(0);
  expect(page.url()).not.toContain("10.0.0.9");
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});

test("Use as nf_conntrack_max: counted entries plus headroom, and the NAT'd entries' extension", async ({
  page,
}) => {
  await page.goto("./#table");
  await pickTable(page);
  await expect(page.getByTestId("table-use-max-plan")).toHaveAttribute("data-value", "131");
  await page.getByTestId("table-use-max").click();
  await expect(page.getByTestId("table-use-max-done")).toContainText("nf_conntrack_max is now 131");
  await expect(page.getByTestId("table-use-max-done")).toContainText("bytes per entry 256 → 384 B");
  // 131 entries × 384 B + 512 buckets × 8 B.
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "131");
  await expect(page.getByTestId("result-memory")).toHaveAttribute("data-value", String(131 * 384 + 512 * 8));
  await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = 131");
  // The address bar is written a moment later (throttled): wait for it.
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return [url.searchParams.get("max"), url.searchParams.get("role")];
    })
    .toEqual(["131", "nat"]);
  await page.reload();
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "131");
  await expect(page.locator("select[name=role]")).toHaveValue("nat");
});

test("Copy summary gives Markdown tables, with the addresses masked on request, in Chinese too", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./?lang=zh-CN#table");
  await pickTable(page);
  await page.getByRole("checkbox", { name: "隐藏地址" }).check();
  await page.getByTestId("table-copy-summary").click();
  await expect(page.locator(".summary-controls")).toContainText("✓");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("### conntrack 表");
  expect(copied).toContain("| 条目 | 109 |");
  expect(copied).toContain("| udp/53 | 30 | 27.5% |");
  expect(copied).toContain("10.0.x.x#");
  expect(copied).not.toMatch(/10\.0\.0\.9|127\.0\.0\.53/);
  const results = await new AxeBuilder({ page })
    .include("#table")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("a gzip bomb stops early with a clear message, and the page keeps what it had", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("./?ram=64GiB#table");
  await pickTable(page, tableWithStale());
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  // 200 MB of one entry line is about 780 KB of gzip (257 times): past 16 MiB of text, more than
  // 100 times the compressed bytes consumed, so reading stops there.
  const line = `${labText().split("\n")[0] ?? ""}\n`;
  const bomb = gzipSync(Buffer.from(line.repeat(Math.ceil(200_000_000 / line.length))), { level: 9 });
  expect(bomb.length).toBeLessThan(1_000_000);
  await page.locator("input[name=table-file]").setInputFiles({
    name: "bomb.txt.gz",
    mimeType: "application/gzip",
    buffer: bomb,
  });
  await expect(page.getByTestId("table-status")).toContainText("expands more than 100 times");
  // Bounded: reading stops a little past 16 MiB of text (115,700 lines of 145 bytes), not at 200 MB.
  const entries = Number(await page.getByTestId("table-entries").getAttribute("data-value"));
  expect(entries).toBeGreaterThan(100_000);
  expect(entries).toBeLessThan(130_000);
  await expect(page.locator("input[name=ram]")).toHaveValue("64GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  expect(page.url()).toContain("ram=64GiB");
});
