import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDiagnostics } from "../../diagnostics/parse-diagnostics";
import { PROMPTED } from "../../diagnostics/pastes.fixture";
import type { AlertName } from "./alert-rules";
import { alertsFiringNow, type AlertReason, type AlertsNow } from "./alerts-now";

const COUNTER_ALERTS: readonly AlertName[] = [
  "NfConntrackDrop",
  "NfConntrackEarlyDrop",
  "NfConntrackInsertFailed",
  "NfConntrackInsertRace",
];
const sysctls = (max: number, count: number) =>
  `net.netfilter.nf_conntrack_max = ${max}\nnet.netfilter.nf_conntrack_count = ${count}\n`;
const STAT_HEADER =
  "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart";
/** One /proc/net/stat/nf_conntrack row with these counters (hex, as the kernel prints them). */
const statRow = (insertFailed: number, drop: number, earlyDrop: number) =>
  ["00000010", 0, 0, 0, 0, 0, 0, 0, 0, insertFailed, drop, earlyDrop, 0, 0, 0, 0, 0]
    .map((n) => (typeof n === "number" ? n.toString(16).padStart(8, "0") : n))
    .join(" ");

describe("alertsFiringNow", () => {
  it.each([
    { max: 1000, count: 750, threshold: 75, fires: false },
    { max: 1000, count: 751, threshold: 75, fires: true },
    { max: 1000, count: 331, threshold: 33, fires: true },
    { max: 1000, count: 1000, threshold: 100, fires: false },
    { max: 262144, count: 262145, threshold: 100, fires: true },
  ])(
    "fill: $count of $max at $threshold%: fires $fires, as 100 x count > threshold x max",
    ({ max, count, threshold, fires }) => {
      const now = alertsFiringNow(parseDiagnostics(sysctls(max, count)), threshold, true);
      expect(now.firing).toEqual(
        fires
          ? [
              {
                name: "NfConntrackTableFilling",
                reason: { code: "fill-above-threshold", count, max, thresholdPercent: threshold },
              },
            ]
          : [],
      );
      // No counters in the paste: the three counter alerts cannot be told.
      expect(now.unknown).toEqual(COUNTER_ALERTS);
    },
  );

  it("gives a limit of 0 no fill where it means no limit, as the rules do, and the race its failures", () => {
    const race = `${sysctls(0, 5)}${STAT_HEADER}\n${statRow(1, 1, 0)}\n`;
    expect(alertsFiringNow(parseDiagnostics(sysctls(0, 5)), 75, true)).toEqual({
      firing: [],
      unknown: COUNTER_ALERTS,
    });
    expect(alertsFiringNow(parseDiagnostics(race), 75, true).firing.map((f) => f.name)).toEqual([
      "NfConntrackInsertRace",
    ]);
    // From 6.19 the kernel refuses 0: a 0 read there tells no fill.
    expect(alertsFiringNow(parseDiagnostics(sysctls(0, 5)), 75, false).unknown).toContain(
      "NfConntrackTableFilling",
    );
  });

  it("says each counter above 0 since boot would have fired, and the others stay quiet", () => {
    const now: AlertsNow = alertsFiringNow(parseDiagnostics(PROMPTED), 75, true);
    // PROMPTED: 1530 of 262144 entries; insert_failed 2, drop 0, early_drop 3 summed over two CPUs.
    expect(now).toEqual({
      firing: [
        {
          name: "NfConntrackEarlyDrop",
          reason: { code: "counter-since-boot", counter: "early_drop", value: 3, source: "proc" },
        },
        // 1530 of 262144 is under half full: the insert failures are the insert race.
        {
          name: "NfConntrackInsertRace",
          reason: { code: "counter-since-boot", counter: "insert_failed", value: 2, source: "proc" },
        },
      ],
      unknown: [],
    });
  });

  it.each([
    { count: 10, insertFailed: 0, drop: 7, earlyDrop: 0, names: ["NfConntrackDrop"] },
    // 10 of 1000 entries: insert failures are the race; a lost race counts in drop too, so drop
    // fires only beyond insert_failed, as the rule's rate(drop) > rate(insert_failed).
    { count: 10, insertFailed: 1, drop: 0, earlyDrop: 0, names: ["NfConntrackInsertRace"] },
    { count: 10, insertFailed: 4, drop: 4, earlyDrop: 0, names: ["NfConntrackInsertRace"] },
    {
      count: 10,
      insertFailed: 4,
      drop: 5,
      earlyDrop: 0,
      names: ["NfConntrackDrop", "NfConntrackInsertRace"],
    },
    // 500 of 1000 is half full: no longer the race.
    { count: 500, insertFailed: 1, drop: 0, earlyDrop: 0, names: ["NfConntrackInsertFailed"] },
    { count: 499, insertFailed: 1, drop: 0, earlyDrop: 0, names: ["NfConntrackInsertRace"] },
    { count: 10, insertFailed: 0, drop: 0, earlyDrop: 0, names: [] },
  ])(
    "sums the per-CPU counters: drop $drop, early_drop $earlyDrop, insert_failed $insertFailed",
    ({ count, insertFailed, drop, earlyDrop, names }) => {
      const paste = `${sysctls(1000, count)}${STAT_HEADER}\n${statRow(insertFailed, drop, earlyDrop)}\n${statRow(0, 0, 0)}\n`;
      const now = alertsFiringNow(parseDiagnostics(paste), 75, true);
      expect(now.firing.map((f) => f.name)).toEqual(names);
      expect(now.unknown).toEqual([]);
    },
  );

  it("reads conntrack -S too", () => {
    const now = alertsFiringNow(
      parseDiagnostics(
        "cpu=0 found=0 invalid=0 insert=0 insert_failed=0 drop=4 early_drop=0 error=0 search_restart=0\n",
      ),
      75,
      true,
    );
    expect(now.firing).toEqual([
      {
        name: "NfConntrackDrop",
        reason: { code: "counter-since-boot", counter: "drop", value: 4, source: "conntrack-S" },
      },
    ]);
    expect(now.unknown).toEqual(["NfConntrackTableFilling"]);
  });

  it("takes logged table-full messages as drops when no counters were pasted", () => {
    const now = alertsFiringNow(
      parseDiagnostics("[12.5] nf_conntrack: table full, dropping packet\n"),
      75,
      true,
    );
    const reason: AlertReason = { code: "table-full-logged", messages: 1 };
    expect(now.firing).toEqual([{ name: "NfConntrackDrop", reason }]);
    expect(now.unknown).toEqual([
      "NfConntrackTableFilling",
      "NfConntrackEarlyDrop",
      "NfConntrackInsertFailed",
      "NfConntrackInsertRace",
    ]);
  });

  it("knows nothing from an empty paste, and never throws on any text", () => {
    expect(alertsFiringNow(parseDiagnostics(""), 75, true)).toEqual({
      firing: [],
      unknown: ["NfConntrackTableFilling", ...COUNTER_ALERTS],
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (text, threshold) => {
        const now = alertsFiringNow(parseDiagnostics(text), threshold, true);
        expect(now.firing.length + now.unknown.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});
