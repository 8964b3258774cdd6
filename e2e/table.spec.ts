import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "./fixtures";

const LAB = "fixtures/table/lab-6.18.44";
const lab = (file: string) => readFileSync(`${LAB}/${file}`);

/** What the lab made (fixtures/table/lab-6.18.44/provenance.json). */
async function expectLabTable(page: import("@playwright/test").Page) {
  const value = (id: string) => page.getByTestId(id);
  await expect(value("table-entries")).toHaveAttribute("data-value", "91");
  await expect(value("table-skipped")).toHaveAttribute("data-value", "0");
  await expect(value("table-ipv6")).toHaveAttribute("data-value", "7");
  await expect(value("table-unreplied")).toHaveAttribute("data-value", "31");
  await expect(value("table-assured")).toHaveAttribute("data-value", "20");
  await expect(value("table-nat")).toHaveAttribute("data-value", "8");
  await expect(value("table-proto-tcp")).toHaveAttribute("data-value", "24");
  await expect(value("table-proto-udp")).toHaveAttribute("data-value", "62");
  await expect(value("table-proto-icmpv6")).toHaveAttribute("data-value", "2");
  await expect(value("table-state-TIME_WAIT")).toHaveAttribute("data-value", "10");
  await expect(value("table-state-SYN_SENT")).toHaveAttribute("data-value", "4");
  const first = page.getByTestId("table-top-services").locator("li").first();
  await expect(first).toHaveAttribute("data-protocol", "udp");
  await expect(first).toHaveAttribute("data-port", "53");
  await expect(first).toHaveAttribute("data-value", "30");
}

test("reads a conntrack -L file in a worker, and keeps it out of the URL and storage", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("./#table");
  const url = page.url();
  await page.locator("input[name=table-file]").setInputFiles({
    name: "conntrack.txt",
    mimeType: "text/plain",
    buffer: lab("conntrack-L.txt"),
  });
  await expectLabTable(page);
  await expect(page.getByTestId("table-idle")).toBeVisible();
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("table-result")).toHaveCount(0);
});

for (const file of ["proc-net-nf_conntrack.txt", "conntrack-L-xml.xml", "conntrack-L-extended.txt"]) {
  test(`reads ${file} gzip-compressed`, async ({ page }) => {
    await page.goto("./#table");
    await page.locator("input[name=table-file]").setInputFiles({
      name: `${file}.gz`,
      mimeType: "application/gzip",
      buffer: gzipSync(lab(file)),
    });
    await expectLabTable(page);
  });
}

test("reads entry lines pasted into the paste box, in Chinese too", async ({ page }) => {
  await page.goto("./?lang=zh-CN");
  await page.locator('a[href="#paste-heading"]').click();
  await page.locator("textarea[name=paste]").fill(lab("conntrack-L.txt").toString("utf8"));
  await expectLabTable(page);
  await expect(page.locator("#table")).toContainText("目的服务排行");
});

test("says so, with bounded work, when the file is not a table", async ({ page }) => {
  await page.goto("./#table");
  const input = page.locator("input[name=table-file]");
  await input.setInputFiles({
    name: "image.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
  });
  await expect(page.getByTestId("table-status")).toContainText("not text");
  await input.setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("hello\n".repeat(5000)),
  });
  await expect(page.getByTestId("table-status")).toContainText("first 1,000 lines");
  await expect(page.getByTestId("table-skipped")).toHaveAttribute("data-value", "1000");
  // 40 MB of one entry line compresses to about 100 KB: more than 100 times, so not a listing.
  const line = lab("conntrack-L.txt").toString("utf8").split("\n")[0] ?? "";
  const bomb = gzipSync(Buffer.from(`${line}\n`.repeat(Math.ceil(40_000_000 / (line.length + 1)))));
  await input.setInputFiles({ name: "bomb.txt.gz", mimeType: "application/gzip", buffer: bomb });
  await expect(page.getByTestId("table-status")).toContainText("expands more than 100 times");
  // The calculator's answer is untouched.
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
});

/** The lab's /proc dump as text (91 entries: 31 unreplied, 8 NAT'd, 30 to udp/53). */
const labProc = () => lab("proc-net-nf_conntrack.txt").toString("utf8");

/** Writes a large table file for a test and gives its path. */
function writeBig(text: string): string {
  const big = join(mkdtempSync(join(tmpdir(), "table-e2e-")), "big.txt");
  writeFileSync(big, text);
  return big;
}

/** The page shows the lab's counts times `copies`, read to the end with no line skipped. */
async function expectLabTimes(page: import("@playwright/test").Page, copies: number) {
  const value = (id: string) => page.getByTestId(id);
  await expect(value("table-entries")).toHaveAttribute("data-value", String(91 * copies), {
    timeout: 30_000,
  });
  await expect(value("table-skipped")).toHaveAttribute("data-value", "0");
  await expect(value("table-unreplied")).toHaveAttribute("data-value", String(31 * copies));
  await expect(value("table-nat")).toHaveAttribute("data-value", String(8 * copies));
  const first = page.getByTestId("table-top-services").locator("li").first();
  await expect(first).toHaveAttribute("data-port", "53");
  await expect(first).toHaveAttribute("data-value", String(30 * copies));
}

test("shows progress at once and can be cancelled", async ({ page }) => {
  await page.goto("./#table");
  const lines = labProc();
  const big = writeBig(lines.repeat(Math.ceil(60_000_000 / lines.length)));
  await page.locator("input[name=table-file]").setInputFiles(big);
  await expect(page.getByRole("progressbar")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("table-status")).toContainText("cancelled");
});

test("reads a large plain file in two halves, in two workers, to the same counts", async ({ page }) => {
  // Over the 8 MiB from which table-session.ts splits a plain file; a whole number of copies of
  // the lab's 91 entries, so every count is the lab's times the copies.
  const copies = 600;
  const big = writeBig(labProc().repeat(copies));
  await page.goto("./#table");
  await page.locator("input[name=table-file]").setInputFiles(big);
  await expectLabTimes(page, copies);
});

test("reads a large plain file whose halves cannot be merged (a line not understood) in one worker, with the line's number", async ({
  page,
}) => {
  const copies = 600;
  const half = labProc().repeat(copies / 2);
  const big = writeBig(`${half}not a table line\n${half}`);
  await page.goto("./#table");
  await page.locator("input[name=table-file]").setInputFiles(big);
  const value = (id: string) => page.getByTestId(id);
  await expect(value("table-entries")).toHaveAttribute("data-value", String(91 * copies), {
    timeout: 30_000,
  });
  await expect(value("table-skipped")).toHaveAttribute("data-value", "1");
  await expect(page.getByTestId("table-skipped-lines")).toContainText(
    `line ${(91 * (copies / 2) + 1).toLocaleString("en-US")}: not a table line`,
  );
  await expect(value("table-unreplied")).toHaveAttribute("data-value", String(31 * copies));
});

for (const cores of [2, 1]) {
  test(`reads a large gzip file ${cores === 2 ? "inflated in one worker and read in another" : "in one worker on one core"}, to the same counts`, async ({
    page,
  }) => {
    // 100,000 lines, 21 MiB of text: many chunks through the inflating worker's window.
    const copies = 1100;
    await page.addInitScript((n) => {
      Object.defineProperty(navigator, "hardwareConcurrency", { get: () => n });
    }, cores);
    await page.goto("./#table");
    await page.locator("input[name=table-file]").setInputFiles({
      name: "conntrack.txt.gz",
      mimeType: "application/gzip",
      buffer: gzipSync(Buffer.from(labProc().repeat(copies))),
    });
    await expectLabTimes(page, copies);
  });
}

test("ticks a service and copies NOTRACK rules scoped to its addresses", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./#table");
  await page.locator("input[name=table-file]").setInputFiles(`${LAB}/conntrack-L.txt`);
  await expectLabTable(page);
  await expect(page.getByTestId("notrack-nft")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Untrack udp/53" }).check();
  await expect(page.getByTestId("notrack-saved")).toHaveAttribute("data-value", "30");
  const nft = page.getByTestId("notrack-nft");
  await expect(nft).toContainText("type filter hook prerouting priority -300; policy accept;");
  await expect(nft).toContainText("ip daddr 127.0.0.53 udp dport 53 notrack");
  await expect(nft).toContainText("ip saddr 127.0.0.53 udp sport 53 notrack");
  await expect(nft).toContainText("ct state untracked accept");
  const iptables = page.getByTestId("notrack-iptables");
  await expect(iptables).toContainText(
    "-A PREROUTING -d 127.0.0.53 -p udp -m udp --dport 53 -j CT --notrack",
  );
  await expect(iptables).toContainText("-A OUTPUT -s 127.0.0.53 -p udp -m udp --sport 53 -j CT --notrack");
  await expect(iptables).toContainText("-m conntrack --ctstate UNTRACKED -j ACCEPT");
  await expect(page.getByText(/NAT needs tracking/)).toBeVisible();
  await page
    .locator("section.block", { has: nft })
    .getByRole("button", { name: "Copy", exact: true })
    .click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await nft.textContent());
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("checkbox", { name: "Untrack udp/53" }).uncheck();
  await expect(nft).toHaveCount(0);
});
