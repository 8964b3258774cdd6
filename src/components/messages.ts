import { formatDecimal, formatInteger, formatPercent } from "../domain/format";
import { LIMITS, type FieldIssue, type FieldKey } from "../domain/inputs";
import type { KernelDifference, UncertainBoundary } from "../domain/kernel-compare";
import type { SizingWarning } from "../domain/sizing";
import type { VersionNotice } from "../url/migrations";

/** The words for every typed issue and warning (one place, so a second language is one more table). */

const ACCEPTED: Readonly<Record<FieldKey, string>> = {
  ram: 'a size such as "64 GiB", "787752 MiB" or "1.5T" (a bare number is GiB), from 1 MiB to 4 PiB',
  arch: "64-bit or 32-bit",
  ratio: `a number from ${LIMITS.ratio.min} to ${LIMITS.ratio.max}, at most ${LIMITS.ratio.maxDecimals} decimals`,
  struct: `a whole number of bytes from ${LIMITS.struct.min} to ${formatInteger(LIMITS.struct.max)}`,
  max: `a whole number from ${LIMITS.max.min} to ${formatInteger(LIMITS.max.max)}, or empty to derive it from RAM`,
  kernel:
    'a version as uname -r prints it, such as "6.12", "5.15.0-91-generic" or "3.10", from 2.6 on, or "newest"',
  page: "4, 16 or 64 (KiB; getconf PAGESIZE prints bytes)",
};

const LABELS: Readonly<Record<FieldKey, string>> = {
  ram: "RAM",
  arch: "Architecture",
  ratio: "Entries per bucket",
  struct: "Bytes per entry",
  max: "nf_conntrack_max",
  kernel: "Kernel version",
  page: "Page size",
};

export function fieldIssueMessage(key: FieldKey, issue: FieldIssue): string {
  const expected = `Enter ${ACCEPTED[key]}.`;
  switch (issue.code) {
    case "empty":
      return `${LABELS[key]} is required. ${expected}`;
    case "syntax":
      return `Not understood. ${expected}`;
    case "unit":
      return `Unknown unit "${issue.unit}": use B, K, M, G or T (KiB, MB, … are fine). ${expected}`;
    case "precision":
      return `Too many decimals. ${expected}`;
    case "range":
      return `Out of range. ${expected}`;
    case "choice":
      return `Not a valid choice. ${expected}`;
  }
}

export function warningMessage(warning: SizingWarning): string {
  switch (warning.code) {
    case "max-clamped":
      return `RAM would give ${formatInteger(warning.unclamped)}, above the kernel's limit: nf_conntrack_max is an int sysctl (0 to ${formatInteger(LIMITS.max.max)}), so it is capped there.`;
    case "buckets-clamped":
      return `The kernel refuses a hash table above INT_MAX bytes, so ${formatInteger(warning.unclamped)} buckets is capped at the largest table it allocates.`;
    case "long-chains":
      return `A full table averages ${formatDecimal(warning.chainLength)} entries per chain (each connection is hashed twice): lookups slow down, and since Linux 5.15 inserts fail once a chain reaches 50 to 79 entries. Use fewer entries per bucket.`;
    case "lowmem-large":
      return `A full table takes ${formatPercent(warning.share)} of the 896 MiB of low memory a 32-bit kernel has for all its own data: the machine may fail allocations or OOM long before RAM is full. Lower nf_conntrack_max or use a 64-bit kernel.`;
    case "ram-share-large":
      return `A full table takes ${formatPercent(warning.share)} of RAM, and kernel memory is never swapped out. Check that the machine can spare it.`;
    case "ram-beyond-pae":
      return "A 32-bit kernel addresses at most 64 GiB (with PAE): the RAM above that is not usable.";
  }
}

export function versionNoticeMessage(notice: VersionNotice): string {
  return `This link says v=${notice.given}, a version this page does not know; its values are read as version 1, each checked at its field.`;
}

export { LABELS as FIELD_LABELS };

export function differenceMessage(difference: KernelDifference): string {
  const n = formatInteger;
  switch (difference.code) {
    case "shrinks-table":
      return `The recommendation shrinks the table this kernel allocates by itself, from ${n(difference.kernelBuckets)} to ${n(difference.buckets)} buckets: chains get longer and lookups slower. Keep the kernel's count unless memory is tight (use fewer entries per bucket).`;
    case "grows-table":
      return `The recommendation grows the hash table from the kernel's ${n(difference.kernelBuckets)} to ${n(difference.buckets)} buckets.`;
    case "lowers-max":
      return `The recommendation allows fewer connections (${n(difference.max)}) than this kernel's own default (${n(difference.kernelMax)}): the table fills sooner.`;
    case "raises-max":
      return `The recommendation allows ${formatDecimal(difference.max / difference.kernelMax)} times the connections of this kernel's own default (${n(difference.kernelMax)}).`;
    case "same-as-kernel":
      return "The recommendation is what this kernel picks by itself: no change is needed.";
    case "kernel-capped":
      return `Above ${difference.aboveGiB} GiB of MemTotal this kernel stops at ${n(difference.capBuckets)} buckets, however much RAM there is; the RAM rule keeps growing.`;
    case "kernel-floor":
      return `On this little RAM the kernel uses its minimum of ${n(difference.floorBuckets)} buckets.`;
    case "four-gb-vm":
      return `A "4 GB" machine reports a MemTotal a little under 4 GiB, and the kernel compares strictly above 4 GiB: it gets the 1 to 4 GiB default of ${n(difference.capBuckets)} buckets. Enter MemTotal, not the size you ordered.`;
    case "no-262144-on-32-bit":
      return "32-bit kernels never get the 262,144-bucket default: above 1 GiB they stop at 65,536.";
    case "ratio-differs":
      return `This kernel fills ${difference.kernelRatio} entries per bucket by itself (nf_conntrack_max = ${difference.kernelRatio} × buckets); you chose a different ratio.`;
    case "hashsize-factor-8":
      return `Setting the bucket count with the hashsize module option skips the kernel's auto-size and makes its own max 8 × hashsize = ${n(difference.impliedMax)}, unless nf_conntrack_max is also set, as the sysctl file here does.`;
    case "max-from-unrounded":
      return `This kernel computes its max from the unrounded ${n(difference.bucketsUnrounded)} buckets, and its boot line prints that number, while the table it allocates is rounded up to whole pages.`;
    case "table-per-namespace":
      return "Before 4.7 every network namespace (every container) allocates its own hash table of this size: multiply the hash table memory by the number of namespaces.";
    case "buckets-sysctl-read-only":
      return "On this kernel nf_conntrack_buckets cannot be set by sysctl: the config sets it with the module option and the hashsize parameter instead.";
    case "ip-conntrack":
      return "This kernel tracks IPv4 connections with ip_conntrack (until 2.6.21): its keys are net.ipv4.netfilter.ip_conntrack_*, and the config uses them.";
    case "list-head":
      return "Bucket heads on this kernel are two pointers (struct list_head), so its own hash table costs twice as much per bucket.";
    case "num-physpages":
      return "This kernel sizes from the physical page count (num_physpages), closer to installed RAM than MemTotal: its own default may be slightly larger than shown.";
  }
}

export function uncertainMessage(code: UncertainBoundary): string {
  const prefix = "Uncertain for this version:";
  switch (code) {
    case "ip-or-nf-conntrack":
      return `${prefix} kernels 2.6.15 to 2.6.21 ship both ip_conntrack and nf_conntrack; check lsmod. The config assumes ip_conntrack.`;
    case "hlist-2.6.23":
      return `${prefix} 2.6.22 still sizes like ip_conntrack and 2.6.24 has the factor-4 rules with page rounding; 2.6.23 was not checked and is shown with the 2.6.22 rules.`;
    case "netns-start":
      return `${prefix} per-namespace tables (max computed from the unrounded size) are believed to start in 2.6.27.`;
    case "cap-65536":
      return `${prefix} the 65,536-bucket default above 4 GiB is missing in 3.18 and present in 4.0; it is believed to be in 3.19 and shown so.`;
    case "global-table":
      return `${prefix} the single global table and the writable nf_conntrack_buckets sysctl are believed to arrive in 4.7 (the sysctl is certain by 4.14); shown from 4.7.`;
    case "boot-line":
      return `${prefix} the nf_conntrack boot line is in 4.12 and gone by 4.19; it is shown up to 4.18.`;
    case "rhel9-5.14":
      return `${prefix} RHEL 9 kernels (5.14) carry many backports; whether they have the 5.15 defaults (factor 1, 262,144 buckets) is not confirmed. Compare with sysctl net.netfilter.nf_conntrack_buckets on the host.`;
  }
}
