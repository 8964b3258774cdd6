import { KiB } from "../core/units";
import type { FreeUnit, LineRecord, Reader } from "./parse-state";

/**
 * procps-ng and busybox free(1): a header (`total used free shared buff/cache available`, older
 * `total used free shared buffers cached`) and a `Mem:` row whose first number is MemTotal.
 */
export const readFree: Reader = (state, _line, tokens, record) => {
  if (tokens[0] === "total" && tokens[1] === "used" && tokens[2] === "free") {
    record.kind = "free-header";
    return true;
  }
  if (tokens[0] !== "Mem:" || tokens.length < 2 || tokens.length > 12) return false;
  if (!tokens.slice(1).every((t) => /^\d{1,16}$/.test(t))) return false;
  record.kind = "free-mem";
  const memBytes = freeMemBytes(Number(tokens[1]), state.freeUnit, record);
  if (memBytes === null) return true;
  if (state.out.memTotalBytes !== undefined) {
    record.note =
      state.out.memTotalSource === "meminfo"
        ? "superseded"
        : state.out.memTotalBytes === memBytes
          ? "duplicate"
          : "conflict";
    return true;
  }
  state.out.memTotalBytes = memBytes;
  state.out.memTotalSource = "free";
  state.freeLine = record;
  return true;
};

/** Readings of a `free` number taken as plausible MemTotal: 16 MiB to 64 TiB. */
const PLAUSIBLE_RAM = { min: 16 * 1024 * KiB, max: 64 * 1024 ** 3 * KiB } as const;

/**
 * The unit of a `free` row comes from the `free` command line pasted before it (-b bytes; -k or
 * no option KiB). Without one, the row is read only if exactly one reading, bytes or KiB, is a
 * plausible MemTotal (16 MiB to 64 TiB): values below 16 Mi are KiB (a host under 16 GiB), values
 * above 64 Gi are bytes (a host over 64 GiB); anything between is ambiguous and not used.
 */
function freeMemBytes(total: number, unit: FreeUnit | null, record: LineRecord): number | null {
  const plausible = (b: number): boolean => b >= PLAUSIBLE_RAM.min && b <= PLAUSIBLE_RAM.max;
  let memBytes: number | null;
  if (unit === "unsupported") {
    record.note = "free-unit-unsupported";
    return null;
  }
  if (unit === "bytes") memBytes = total;
  else if (unit === "kib") memBytes = total * KiB;
  else {
    const asBytes = plausible(total);
    const asKib = plausible(total * KiB);
    memBytes = asBytes === asKib ? null : asBytes ? total : total * KiB;
  }
  if (memBytes === null || !Number.isSafeInteger(memBytes)) {
    record.note = "free-unit-unknown";
    return null;
  }
  return memBytes;
}
