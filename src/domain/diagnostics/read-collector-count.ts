import type { Reader } from "./parse-state";

/** The collector's own count line (collector.ts): `table_full_messages: 3`. */
const TABLE_FULL_COUNT = /^table_full_messages: ?(\d{1,10})$/;

export const readCollectorCount: Reader = (state, line, _tokens, record) => {
  const match = TABLE_FULL_COUNT.exec(line);
  if (!match) return false;
  record.kind = "table-full-count";
  const value = Number(match[1]);
  if (state.tableFullCount === null) state.tableFullCount = value;
  else record.note = state.tableFullCount === value ? "duplicate" : "conflict";
  return true;
};
