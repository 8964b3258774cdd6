import { fail, ok, type Result } from "../core/result";
import { lengthIssue } from "../core/field-spec";

/** A kernel release as `uname -r` starts: 6.12, 5.15.0-91-generic, 3.10.0-1160.el7.x86_64. */
export interface KernelVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number | null;
}

export type KernelVersionIssue = { code: "empty" } | { code: "syntax" } | { code: "range" };

/**
 * The newest kernel whose conntrack sizing was checked: nf_conntrack_init_start(),
 * nf_ct_alloc_hashtable()'s rounding, struct nf_conn's size, the 128-byte extension and every
 * timeout default read unchanged in Debian's 7.3.4 source (docs/kernel-facts.md §11), and 7.2.13
 * booted by the kernel lab (docs/kernel-lab.md). "newest" in the kernel field means this; newer
 * kernels are flagged as not checked (uncertainBoundaries()).
 */
export const NEWEST_KERNEL: KernelVersion = { major: 7, minor: 3, patch: null };

/**
 * The oldest kernel this tool sizes: 2.6, the first with sysfs module parameters
 * (/sys/module/nf_conntrack/parameters/hashsize and its ip_conntrack twin), which the config relies on.
 */
const OLDEST_KERNEL: KernelVersion = { major: 2, minor: 6, patch: null };

/**
 * Reads a kernel version from the start of a `uname -r` string; a distribution suffix
 * ("-91-generic", ".el7.x86_64", "+deb13-amd64") is allowed and ignored. "newest" is the newest
 * kernel this tool knows.
 *
 * @example tryParseKernelVersion("5.15.0-91-generic") // { ok: true, value: { major: 5, minor: 15, patch: 0 } }
 */
export function tryParseKernelVersion(text: string): Result<KernelVersion, KernelVersionIssue> {
  // Length first: the suffix has no limit of its own.
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  if (isNewestKeyword(trimmed)) return ok(NEWEST_KERNEL);
  const match = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,5}))?(?:[-+~_.][0-9a-z._+~-]*)?$/i.exec(trimmed);
  if (!match) return fail({ code: "syntax" });
  const version: KernelVersion = {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: match[3] === undefined ? null : Number(match[3]),
  };
  if (compareKernelVersions(version, OLDEST_KERNEL) < 0 || version.major > 9) return fail({ code: "range" });
  return ok(version);
}

/** The "newest" keyword of the kernel field, case-insensitive. */
export function isNewestKeyword(text: string): boolean {
  return text.trim().toLowerCase() === "newest";
}

/** Orders versions by major, minor, then patch (a missing patch counts as 0). */
export function compareKernelVersions(a: KernelVersion, b: KernelVersion): number {
  return a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
}

export function formatKernelVersion(v: KernelVersion): string {
  return v.patch === null ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

/** Shorthand for a version literal: v(4, 7) is 4.7. */
export const v = (major: number, minor: number, patch: number | null = null): KernelVersion => ({
  major,
  minor,
  patch,
});

/** a >= b */
export const atLeast = (a: KernelVersion, b: KernelVersion): boolean => compareKernelVersions(a, b) >= 0;

/** Who built a kernel, as its `uname -r` suffix tells. */
export type KernelVendor = "rhel" | "oracle" | "amazon" | "fedora" | "ubuntu" | "debian" | "suse" | "other";

/**
 * A distribution kernel: `uname -r` with a suffix after the version. Distributions backport
 * changes into their kernels (Red Hat's el8/el9 kernels carry whole netfilter series), so such a
 * kernel may not behave like the vanilla release of its version number.
 *
 * @example distributionKernel("4.18.0-513.el8.x86_64") // { vendor: "rhel", suffix: "-513.el8.x86_64" }
 * @example distributionKernel("6.12") // null
 */
export function distributionKernel(text: string): { vendor: KernelVendor; suffix: string } | null {
  const trimmed = text.trim();
  const match = /^\d{1,2}\.\d{1,3}(?:\.\d{1,5})?([^\d.].*)$/.exec(trimmed);
  const suffix = match?.[1];
  if (suffix === undefined || isNewestKeyword(trimmed)) return null;
  return { vendor: kernelVendor(suffix.toLowerCase()), suffix };
}

function kernelVendor(suffix: string): KernelVendor {
  if (/uek/.test(suffix)) return "oracle";
  if (/\.el\d+/.test(suffix)) return "rhel";
  if (/amzn\d/.test(suffix)) return "amazon";
  if (/\.fc\d+/.test(suffix)) return "fedora";
  if (/\+deb\d+|~bpo|-(?:amd64|arm64|686|686-pae|cloud-amd64|rt-amd64)$/.test(suffix)) return "debian";
  if (/^-\d+-(?:generic|lowlatency|aws|azure|gcp|gke|kvm|oracle|ibm|raspi)/.test(suffix)) return "ubuntu";
  if (/-default$|\.sles|-azure$/.test(suffix)) return "suse";
  return "other";
}
