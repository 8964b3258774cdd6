import type { ConntrackStats } from "./dump";
import type { LineRecord, ParseState, StatBlock } from "./parse-state";

/** The per-CPU counters of /proc/net/stat/nf_conntrack and `conntrack -S`, summed into one block. */

/** Column names of the /proc table, and conntrack -S keys, mapped to ConntrackStats fields. */
export const STAT_COLUMNS: Readonly<Record<string, StatKey>> = {
  drop: "drop",
  early_drop: "earlyDrop",
  insert_failed: "insertFailed",
  found: "found",
  // Packets conntrack could not track (nf_conntrack_in(): no layer-4 header, no tuple, or the
  // protocol tracker refused the packet, e.g. TCP out of window); the same name in both formats.
  invalid: "invalid",
  search_restart: "searchRestart",
  // 6.x /proc header names (measured on 6.18) for conntrack -S's clash_resolve and chaintoolong
  // (ct_cpu_seq_show() prints st->clash_resolve and st->chaintoolong in those columns).
  clashres: "clashResolve",
  chainlength: "chainTooLong",
  clash_resolve: "clashResolve",
  chaintoolong: "chainTooLong",
};

export type StatKey =
  | "drop"
  | "earlyDrop"
  | "insertFailed"
  | "found"
  | "invalid"
  | "searchRestart"
  | "chainTooLong"
  | "clashResolve";

export function addStat(block: StatBlock, key: StatKey | undefined, value: number): void {
  if (key !== undefined) block.sums.set(key, (block.sums.get(key) ?? 0) + value);
}

/**
 * The block a stats row adds to, or null when the first block is complete (a second paste of the
 * statistics, in either format): the row is then a duplicate and not summed.
 */
export function statBlockFor(
  state: ParseState,
  source: ConntrackStats["source"],
  cpu: number | null,
  record: LineRecord,
): StatBlock | null {
  const block = state.statBlock;
  if (block !== null && (block.source !== source || (cpu !== null && block.cpuIds.has(cpu)))) {
    state.statSealed = true;
  }
  if (state.statSealed) {
    record.note = "duplicate";
    return null;
  }
  if (block !== null) {
    if (cpu !== null) block.cpuIds.add(cpu);
    return block;
  }
  const created: StatBlock = { source, rows: 0, cpuIds: new Set(cpu === null ? [] : [cpu]), sums: new Map() };
  state.statBlock = created;
  return created;
}
