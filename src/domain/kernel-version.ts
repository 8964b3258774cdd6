import { fail, ok, type Result } from "./result";

/** A kernel release as `uname -r` starts: 6.12, 5.15.0-91-generic, 3.10.0-1160.el7.x86_64. */
export interface KernelVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number | null;
}

export type KernelVersionIssue = { code: "empty" } | { code: "syntax" } | { code: "range" };

/**
 * The newest kernel whose conntrack sizing was checked (measured on 6.18.44); "newest" in the
 * kernel field means this.
 */
export const NEWEST_KERNEL: KernelVersion = { major: 6, minor: 18, patch: null };

/**
 * The oldest kernel this tool sizes: 2.6, the first with sysfs module parameters
 * (/sys/module/nf_conntrack/parameters/hashsize and its ip_conntrack twin), which the config relies on.
 */
export const OLDEST_KERNEL: KernelVersion = { major: 2, minor: 6, patch: null };

/**
 * Reads a kernel version from the start of a `uname -r` string; a distribution suffix
 * ("-91-generic", ".el7.x86_64", "+deb13-amd64") is allowed and ignored. "newest" is the newest
 * kernel this tool knows.
 *
 * @example tryParseKernelVersion("5.15.0-91-generic") // { ok: true, value: { major: 5, minor: 15, patch: 0 } }
 */
export function tryParseKernelVersion(text: string): Result<KernelVersion, KernelVersionIssue> {
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
