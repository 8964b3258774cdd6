import { KiB } from "../core/units";
import type { Reader } from "./parse-state";

/** /proc/meminfo (proc(5)): `MemTotal:       24683620 kB`, always in kB = KiB; or `grep -H` of it. */
const MEMTOTAL = /^(?:\/proc\/meminfo:)?MemTotal: ?(\d{1,12}) kB$/;

export const readMemTotal: Reader = (state, line, _tokens, record) => {
  const match = MEMTOTAL.exec(line);
  if (!match) return false;
  const memBytes = Number(match[1]) * KiB;
  record.kind = "meminfo";
  if (state.out.memTotalSource === "meminfo") {
    record.note = state.out.memTotalBytes === memBytes ? "duplicate" : "conflict";
    return true;
  }
  if (state.freeLine) state.freeLine.note = "superseded";
  state.out.memTotalBytes = memBytes;
  state.out.memTotalSource = "meminfo";
  return true;
};
