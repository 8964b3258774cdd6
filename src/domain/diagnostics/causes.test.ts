import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import { parseDiagnostics } from "./parse-diagnostics";
import { codes, OTHER_NETNS, RACE } from "./pastes.fixture";

/** conntrack -S rows (two CPUs, the counters split between them) and the lines given. */
const dump = (counters: Record<string, number>, ...lines: string[]): string => {
  const half = (n: number, cpu: number) => (cpu === 0 ? Math.ceil(n / 2) : Math.floor(n / 2));
  const row = (cpu: number) =>
    `cpu=${cpu} ` +
    Object.entries({ insert_failed: 0, drop: 0, early_drop: 0, ...counters })
      .map(([key, value]) => `${key}=${half(value, cpu)}`)
      .join(" ");
  return [row(0), row(1), ...lines].join("\n");
};
const sysctls = (count: number, max: number) =>
  `net.netfilter.nf_conntrack_count = ${count}\nnet.netfilter.nf_conntrack_max = ${max}`;

describe("diagnose: the cause first", () => {
  it("names the insert race of a 1.6 %-full node, not a full table, and nothing a bigger table would fix", () => {
    const findings = diagnose(parseDiagnostics(RACE));
    expect(findings[0]).toEqual({
      code: "cause-insert-race",
      severity: "warning",
      insertFailed: 1234,
      drop: 1234,
      clashResolve: 56789,
      share: 4194 / 262144,
      earlyDrop: 0,
      messages: 0,
      tableFull: false,
      resolution: "resolves",
    });
    expect(codes(parseDiagnostics(RACE))).not.toContain("cause-table-full");
    expect(codes(parseDiagnostics(RACE))).not.toContain("fill-high");
    expect(codes(parseDiagnostics(RACE))).not.toContain("no-table-full");
  });

  it.each([
    ["early drops (the kernel evicts only at the limit)", dump({ early_drop: 4 }, sysctls(10, 1000))],
    ["drops beyond the race with table-full messages", dump({ drop: 9 }, "table_full_messages: 2")],
    ["a count above 80 % with table-full messages", `${sysctls(950, 1000)}\ntable_full_messages: 1`],
  ])("calls a table full on %s", (_name, text) => {
    expect(diagnose(parseDiagnostics(text))[0]).toMatchObject({ code: "cause-table-full" });
  });

  it("does not call a nearly full table without a drop full, nor a full table a race", () => {
    expect(codes(parseDiagnostics(sysctls(950, 1000)))).toEqual(["fill-high"]);
    const both = diagnose(parseDiagnostics(dump({ insert_failed: 3, drop: 10, early_drop: 2 })));
    expect(both.map((f) => f.code).slice(0, 2)).toEqual(["cause-table-full", "cause-insert-race"]);
    expect(both[0]).toMatchObject({ tableFullDrops: 7 });
    expect(both[1]).toMatchObject({ tableFull: true });
  });

  it("says another namespace was full when this one counts no such drop (6.17 wording too)", () => {
    const d = parseDiagnostics(OTHER_NETNS);
    expect(d.tableFullNetnsMessages).toBe(2);
    expect(d.tableFullMessages).toBeUndefined();
    expect(diagnose(d)[0]).toEqual({
      code: "cause-other-namespace",
      severity: "warning",
      messages: null,
      netnsMessages: 2,
      namespaces: [{ inum: 4026532481, messages: 2 }],
      share: 1530 / 262144,
      countersRead: true,
    });
    const plain = parseDiagnostics(dump({}, sysctls(100, 262144), "table_full_messages: 5"));
    expect(diagnose(plain)[0]).toMatchObject({ code: "cause-other-namespace", messages: 5 });
    const unclear = parseDiagnostics(`${sysctls(100, 262144)}\ntable_full_messages: 5`);
    expect(diagnose(unclear)[0]).toMatchObject({ code: "cause-other-namespace", countersRead: false });
  });

  it("reads the collector's count of the 6.17 wording apart from the other", () => {
    const d = parseDiagnostics("table_full_messages: 0\ntable_full_netns_messages: 3\n");
    expect(d).toMatchObject({ tableFullMessages: 0, tableFullNetnsMessages: 3 });
  });

  it("names chains too long, and does not count those refusals as the race", () => {
    const findings = diagnose(parseDiagnostics(dump({ insert_failed: 40, chaintoolong: 40 })));
    expect(findings[0]).toEqual({
      code: "cause-chain-too-long",
      severity: "warning",
      chainTooLong: 40,
      average: null,
    });
    expect(findings.map((f) => f.code)).not.toContain("cause-insert-race");
  });

  it.each([
    [999, "info"],
    [1000, "warning"],
  ])("reads invalid packets from conntrack -S (%i: %s)", (invalid, severity) => {
    expect(diagnose(parseDiagnostics(dump({ invalid })))[0]).toEqual({
      code: "cause-invalid",
      severity,
      invalid,
    });
  });

  it("reads invalid, clash_resolve and search_restart from /proc/net/stat/nf_conntrack's hex rows", () => {
    const header =
      "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart";
    const row = (invalid: string, clash: string) =>
      `000005fa  ${clash} 00000000 00000000 ${invalid} 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000  00000000 00000000 00000000 00000002`;
    const d = parseDiagnostics(`${header}\n${row("000003e8", "0000000a")}\n${row("00000018", "00000001")}\n`);
    expect(d.stats).toMatchObject({ invalid: 0x3e8 + 0x18, clashResolve: 11, searchRestart: 4 });
  });

  it("says how each era handles the race", () => {
    const race = (release: string) =>
      diagnose(parseDiagnostics(`${release} x86_64\ncpu=0 insert_failed=2 drop=0 early_drop=0`))[0];
    expect(race("2.6.32")).toMatchObject({ code: "cause-insert-race", resolution: "none" });
    expect(race("4.19.0")).toMatchObject({ resolution: "unknown" });
    expect(race("5.10.13")).toMatchObject({ resolution: "resolves" });
  });
});
