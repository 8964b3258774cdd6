import { formatDecimal, formatInteger, formatPercent } from "../domain/format";
import { LIMITS, type FieldIssue, type FieldKey } from "../domain/inputs";
import type { SizingWarning } from "../domain/sizing";
import type { VersionNotice } from "../url/migrations";

/** The words for every typed issue and warning (one place, so a second language is one more table). */

const ACCEPTED: Readonly<Record<FieldKey, string>> = {
  ram: 'a size such as "64 GiB", "787752 MiB" or "1.5T" (a bare number is GiB), from 1 MiB to 4 PiB',
  arch: "64-bit or 32-bit",
  ratio: `a number from ${LIMITS.ratio.min} to ${LIMITS.ratio.max}, at most ${LIMITS.ratio.maxDecimals} decimals`,
  struct: `a whole number of bytes from ${LIMITS.struct.min} to ${formatInteger(LIMITS.struct.max)}`,
  max: `a whole number from ${LIMITS.max.min} to ${formatInteger(LIMITS.max.max)}, or empty to derive it from RAM`,
  kernel: 'a version as uname -r prints it, such as "6.12", "5.15.0-91-generic" or "3.10", from 2.4 on',
};

const LABELS: Readonly<Record<FieldKey, string>> = {
  ram: "RAM",
  arch: "Architecture",
  ratio: "Entries per bucket",
  struct: "Bytes per entry",
  max: "nf_conntrack_max",
  kernel: "Kernel version",
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
