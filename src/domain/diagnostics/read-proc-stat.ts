import type { Reader } from "./parse-state";
import { addStat, STAT_COLUMNS, statBlockFor } from "./stat-block";

/**
 * /proc/net/stat/nf_conntrack header (docs/kernel-facts.md §8): `entries` then column names; the
 * names changed across kernels (searched -> clashres, delete_list -> chainlength, search_restart
 * added), so columns are mapped by name, never by position.
 */
export const readStatHeader: Reader = (state, _line, tokens, record) => {
  if (tokens[0] !== "entries" || tokens.length < 2 || tokens.length > 64) return false;
  if (!tokens.every((t) => /^[a-z_]{1,32}$/.test(t))) return false;
  // Every known layout has these; a header without them is something else.
  if (!["insert_failed", "drop", "early_drop"].every((c) => tokens.includes(c))) return false;
  record.kind = "stat-header";
  if (state.statSealed || (state.statBlock !== null && state.statBlock.rows > 0)) {
    state.statSealed = true;
    record.note = "duplicate";
  }
  state.statHeader = tokens;
  return true;
};

/** One hex row per CPU, printed with "%08x" (docs/kernel-facts.md §8). */
export const readStatRow: Reader = (state, _line, tokens, record) => {
  if (tokens.length < 4 || !tokens.every((t) => /^[0-9a-f]{8}$/.test(t))) return false;
  const header = state.statHeader;
  if (header === null) {
    record.note = "no-header";
    return true;
  }
  if (tokens.length !== header.length) return false;
  record.kind = "stat-row";
  const block = statBlockFor(state, "proc", null, record);
  if (block === null) return true;
  block.rows += 1;
  header.forEach((column, i) => {
    const value = parseInt(tokens[i] ?? "0", 16);
    // The entry count is global (per netns), repeated on every CPU's row: read it once.
    if (column === "entries") block.entries ??= value;
    else addStat(block, STAT_COLUMNS[column], value);
  });
  return true;
};
