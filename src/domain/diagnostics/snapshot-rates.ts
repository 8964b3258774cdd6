import type { ConntrackStats } from "./dump";
import { parseDiagnostics } from "./parse-diagnostics";

/**
 * The counters given as rates, by their `conntrack -S` names (the test ids `rate-<counter>`). The
 * statistics are cumulative since boot (per-CPU counters in struct ip_conntrack_stat, never reset),
 * so only the difference between two snapshots says whether they grow now.
 */
export const RATE_COUNTERS = [
  "drop",
  "early_drop",
  "insert_failed",
  "search_restart",
  "clash_resolve",
] as const;
export type RateCounter = (typeof RATE_COUNTERS)[number];

const STAT_FIELD = {
  drop: "drop",
  early_drop: "earlyDrop",
  insert_failed: "insertFailed",
  search_restart: "searchRestart",
  clash_resolve: "clashResolve",
} as const satisfies Record<RateCounter, keyof ConntrackStats>;

export interface SnapshotRates {
  /** Seconds between the first and the last snapshot, from their `TIME:` lines. */
  readonly seconds: number;
  /** Per second, summed over CPUs; a counter missing from either snapshot, or that fell (a reboot in between), is absent. */
  readonly perSecond: Readonly<Partial<Record<RateCounter, number>>>;
}

/** The collector's time line, `TIME: <seconds since the epoch>` (`date +%s`). */
const TIME_LINE = /^TIME:[ \t]*(\d{1,12})[ \t]*$/;

/**
 * Rates from a paste that holds two (or more) snapshots, each opened by a `TIME:` line: the collector's
 * output pasted twice, or `conntrack -S` / /proc/net/stat/nf_conntrack blocks each after a `TIME:` line.
 * The first and the last snapshot with statistics are compared. Null when fewer than two snapshots
 * have a time and statistics, or the time did not advance.
 *
 * @example
 * computeSnapshotRates("TIME: 100\ncpu=0 found=0 invalid=0 insert=0 insert_failed=4 drop=10 early_drop=0 error=0 search_restart=0\n" +
 *   "TIME: 110\ncpu=0 found=0 invalid=0 insert=0 insert_failed=9 drop=30 early_drop=0 error=0 search_restart=0\n")
 * // { seconds: 10, perSecond: { drop: 2, early_drop: 0, insert_failed: 0.5, search_restart: 0 } }
 */
export function computeSnapshotRates(text: string): SnapshotRates | null {
  const lines = text.split(/\r?\n/);
  const snapshots: { time: number; stats: ConntrackStats }[] = [];
  let start = -1;
  let time = 0;
  const close = (end: number) => {
    if (start < 0) return;
    const stats = parseDiagnostics(lines.slice(start + 1, end).join("\n")).stats;
    if (stats !== undefined) snapshots.push({ time, stats });
  };
  // Only the first MAX_LINES-sized paste the parser reads is worth scanning; the parser bounds each part.
  for (let i = 0; i < lines.length && i < 20_000; i++) {
    const match = TIME_LINE.exec((lines[i] ?? "").trim());
    if (match === null) continue;
    close(i);
    start = i;
    time = Number(match[1]);
  }
  close(Math.min(lines.length, 20_000));
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  if (first === undefined || last === undefined || snapshots.length < 2) return null;
  const seconds = last.time - first.time;
  if (seconds <= 0) return null;
  const perSecond: Partial<Record<RateCounter, number>> = {};
  for (const counter of RATE_COUNTERS) {
    const a = first.stats[STAT_FIELD[counter]];
    const b = last.stats[STAT_FIELD[counter]];
    if (a === undefined || b === undefined || b < a) continue;
    perSecond[counter] = (b - a) / seconds;
  }
  return { seconds, perSecond };
}
