import { setField, type Reader } from "./parse-state";

/** Page sizes Linux builds with: 4 KiB to 256 KiB, powers of two (getconf PAGESIZE). */
export const isPageSize = (n: number): boolean => n >= 4096 && n <= 262144 && (n & (n - 1)) === 0;

/**
 * The collector's `PAGESIZE: 4096` line, and `getconf -a` output (`PAGESIZE   4096`,
 * `PAGE_SIZE   4096`).
 */
const PAGE_LABEL = /^(?:PAGE_?SIZE|page ?size) ?[:=]? ?(\d{1,7})$/i;

export const readPageSizeLabel: Reader = (state, line, _tokens, record) => {
  const match = PAGE_LABEL.exec(line);
  if (!match) return false;
  const value = Number(match[1]);
  if (!isPageSize(value)) return false;
  record.kind = "page-size";
  setField(state, record, "pageBytes", value);
  return true;
};
