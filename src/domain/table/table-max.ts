import { entryBytesFor } from "../kernel/entry-size";
import type { KernelVersion } from "../kernel/kernel-version";
import { INT_MAX, type Arch } from "../sizing/inputs";
import type { HostRole } from "../sizing/role";

/**
 * The nf_conntrack_max that holds `entries` with the headroom: ceil(entries × (100 + headroom) /
 * 100), as the traffic sizing adds it (traffic-sizing.ts requiredMax), at least 1 (the field's
 * floor) and at most INT_MAX. Exact: entries and headroom are whole numbers far below 2^53 / 1100.
 *
 * @example neededMax(91, 20) === 110
 */
export function neededMax(entries: number, headroomPercent: number): number {
  const withHeadroom = Math.ceil((entries * (100 + headroomPercent)) / 100);
  return Math.min(INT_MAX, Math.max(1, withHeadroom));
}

export interface TableMax {
  /** The entries counted in the table, and the max that holds them with the headroom. */
  readonly entries: number;
  readonly headroomPercent: number;
  readonly max: number;
  /** The fields the action sets (URL keys): always `max`; `role` when the table shows NAT the role did not. */
  readonly fields: { readonly max: string; readonly role?: HostRole };
  /**
   * Bytes per entry before and after, when the role changes them: a NAT'd table on a kernel that
   * gives entries no extension area by default. Null when they stay (no NAT, a role that already
   * NATs, a kernel whose entries all carry the area, or a bytes-per-entry field set by hand).
   */
  readonly entryBytes: { readonly from: number; readonly to: number } | null;
  /** The NAT'd entries seen, when the role changes; else 0. */
  readonly natEntries: number;
}

/**
 * "Use as nf_conntrack_max": the counted entries plus the headroom as the explicit `max`, and, when
 * the table holds NAT'd entries while the page sizes a plain host, the `nat` role: each NAT'd
 * entry carries the 128-byte extension area (nf_ct_ext_add() with NF_CT_EXT_NAT), which kernels
 * from 6.1 do not give every entry (their nf_conntrack_events default is 2; entry-size.ts). Where
 * the kernel's measurement already includes the area (5.10), the role changes no bytes and is
 * still set, since the warnings follow it.
 *
 * @example computeTableMax({ entries: 91, nat: 8, headroomPercent: 20, kernel: v(6, 12), arch: 64, role: "host", structSet: false })
 * // { max: 110, fields: { max: "110", role: "nat" }, entryBytes: { from: 256, to: 384 }, ... }
 */
export function computeTableMax(params: {
  readonly entries: number;
  readonly nat: number;
  readonly headroomPercent: number;
  readonly kernel: KernelVersion;
  readonly arch: Arch;
  readonly role: HostRole;
  /** Whether the bytes-per-entry field holds the reader's own figure (then the role changes no bytes). */
  readonly structSet: boolean;
}): TableMax {
  const { entries, nat, headroomPercent, kernel, arch, role, structSet } = params;
  const max = neededMax(entries, headroomPercent);
  const base = { entries, headroomPercent, max };
  if (nat === 0 || role !== "host") {
    return { ...base, fields: { max: String(max) }, entryBytes: null, natEntries: 0 };
  }
  const from = entryBytesFor(kernel, arch, "host");
  const to = entryBytesFor(kernel, arch, "nat");
  return {
    ...base,
    fields: { max: String(max), role: "nat" },
    entryBytes: structSet || from === to ? null : { from, to },
    natEntries: nat,
  };
}
