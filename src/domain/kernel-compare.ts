import type { Inputs } from "./inputs";
import { BOUNDARIES, type KernelDefault } from "./kernel-defaults";
import { atLeast, compareKernelVersions, v, type KernelVersion } from "./kernel-version";
import type { Sizing } from "./sizing";
import { GiB } from "./units";

/**
 * One sentence's worth of difference between the recommendation and what the kernel does by
 * itself, as a typed value; the page turns each into words.
 */
export type KernelDifference =
  | { code: "shrinks-table"; kernelBuckets: number; buckets: number }
  | { code: "grows-table"; kernelBuckets: number; buckets: number }
  | { code: "lowers-max"; kernelMax: number; max: number }
  | { code: "raises-max"; kernelMax: number; max: number }
  | { code: "same-as-kernel" }
  | { code: "kernel-capped"; capBuckets: number; aboveGiB: number }
  | { code: "kernel-floor"; floorBuckets: number }
  | { code: "four-gb-vm"; capBuckets: number }
  | { code: "no-262144-on-32-bit" }
  | { code: "ratio-differs"; kernelRatio: number }
  | { code: "hashsize-factor-8"; buckets: number; impliedMax: number }
  | { code: "max-from-unrounded"; bucketsUnrounded: number }
  | { code: "table-per-namespace" }
  | { code: "buckets-sysctl-read-only" }
  | { code: "ip-conntrack" }
  | { code: "list-head" }
  | { code: "num-physpages" };

/** Where a difference belongs on the page, and how loudly. */
export const DIFFERENCE_SEVERITY: Readonly<Record<KernelDifference["code"], "warning" | "info">> = {
  "shrinks-table": "warning",
  "grows-table": "info",
  "lowers-max": "warning",
  "raises-max": "info",
  "same-as-kernel": "info",
  "kernel-capped": "info",
  "kernel-floor": "info",
  "four-gb-vm": "info",
  "no-262144-on-32-bit": "info",
  "ratio-differs": "info",
  "hashsize-factor-8": "info",
  "max-from-unrounded": "info",
  "table-per-namespace": "warning",
  "buckets-sysctl-read-only": "info",
  "ip-conntrack": "info",
  "list-head": "info",
  "num-physpages": "info",
};

/**
 * Explains how the recommendation differs from the kernel's own default for this machine, and
 * what about this kernel version matters for applying it.
 */
export function explainDifferences(
  inputs: Inputs,
  sizing: Sizing,
  kernel: KernelDefault,
): KernelDifference[] {
  const { rules } = kernel;
  const out: KernelDifference[] = [];

  if (sizing.buckets < kernel.buckets) {
    out.push({ code: "shrinks-table", kernelBuckets: kernel.buckets, buckets: sizing.buckets });
  } else if (sizing.buckets > kernel.buckets) {
    out.push({ code: "grows-table", kernelBuckets: kernel.buckets, buckets: sizing.buckets });
  }
  if (sizing.max < kernel.max) out.push({ code: "lowers-max", kernelMax: kernel.max, max: sizing.max });
  else if (sizing.max > kernel.max) out.push({ code: "raises-max", kernelMax: kernel.max, max: sizing.max });
  if (sizing.buckets === kernel.buckets && sizing.max === kernel.max) out.push({ code: "same-as-kernel" });

  if (kernel.cap) {
    out.push({
      code: "kernel-capped",
      capBuckets: kernel.cap.buckets,
      aboveGiB: kernel.cap.aboveBytes / GiB,
    });
  }
  if (kernel.limitedBy === "floor") out.push({ code: "kernel-floor", floorBuckets: rules.floorBuckets });

  // A "4 GB" cloud VM reports MemTotal a little under 4 GiB, and the thresholds are strict `>`.
  const topCap = rules.caps[0];
  if (
    topCap &&
    topCap.aboveBytes === 4 * GiB &&
    (!topCap.only64 || inputs.arch === 64) &&
    inputs.ram > 3 * GiB &&
    inputs.ram <= 4 * GiB
  ) {
    out.push({ code: "four-gb-vm", capBuckets: kernel.bucketsUnrounded });
  }
  if (rules.era === "factor1" && inputs.arch === 32 && inputs.ram > 4 * GiB)
    out.push({ code: "no-262144-on-32-bit" });

  const ratio = inputs.ratio.numerator / inputs.ratio.denominator;
  if (ratio !== rules.maxFactor) out.push({ code: "ratio-differs", kernelRatio: rules.maxFactor });

  // With `hashsize=` the kernel skips auto-sizing and uses max_factor 8 (all eras).
  out.push({ code: "hashsize-factor-8", buckets: sizing.buckets, impliedMax: 8 * sizing.buckets });

  if (!rules.maxFromRoundedSize && kernel.bucketsUnrounded !== kernel.buckets) {
    out.push({ code: "max-from-unrounded", bucketsUnrounded: kernel.bucketsUnrounded });
  }
  if (rules.tablePerNamespace) out.push({ code: "table-per-namespace" });
  if (!rules.bucketsSysctlWritable) out.push({ code: "buckets-sysctl-read-only" });
  if (rules.era === "ip_conntrack") out.push({ code: "ip-conntrack" });
  if (rules.headPointers === 2) out.push({ code: "list-head" });
  if (!rules.ramFromMemTotal) out.push({ code: "num-physpages" });
  return out;
}

/** A version boundary that could not be confirmed from a primary source (docs/formulas.md). */
export type UncertainBoundary =
  | "ip-or-nf-conntrack"
  | "hlist-2.6.23"
  | "netns-start"
  | "cap-65536"
  | "global-table"
  | "boot-line"
  | "rhel9-5.14";

const UNCERTAIN: ReadonlyArray<{ code: UncertainBoundary; from: KernelVersion; until: KernelVersion }> = [
  // 2.6.15 … 2.6.21 ship both ip_conntrack and nf_conntrack.
  { code: "ip-or-nf-conntrack", from: v(2, 6, 15), until: BOUNDARIES.nfConntrackOnly },
  // 2.6.22.15 has list heads and no rounding, 2.6.24 has hlist heads and rounding; 2.6.23 unchecked.
  { code: "hlist-2.6.23", from: v(2, 6, 23), until: BOUNDARIES.factor4 },
  // Per-namespace tables (and max from the unrounded size) believed from 2.6.27.
  { code: "netns-start", from: v(2, 6, 26), until: v(2, 6, 28) },
  // 3.18.47 lacks the > 4 GiB cap and 4.0.5 has it; 3.19 rests on a documentation date.
  { code: "cap-65536", from: BOUNDARIES.cap65536, until: v(4, 0) },
  // Single table, writable buckets sysctl: believed 4.7, the sysctl certain by 4.14.
  { code: "global-table", from: v(4, 5), until: v(4, 15) },
  // The boot line is in 4.12-era source and not in 4.19-era source.
  { code: "boot-line", from: v(4, 12), until: BOUNDARIES.bootLineRemoved },
  // RHEL 9 (5.14) carries many backports; whether it has d532bcd0b269 is not known.
  { code: "rhel9-5.14", from: v(5, 14), until: BOUNDARIES.factor1 },
];

/** The uncertain boundaries that the given version falls inside. */
export function uncertainBoundaries(version: KernelVersion): UncertainBoundary[] {
  return UNCERTAIN.filter(
    ({ from, until }) => atLeast(version, from) && compareKernelVersions(version, until) < 0,
  ).map(({ code }) => code);
}
