import type { Reader } from "./parse-state";

/**
 * The collector's own count lines (collector.ts): `table_full_messages: 3`, and
 * `table_full_netns_messages: 1` for the wording of 6.17 and later that names another namespace.
 */
const TABLE_FULL_COUNT = /^table_full(_netns)?_messages: ?(\d{1,10})$/;

/** The collector's per-namespace count (collector.ts): `table_full_in_netns 4026532305: 3`. */
const NETNS_COUNT = /^table_full_in_netns (\d{1,10}): ?(\d{1,10})$/;

export const readCollectorCount: Reader = (state, line, _tokens, record) => {
  const perNamespace = NETNS_COUNT.exec(line);
  if (perNamespace) {
    record.kind = "table-full-count";
    const counts = (state.netnsCounts ??= new Map<number, number>());
    const inum = Number(perNamespace[1]);
    const value = Number(perNamespace[2]);
    const previous = counts.get(inum);
    if (previous !== undefined) record.note = previous === value ? "duplicate" : "conflict";
    else counts.set(inum, value);
    return true;
  }
  const match = TABLE_FULL_COUNT.exec(line);
  if (!match) return false;
  record.kind = "table-full-count";
  const value = Number(match[2]);
  const previous = match[1] === undefined ? state.tableFullCount : state.tableFullNetnsCount;
  if (previous !== null) record.note = previous === value ? "duplicate" : "conflict";
  else if (match[1] === undefined) state.tableFullCount = value;
  else state.tableFullNetnsCount = value;
  return true;
};
