import type { Reader } from "./parse-state";
import { addStat, STAT_COLUMNS, statBlockFor } from "./stat-block";

/**
 * conntrack-tools `conntrack -S` (docs/kernel-facts.md §8): `cpu=0 found=0 invalid=130 ...
 * drop=0 early_drop=0 ...`, key=value pairs in any order, one row per CPU.
 */
export const readConntrackStats: Reader = (state, _line, tokens, record) => {
  const cpu = /^cpu=(\d{1,5})$/.exec(tokens[0] ?? "");
  if (!cpu || tokens.length < 2 || tokens.length > 64) return false;
  const pairs: [string, number][] = [];
  for (const token of tokens.slice(1)) {
    const pair = /^([a-z_]{1,32})=(\d{1,10})$/.exec(token);
    if (!pair) return false;
    pairs.push([pair[1] ?? "", Number(pair[2])]);
  }
  const keys = pairs.map(([key]) => key);
  if (!["insert_failed", "drop", "early_drop"].every((k) => keys.includes(k))) return false;
  record.kind = "conntrack-stats";
  const block = statBlockFor(state, "conntrack-S", Number(cpu[1]), record);
  if (block === null) return true;
  block.rows += 1;
  for (const [key, value] of pairs) addStat(block, STAT_COLUMNS[key], value);
  return true;
};
