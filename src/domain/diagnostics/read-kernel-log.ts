import type { BootLine } from "./dump";
import type { LineRecord, ParseState } from "./parse-state";

/**
 * docs/kernel-facts.md §8: `nf_conntrack: nf_conntrack: table full, dropping packet` (pr_fmt
 * prefix, current), `nf_conntrack: table full, dropping packet` (3.x), with a trailing dot (2.6.x),
 * and `ip_conntrack: table full, dropping packet.`. The module prefix is required so that a pasted
 * `grep 'table full, dropping packet'` is not counted.
 */
const TABLE_FULL = "_conntrack: table full, dropping packet";

/**
 * From 6.17 `__nf_conntrack_alloc()` logs `nf_conntrack: table full in netns %u, dropping packet`
 * (the namespace's inode number) when the full namespace is not init_net; init_net keeps the wording
 * above (errata F6: `__nf_conntrack_alloc()` in 7.2.13). Counted apart: it names another namespace.
 */
const TABLE_FULL_NETNS = /_conntrack: table full in netns (\d{1,10}), dropping packet/;

/**
 * docs/kernel-facts.md §8: the table-full warning is net_warn_ratelimited(), and what the rate
 * limit holds back is reported as `net_ratelimit: N callbacks suppressed` (printed by
 * ___ratelimit() in lib/ratelimit.c with the caller's name).
 */
const SUPPRESSED = /^net_ratelimit: (\d{1,10}) callbacks suppressed/;

/**
 * docs/kernel-facts.md §8 and §1a, and kernel-defaults.ts renderBootLine(): nf_conntrack printed
 * "nf_conntrack version 0.5.0 (%u buckets, %d max)" up to 4.15 (correction E5); ip_conntrack printed
 * "ip_conntrack version 2.4 (%u buckets, %d max) - %Zd bytes per conntrack".
 */
const BOOT_LINE =
  /^(nf_conntrack|ip_conntrack) version [0-9.]{1,12} \((\d{1,10}) buckets, (\d{1,10}) max\)(?: - (\d{1,6}) bytes per conntrack)?/;

export function readKernelLog(state: ParseState, line: string, record: LineRecord): boolean {
  if (line.includes(TABLE_FULL)) {
    state.tableFullLogLines += 1;
    record.kind = "table-full";
    return true;
  }
  const netns = line.includes("table full in netns") ? TABLE_FULL_NETNS.exec(line) : null;
  if (netns) {
    state.tableFullNetnsLogLines += 1;
    const inum = Number(netns[1]);
    state.netnsLogLines.set(inum, (state.netnsLogLines.get(inum) ?? 0) + 1);
    record.kind = "table-full";
    return true;
  }
  const ratelimit = line.indexOf("net_ratelimit: ");
  if (ratelimit >= 0) {
    const match = SUPPRESSED.exec(line.slice(ratelimit));
    if (match) {
      state.suppressed = (state.suppressed ?? 0) + Number(match[1]);
      record.kind = "ratelimit-suppressed";
      return true;
    }
  }
  const version = line.indexOf("_conntrack version ");
  if (version >= 2) {
    const match = BOOT_LINE.exec(line.slice(version - 2));
    if (match) {
      const bytesPerEntry = match[4] === undefined ? undefined : Number(match[4]);
      const boot: BootLine = {
        module: match[1] === "ip_conntrack" ? "ip_conntrack" : "nf_conntrack",
        buckets: Number(match[2]),
        max: Number(match[3]),
        ...(bytesPerEntry === undefined ? {} : { bytesPerEntry }),
      };
      record.kind = "boot-line";
      const previous = state.out.bootLine;
      if (previous === undefined) state.out.bootLine = boot;
      else record.note = sameBoot(previous, boot) ? "duplicate" : "conflict";
      return true;
    }
  }
  return false;
}

const sameBoot = (a: BootLine, b: BootLine): boolean =>
  a.module === b.module && a.buckets === b.buckets && a.max === b.max && a.bytesPerEntry === b.bytesPerEntry;
