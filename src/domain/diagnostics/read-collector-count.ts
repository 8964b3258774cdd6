import type { Reader } from "./parse-state";

/**
 * The collector's own count lines (collector.ts): `table_full_messages: 3`, and
 * `table_full_netns_messages: 1` for the wording of 6.17 and later that names another namespace.
 */
const TABLE_FULL_COUNT = /^table_full(_netns)?_messages: ?(\d{1,10})$/;

export const readCollectorCount: Reader = (state, line, _tokens, record) => {
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
