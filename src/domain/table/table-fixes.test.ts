import { describe, expect, it } from "vitest";
import { defaultTimeouts } from "../kernel/timeouts";
import { v } from "../kernel/kernel-version";
import { TABLE } from "../../i18n/parts/table";
import { createAddressMask } from "./address-mask";
import { staleDestinations, tableFindings, type Finding } from "./findings";
import { renderStaleDelete } from "./stale-delete";
import { computeTableMax, neededMax } from "./table-max";
import { createTableReader } from "./table-reader";
import { renderTableSummary } from "./table-summary";
import { computeTimeoutWhatIf } from "./timeout-what-if";

const LAB = import.meta.glob<string>("../../../fixtures/table/lab-6.18.44/conntrack-L.txt", {
  query: "?raw",
  import: "default",
  eager: true,
});
const LAB_TEXT = Object.values(LAB)[0] ?? "";
const TIMEOUTS = defaultTimeouts(v(6, 12));

function read(text: string) {
  const reader = createTableReader(TIMEOUTS);
  reader.push(text);
  return reader.finish();
}

/** `count` lines from a template, `@` the line's number (1-based), so every tuple differs. */
const lines = (count: number, template: string) =>
  Array.from({ length: count }, (_, i) => template.replaceAll("@", String(i + 1)));

/** A dead TCP backend, a dead UDP one in zone 5, a dead IPv6 one, and one-way StatsD. */
const STALE_TABLE = [
  ...lines(
    12,
    "tcp 6 100 SYN_SENT src=10.1.0.@ dst=10.0.0.9 sport=400@ dport=8080 [UNREPLIED] src=10.0.0.9 dst=10.1.0.@ sport=8080 dport=400@ mark=0 use=1",
  ),
  ...lines(
    10,
    "udp 17 20 src=10.1.0.@ dst=10.0.0.8 sport=500@ dport=53 [UNREPLIED] src=10.0.0.8 dst=10.1.0.@ sport=53 dport=500@ mark=0 zone=5 use=1",
  ),
  ...lines(
    11,
    "ipv6 10 tcp 6 90 SYN_SENT src=fd00:0000:0000:0000:0000:0000:0000:0001 dst=fd00:0000:0000:0000:0000:0000:0000:0009 sport=600@ dport=443 [UNREPLIED] src=fd00:0000:0000:0000:0000:0000:0000:0009 dst=fd00:0000:0000:0000:0000:0000:0000:0001 sport=443 dport=600@ mark=0 zone=0 use=2",
  ),
  ...lines(
    15,
    "udp 17 25 src=10.1.0.@ dst=10.0.0.7 sport=700@ dport=8125 [UNREPLIED] src=10.0.0.7 dst=10.1.0.@ sport=8125 dport=700@ mark=0 use=1",
  ),
  // A destination with one answered entry among unreplied ones is alive.
  ...lines(
    11,
    "tcp 6 100 SYN_SENT src=10.1.0.@ dst=10.0.0.6 sport=800@ dport=80 [UNREPLIED] src=10.0.0.6 dst=10.1.0.@ sport=80 dport=800@ mark=0 use=1",
  ),
  "tcp 6 431000 ESTABLISHED src=10.1.0.1 dst=10.0.0.6 sport=9000 dport=80 src=10.0.0.6 dst=10.1.0.1 sport=80 dport=9000 [ASSURED] mark=0 use=1",
].join("\n");

describe("stale destinations and their conntrack -D", () => {
  it("names destinations whose every entry is unreplied, with zone and family, but not one-way StatsD", () => {
    const stale = staleDestinations(read(STALE_TABLE).stats);
    expect(stale).toEqual([
      { protocol: "tcp", protocolNumber: 6, address: "10.0.0.9", port: 8080, zone: 0, count: 12 },
      { protocol: "tcp", protocolNumber: 6, address: "fd00::9", port: 443, zone: 0, count: 11 },
      { protocol: "udp", protocolNumber: 17, address: "10.0.0.8", port: 53, zone: 5, count: 10 },
    ]);
  });

  it("writes the exact filters (checked against conntrack-tools 1.4.7 in a private namespace)", () => {
    const { stats } = read(STALE_TABLE);
    expect(renderStaleDelete(staleDestinations(stats), Object.keys(stats.zones).length > 0)).toBe(
      [
        "# Delete the entries of destinations that never answered (conntrack-tools, as root).",
        "# Remove the dead backend from its service first, or new entries take their place.",
        "# 12 entries to tcp 10.0.0.9 port 8080, none answered: delete those still waiting (SYN_SENT).",
        "conntrack -D -p tcp --orig-dst 10.0.0.9 --dport 8080 -w 0 --state SYN_SENT",
        "# 11 entries to tcp fd00::9 port 443, none answered: delete those still waiting (SYN_SENT).",
        "conntrack -D -f ipv6 -p tcp --orig-dst fd00::9 --dport 443 -w 0 --state SYN_SENT",
        "# 10 entries to udp 10.0.0.8 port 53 zone 5, none answered. conntrack -D does not filter by -u UNREPLIED: this deletes every udp entry to it.",
        "conntrack -D -p udp --orig-dst 10.0.0.8 --dport 53 -w 5",
        "",
      ].join("\n"),
    );
  });

  it("leaves out zones when the table has none, and writes the number of an unnamed protocol", () => {
    expect(
      renderStaleDelete(
        [
          { protocol: "unknown", protocolNumber: 2, address: "224.0.0.1", port: null, zone: 0, count: 40 },
          { protocol: "icmp", protocolNumber: 1, address: "192.0.2.1", port: null, zone: 0, count: 10 },
        ],
        false,
      )?.split("\n"),
    ).toEqual([
      expect.stringMatching(/^# Delete/),
      expect.stringMatching(/^# Remove/),
      expect.stringMatching(/^# 40 entries to unknown 224\.0\.0\.1, none answered\./),
      "conntrack -D -p 2 --orig-dst 224.0.0.1",
      expect.stringMatching(/^# 10 entries to icmp 192\.0\.2\.1, none/),
      "conntrack -D -p icmp --orig-dst 192.0.2.1",
      "",
    ]);
  });

  it.each([
    ["an address that is not one", { address: "10.0.0.9; reboot" }],
    ["an address not in canonical form", { address: "fd00:0:0:0:0:0:0:9" }],
    ["a protocol that is not a name conntrack knows", { protocol: "tcp --flush" }],
    ["a port out of range", { port: 70000 }],
    ["a zone out of range", { zone: -1 }],
    ["a port on a protocol without ports", { protocol: "icmp", port: 8 }],
  ])("writes nothing built from %s", (_, bad) => {
    const base = { protocol: "tcp", protocolNumber: 6, address: "10.0.0.9", port: 8080, zone: 0, count: 12 };
    expect(renderStaleDelete([{ ...base, ...bad }], false)).toBeNull();
  });

  it("finds no stale destination in the lab's table (its 4 unanswered SYNs are below the minimum)", () => {
    expect(staleDestinations(read(LAB_TEXT).stats)).toEqual([]);
  });
});

describe("timeout what-if", () => {
  /** Established entries idle 0 s, 2 h, 4 h and 2 days (5 days minus what is left), and TIME_WAIT. */
  const IDLE_TABLE = [
    ...[432000, 432000 - 7200, 432000 - 14400, 432000 - 172800].map(
      (left, i) =>
        `tcp 6 ${left} ESTABLISHED src=10.1.0.${i} dst=10.0.0.7 sport=${1000 + i} dport=22 src=10.0.0.7 dst=10.1.0.${i} sport=22 dport=${1000 + i} [ASSURED] mark=0 use=1`,
    ),
    ...lines(
      6,
      "tcp 6 50 TIME_WAIT src=10.1.1.@ dst=10.0.0.7 sport=2@ dport=22 src=10.0.0.7 dst=10.1.1.@ sport=22 dport=2@ [ASSURED] mark=0 use=1",
    ),
  ].join("\n");

  it.each([
    // [timeout, seconds, entries gone, max needed with 20 % headroom for the 10 − gone left]
    ["tcp_timeout_established", 86400, 1, 11],
    ["tcp_timeout_established", 10800, 2, 10],
    ["tcp_timeout_established", 3600, 3, 9],
    ["tcp_timeout_established", 600, 3, 9],
    ["tcp_timeout_time_wait", 60, 6, 5],
    ["tcp_timeout_time_wait", 30, 6, 5],
  ] as const)("%s at %i s: %i gone, max %i", (key, seconds, gone, max) => {
    const { stats } = read(IDLE_TABLE);
    const whatIf = computeTimeoutWhatIf(stats.idle, stats.entries, 20, TIMEOUTS);
    const candidate = whatIf.find((w) => w.key === key)?.candidates.find((c) => c.seconds === seconds);
    expect(candidate).toEqual({ seconds, gone, neededMax: max, kernelDefault: false });
  });

  it("offers only values shorter than the one in force, and the kernel's default when it was raised", () => {
    const raised = { ...TIMEOUTS, tcp_timeout_close_wait: 3600 };
    const reader = createTableReader(raised);
    reader.push(
      "tcp 6 100 CLOSE_WAIT src=10.1.0.1 dst=10.0.0.7 sport=1 dport=22 src=10.0.0.7 dst=10.1.0.1 sport=22 dport=1 [ASSURED] mark=0 use=1",
    );
    const { stats } = reader.finish();
    const [closeWait] = computeTimeoutWhatIf(stats.idle, stats.entries, 0, TIMEOUTS);
    expect(closeWait?.key).toBe("tcp_timeout_close_wait");
    expect(closeWait?.assumedSeconds).toBe(3600);
    expect(closeWait?.candidates.map((c) => [c.seconds, c.gone, c.kernelDefault])).toEqual([
      [600, 1, false],
      [60, 1, true],
      [30, 1, false],
    ]);
  });

  it("on the lab's table (listed right after the traffic): every timeout offered, nothing idle yet", () => {
    const { stats } = read(LAB_TEXT);
    const whatIf = computeTimeoutWhatIf(stats.idle, stats.entries, 20, TIMEOUTS);
    expect(whatIf.map((w) => [w.key, w.entries, w.candidates.map((c) => c.seconds)])).toEqual([
      ["tcp_timeout_established", 10, [86400, 10800, 3600, 600]],
      ["tcp_timeout_time_wait", 10, [60, 30]],
      ["tcp_timeout_syn_sent", 4, [60, 30]],
      ["udp_timeout", 62, [10]],
      ["icmp_timeout", 3, [10]],
    ]);
    expect(whatIf.flatMap((w) => w.candidates.map((c) => c.gone))).toEqual(new Array(10).fill(0));
  });
});

describe("use as nf_conntrack_max", () => {
  it.each([
    [91, 20, 110],
    [91, 0, 91],
    [0, 20, 1],
    [3_000_000_000, 0, 2147483647],
  ])("%i entries, headroom %i percent: max %i", (entries, headroom, max) => {
    expect(neededMax(entries, headroom)).toBe(max);
  });

  it("switches a plain 6.12 host with NAT'd entries to the nat role: 256 → 384 bytes per entry", () => {
    const { stats } = read(LAB_TEXT);
    expect(
      computeTableMax({
        entries: stats.entries,
        nat: stats.nat,
        headroomPercent: 20,
        kernel: v(6, 12),
        arch: 64,
        role: "host",
        structSet: false,
      }),
    ).toEqual({
      entries: 91,
      headroomPercent: 20,
      max: 110,
      fields: { max: "110", role: "nat" },
      entryBytes: { from: 256, to: 384 },
      natEntries: 8,
    });
  });

  it.each([
    ["5.10, whose entries all carry the extension", v(5, 10), "host", false, { max: "110", role: "nat" }],
    ["a role that already NATs", v(6, 12), "kubernetes", false, { max: "110" }],
    ["bytes per entry set by hand", v(6, 12), "host", true, { max: "110", role: "nat" }],
  ] as const)("changes no bytes on %s", (_, kernel, role, structSet, fields) => {
    const result = computeTableMax({
      entries: 91,
      nat: 8,
      headroomPercent: 20,
      kernel,
      arch: 64,
      role,
      structSet,
    });
    expect(result.fields).toEqual(fields);
    expect(result.entryBytes).toBeNull();
  });
});

describe("address masking", () => {
  it("keeps the network part and numbers the addresses under it", () => {
    const mask = createAddressMask();
    expect(
      [
        "10.0.3.7",
        "10.0.9.1",
        "10.0.3.7",
        "192.168.1.1",
        "2001:db8:ffff:21::2",
        "::1",
        "::ffff:10.2.3.4",
      ].map(mask),
    ).toEqual([
      "10.0.x.x#1",
      "10.0.x.x#2",
      "10.0.x.x#1",
      "192.168.x.x#1",
      "2001:db8:ffff::/48#1",
      "::/48#1",
      "::ffff:10.2.x.x#1",
    ]);
  });
});

describe("summary for a ticket", () => {
  const words = TABLE.en;
  const describe_ = (finding: Finding) => (words.findings[finding.code] as (f: Finding) => string)(finding);
  const summary = (maskAddresses: boolean) => {
    const reading = read(LAB_TEXT);
    return renderTableSummary({
      reading,
      findings: tableFindings(reading.stats, null),
      describe: describe_,
      words: { ...words.fix.summary.words, totals: words.totals },
      locale: "en",
      maskAddresses,
    });
  };

  it("gives the lab's table as Markdown tables, addresses masked", () => {
    expect(summary(true)).toMatchSnapshot();
  });

  it("masks every address, in the lists and in the findings", () => {
    const masked = summary(true);
    expect(masked).not.toMatch(/\b127\.0\.0\.\d|10\.99\.0\.1|::1\b/);
    expect(masked).toContain("| One source, 127.0.x.x#1, holds 86.8% of the table (79). |");
    expect(masked).toContain("| udp 10.99.x.x#1:9000 → 127.0.x.x#1:9001 | 5 | 5.49% |");
  });

  it("keeps the addresses when not masked", () => {
    const plain = summary(false);
    expect(plain).toContain("| 127.0.0.53 | 30 | 33% |");
    expect(plain).not.toContain("Addresses masked");
  });

  it("escapes a pipe inside a cell", () => {
    const reading = read(LAB_TEXT);
    const text = renderTableSummary({
      reading,
      findings: [{ code: "unreplied", count: 1, share: 0.5 }],
      describe: () => "a | b",
      words: { ...words.fix.summary.words, totals: words.totals },
      locale: "en",
      maskAddresses: false,
    });
    expect(text).toContain("| a \\| b |");
  });
});
