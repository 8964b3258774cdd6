import type { Diagnostics } from "../../diagnostics/dump";
import { ALERTS, INSERT_RACE_BELOW_PERCENT, type AlertName, type CounterColumn } from "./alert-rules";

/**
 * Why an alert would fire on the pasted machine, as codes and numbers the page words:
 * - `fill-above-threshold`: count / max is above the threshold, as NfConntrackTableFilling computes it;
 * - `counter-since-boot`: the counter is above 0. The rule fires on a rate held for its `for:`,
 *   which one paste cannot show; but the counters start at 0 at boot and only grow, so a value
 *   above 0 means that this happened since boot, and the rule may have fired when it did. As the
 *   rules: drop only beyond insert_failed (a lost insert race counts in both), insert_failed as the
 *   insert race below INSERT_RACE_BELOW_PERCENT of fill and as insert failures at or above it;
 * - `table-full-logged`: no counters were pasted, but the kernel logged "table full, dropping
 *   packet", which it prints where it counts a drop (nf_conntrack_in(): NF_CT_STAT_INC(drop) when
 *   no entry can be allocated).
 */
export type AlertReason =
  | {
      readonly code: "fill-above-threshold";
      readonly count: number;
      readonly max: number;
      readonly thresholdPercent: number;
    }
  | {
      readonly code: "counter-since-boot";
      readonly counter: CounterColumn;
      readonly value: number;
      readonly source: "proc" | "conntrack-S";
    }
  | { readonly code: "table-full-logged"; readonly messages: number };

export interface AlertsNow {
  /** The alerts that would fire, in the rules' order, each with its reason. */
  readonly firing: readonly { readonly name: AlertName; readonly reason: AlertReason }[];
  /** The alerts whose inputs the paste lacks. The others would stay quiet. */
  readonly unknown: readonly AlertName[];
}

const COUNTERS = {
  NfConntrackDrop: { column: "drop", field: "drop" },
  NfConntrackEarlyDrop: { column: "early_drop", field: "earlyDrop" },
  NfConntrackInsertFailed: { column: "insert_failed", field: "insertFailed" },
  NfConntrackInsertRace: { column: "insert_failed", field: "insertFailed" },
} as const;

/**
 * Which of the alerts (Prometheus rules and check script alike) would fire now on the machine a
 * dump was pasted from, with the user's threshold in percent.
 *
 * @example
 * alertsFiringNow(parseDiagnostics("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 800\n"), 75)
 * // { firing: [{ name: "NfConntrackTableFilling",
 * //   reason: { code: "fill-above-threshold", count: 800, max: 1000, thresholdPercent: 75 } }],
 * //   unknown: ["NfConntrackDrop", "NfConntrackEarlyDrop", "NfConntrackInsertFailed",
 * //     "NfConntrackInsertRace"] }
 */
export function alertsFiringNow(
  d: Diagnostics,
  thresholdPercent: number,
  maxZeroMeansNoLimit: boolean,
): AlertsNow {
  const firing: { name: AlertName; reason: AlertReason }[] = [];
  const unknown: AlertName[] = [];
  const count = d.conntrackCount ?? d.stats?.entries;
  const max = d.conntrackMax;
  // A limit of 0 where it means none (before 6.19): the rules give such a host no fill (prometheus.ts
  // fillPercent()), so the fill rule stays quiet and insert failures count as the race. Where 0 is
  // refused, a 0 read is not this kernel's and the fill is unknown.
  const noLimit = max === 0 && maxZeroMeansNoLimit;
  // The fill the insert rules split on, when the paste has it: 100 × count < 50 × max, in integers.
  const raceFill = noLimit
    ? true
    : count === undefined || max === undefined || max === 0
      ? undefined
      : 100 * count < INSERT_RACE_BELOW_PERCENT * max;
  for (const { name } of ALERTS) {
    if (name === "NfConntrackTableFilling") {
      if (noLimit) continue;
      if (count === undefined || max === undefined || max === 0) unknown.push(name);
      else if (100 * count > thresholdPercent * max) {
        // 100 × count > threshold × max: the rule's 100 * entries / limit > threshold, in integers.
        firing.push({ name, reason: { code: "fill-above-threshold", count, max, thresholdPercent } });
      }
      continue;
    }
    const { column, field } = COUNTERS[name];
    const stats = d.stats;
    if (stats !== undefined) {
      const value = stats[field];
      if (name === "NfConntrackInsertFailed" || name === "NfConntrackInsertRace") {
        // Without the fill, an insert failure is named as such, and the race left unknown.
        if (name === "NfConntrackInsertRace" && value > 0 && raceFill === undefined) unknown.push(name);
        if (value === 0 || (name === "NfConntrackInsertRace") !== (raceFill === true)) continue;
      }
      const fires = name === "NfConntrackDrop" ? value > stats.insertFailed : value > 0;
      if (fires) {
        firing.push({
          name,
          reason: { code: "counter-since-boot", counter: column, value, source: stats.source },
        });
      }
    } else if (name === "NfConntrackDrop" && (d.tableFullMessages ?? 0) > 0) {
      firing.push({ name, reason: { code: "table-full-logged", messages: d.tableFullMessages ?? 0 } });
    } else {
      unknown.push(name);
    }
  }
  return { firing, unknown };
}
