import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { OTHER_NETNS, RACE } from "../src/domain/diagnostics/pastes.fixture";

const FULL_DUMP = `MemTotal:       24683620 kB
6.18.44 x86_64
PAGESIZE: 4096
/proc/sys/net/netfilter/nf_conntrack_max:262144
/proc/sys/net/netfilter/nf_conntrack_buckets:262144
/proc/sys/net/netfilter/nf_conntrack_count:230000
/proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established:432000
nf_conntrack        1530   1632    256   16    1 : tunables    0    0    0 : slabdata    102    102      0
cpu=0   \tfound=0 invalid=130 insert=0 insert_failed=5 drop=17 early_drop=3 error=0 search_restart=1 clash_resolve=0 chaintoolong=0
cpu=1   \tfound=0 invalid=12 insert=0 insert_failed=2 drop=4 early_drop=1 error=0 search_restart=0 clash_resolve=0 chaintoolong=0
table_full_messages: 3`;

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("pasting a full dump fills the inputs and diagnoses the table", async ({ page }) => {
  await page.goto("./?ram=16GiB&struct=352&kernel=5.4");
  await page.locator("textarea[name=paste]").fill(FULL_DUMP);
  await expect(page.locator("input[name=ram]")).toHaveValue("24683620 KiB");
  await expect(page.locator("select[name=arch]")).toHaveValue("64");
  await expect(page.locator("input[name=kernel]")).toHaveValue("6.18.44");
  await expect(page.locator("select[name=page]")).toHaveValue("4");
  // The slab shows the 256 B the model has for 6.x: bytes per entry are left to the kernel.
  await expect(page.locator("input[name=struct]")).toHaveValue("");
  await expect(page.getByTestId("paste-entry-bytes")).toHaveAttribute("data-value", "256");
  await expect(page.getByTestId("current-count")).toHaveAttribute("data-value", "230000");
  await expect(page.getByTestId("current-max")).toHaveAttribute("data-value", "262144");
  const diagnosis = page.getByTestId("diagnosis");
  await expect(diagnosis).toContainText("87.7% full: above 80 %");
  // 4 early drops: the table was full; 21 drops, 7 of them the insert race's (insert_failed).
  await expect(diagnosis.locator("li").first()).toContainText("A full table: 4 early drops");
  await expect(diagnosis).toContainText("14 packets dropped beyond those of the insert race");
  await expect(diagnosis).toContainText("3 table-full messages in the kernel log");
  await expect(diagnosis).toContainText("insert_failed: 7 inserts lost");
  await expect(diagnosis).toContainText("Average hash chain now: 1.75");
  await expect(diagnosis).toContainText("nf_conntrack_max 262,144 is this kernel's own default");
  // The recommendation for the pasted machine: MemTotal 24683620 kB / 32768 B.
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "771363");
  await expect(page.getByTestId("kernel-default-buckets")).toHaveAttribute("data-value", "262144");
  // The paste stays in the box and never reaches the URL.
  await expect(page.locator("textarea[name=paste]")).toHaveValue(FULL_DUMP);
  await expect(page).toHaveURL(/ram=24683620\+KiB/);
  expect(page.url()).not.toContain("nf_conntrack_count");
  expect(page.url()).not.toContain("paste");
  // The host's tuned timeout (432000 is the default, so nothing) and the filled fields are named.
  await expect(page.locator("input[name=to_tcp_timeout_established]")).toHaveValue("");
  await page.getByText(/Show what was read, line by line: 11 recognised, 0 ignored/).click();
  await expect(page.getByRole("row").filter({ hasText: "slabdata" })).toContainText("slab line");
});

test("a pasted, tuned timeout is kept in the generated config", async ({ page }) => {
  await page.goto("./");
  await page
    .locator("textarea[name=paste]")
    .fill("6.8.0-45-generic x86_64\nnet.netfilter.nf_conntrack_tcp_timeout_established = 86400\n");
  await expect(page.locator("input[name=to_tcp_timeout_established]")).toHaveValue("86400");
  await expect(page.getByText(/Filled in from the paste: .*tcp_timeout_established/)).toBeVisible();
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "net.netfilter.nf_conntrack_tcp_timeout_established = 86400",
  );
});

test("pasting garbage explains itself and the calculator keeps working", async ({ page }) => {
  await page.goto("./?ram=64GiB");
  await page
    .locator("textarea[name=paste]")
    .fill('<img src=x onerror="window.__pwned=1">\n\u0000\u0001 binary junk\nhello');
  await expect(page.getByText("Nothing in this text was recognised")).toBeVisible();
  await expect(page.locator("input[name=ram]")).toHaveValue("64GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  await page.locator("input[name=ram]").fill("8G");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img")).toHaveCount(0);
});

test("a huge paste does not freeze the page", async ({ page }) => {
  await page.goto("./");
  // 2 MiB: 40,000 lines of junk with markup, past the parser's 1 MiB / 20,000-line bound. (Text
  // locators would scan the box's megabytes, so the test looks for elements by test id.)
  const huge = `<b>nf_conntrack ${"junk ".repeat(9)}</b>\n`.repeat(40_000);
  await page.locator("textarea[name=paste]").evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    // React listens through the prototype's setter, not the element's own value.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(area, value);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, huge);
  // Measured alone: shown 1.7 s after the paste, nearly all of it the browser laying out 2 MiB of
  // textarea; the parse itself takes tens of ms. A loaded test run needs more.
  await expect(page.getByTestId("paste-truncated")).toHaveText(
    "Only the first 1 MiB or 20,000 lines were read.",
    {
      timeout: 20_000,
    },
  );
  await page.locator("input[name=ram]").fill("8G");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
});

test("the collector command is shown read-only with a copy button", async ({ page }) => {
  await page.goto("./");
  const command = page.getByTestId("collector-command");
  await expect(command).toContainText("grep MemTotal /proc/meminfo; uname -rm;");
  await page.getByRole("button", { name: "Copy command" }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await command.textContent());
});

test("a host with the insert race is told the race, not a full table, and the fixes for it", async ({
  page,
}) => {
  await page.goto("./");
  await page.locator("textarea[name=paste]").fill(RACE);
  const first = page.getByTestId("diagnosis").locator("li.cause").first();
  await expect(first).toHaveAttribute("data-cause", "cause-insert-race");
  await expect(first).toContainText(
    "Insert race, not a full table: insert_failed 1,234 = drop, clash_resolve 56,789, table 1.6% full, no early drops, no table-full lines.",
  );
  await expect(first).toContainText("single-request");
  await expect(first).toContainText("NodeLocal DNSCache");
  await expect(first).toContainText("This kernel resolves most such clashes itself");
  await expect(first).toContainText("Raising nf_conntrack_max changes nothing here.");
  const diagnosis = page.getByTestId("diagnosis");
  await expect(diagnosis).not.toContainText("A full table");
  await expect(diagnosis.locator("[data-cause=cause-table-full]")).toHaveCount(0);
  // INVALID packets come after it, with what they mean and the be_liberal trade-off.
  await expect(diagnosis.locator("[data-cause=cause-invalid]")).toContainText(
    "nf_conntrack_tcp_be_liberal = 1",
  );
});

test("a 5.15 paste keeps the model's memory estimate and shows the slab line as evidence", async ({
  page,
}) => {
  await page.goto("./?kernel=5.15&struct=352");
  await page.locator("textarea[name=paste]").fill(RACE);
  await expect(page.locator("input[name=kernel]")).toHaveValue("5.15.0-91-generic");
  await expect(page.getByTestId("paste-entry-bytes")).toHaveText(
    /^slabinfo: 320-byte objects, 12 per 4 KiB slab = 342 B; \+ 128 B extension area on 5\.15 = 470 B per entry/,
  );
  await expect(page.locator("input[name=struct]")).toHaveValue("");
  // The link's 352 gives way to the kernel's own 470 B per entry (not the slab's 342): a full table
  // costs max x 470 + buckets x 8, as the model says for 5.15.
  await expect(page.getByTestId("result-memory")).toHaveAttribute("data-value", /^\d+$/);
  const pasted = Number(await page.getByTestId("result-memory").getAttribute("data-value"));
  const max = Number(await page.getByTestId("result-max").getAttribute("data-value"));
  const buckets = Number(await page.getByTestId("result-buckets").getAttribute("data-value"));
  expect(pasted).toBe(max * 470 + buckets * 8);
  // A NAT role on a 6.x kernel adds the extension the same way: the field stays derived.
  await page.goto("./?kernel=6.12&role=nat");
  await page
    .locator("textarea[name=paste]")
    .fill("6.12.0 x86_64\nnf_conntrack 1 1 256 16 1 : tunables 0 0 0 : slabdata 1 1 0\n");
  await expect(page.getByTestId("paste-entry-bytes")).toContainText("+ 128 B extension area for NAT");
  await expect(page.getByTestId("paste-entry-bytes")).toHaveAttribute("data-value", "384");
});

test("table-full lines of another namespace are told apart, in Chinese too", async ({ page }) => {
  await page.goto("./?lang=zh-CN");
  await page.locator("textarea[name=paste]").fill(OTHER_NETNS);
  const first = page.getByTestId("diagnosis").locator("li.cause").first();
  await expect(first).toHaveAttribute("data-cause", "cause-other-namespace");
  await expect(first).toContainText("满的是另一个网络命名空间，不是这个");
  await expect(first).toContainText("日志中最多的是 netns 4026532481（2 条消息）。");
  await expect(first).toContainText("lsns -t net | grep 4026532481");
  await expect(page.getByTestId("table-full-messages")).toHaveAttribute("data-value", "2");
  await expect(page.getByTestId("table-full-messages")).toHaveText("2（其中 2 条指明另一个命名空间）");
});

test("the table-full count adds both wordings and names the fullest namespace", async ({ page }) => {
  await page.goto("./");
  await page
    .locator("textarea[name=paste]")
    .fill(
      "table_full_messages: 1\ntable_full_netns_messages: 4\ntable_full_in_netns 4026532305: 3\ntable_full_in_netns 4026532411: 1\n",
    );
  await expect(page.getByTestId("table-full-messages")).toHaveAttribute("data-value", "5");
  await expect(page.getByTestId("table-full-messages")).toHaveText("5 (4 name another namespace)");
  const cause = page.locator("li[data-cause=cause-other-namespace]");
  await expect(cause).toContainText(
    "The log names netns 4026532305 most (3 messages), and 1 other namespace.",
  );
  await expect(cause).toContainText("lsns -t net | grep 4026532305");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the causes and their fixes have no WCAG 2.1 A/AA violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("./");
    await page.locator("textarea[name=paste]").fill(`${RACE}table_full_netns_messages: 2\n`);
    await expect(page.locator("[data-cause=cause-other-namespace]")).toBeVisible();
    await expect(page.locator("[data-cause=cause-insert-race]")).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
}
