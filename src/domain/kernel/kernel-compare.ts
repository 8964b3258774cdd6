import type { Inputs } from "../sizing/inputs";
import { BOUNDARIES } from "./kernel-boundaries";
import { CAP_ABOVE, type KernelDefault } from "./kernel-defaults";
import { atLeast, compareKernelVersions, NEWEST_KERNEL, v, type KernelVersion } from "./kernel-version";
import type { Sizing } from "../sizing/sizing";
import { GiB } from "../core/units";
import type { HugeVmallocArch } from "./hash-table-footprint";

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
  | { code: "hashsize-at-load-only" }
  | { code: "ip-conntrack" }
  | { code: "list-head" }
  | { code: "num-physpages" }
  | { code: "max-zero-refused" }
  | {
      code: "huge-vmalloc";
      tableBytes: number;
      upToBytes: number;
      hugePageBytes: number;
      hugeOn: readonly HugeVmallocArch[];
    };

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
  "hashsize-at-load-only": "warning",
  "ip-conntrack": "info",
  "list-head": "info",
  "num-physpages": "info",
  "max-zero-refused": "info",
  "huge-vmalloc": "info",
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
    topCap.aboveBytes === CAP_ABOVE.fourGiB &&
    (!topCap.only64 || inputs.arch === 64) &&
    inputs.ram > CAP_ABOVE.fourGiB - GiB &&
    inputs.ram <= CAP_ABOVE.fourGiB
  ) {
    out.push({ code: "four-gb-vm", capBuckets: kernel.bucketsUnrounded });
  }
  if (rules.era === "factor1" && inputs.arch === 32 && inputs.ram > CAP_ABOVE.fourGiB)
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
  if (!rules.hashsizeWritable) out.push({ code: "hashsize-at-load-only" });
  if (rules.era === "ip_conntrack") out.push({ code: "ip-conntrack" });
  if (rules.headPointers === 2) out.push({ code: "list-head" });
  if (!rules.ramFromMemTotal) out.push({ code: "num-physpages" });
  if (!rules.maxZeroMeansNoLimit) out.push({ code: "max-zero-refused" });
  // The table's own footprint (hash-table-footprint.ts): a range once huge vmalloc pages may round it.
  const footprint = sizing.hashTableFootprint;
  if (footprint && footprint.hugePageBytes !== null && footprint.upToBytes > footprint.bytes) {
    out.push({
      code: "huge-vmalloc",
      tableBytes: footprint.bytes,
      upToBytes: footprint.upToBytes,
      hugePageBytes: footprint.hugePageBytes,
      hugeOn: footprint.hugeOn,
    });
  }
  return out;
}

/**
 * Whether the comparison warns: a difference worth a warning, or a version whose behaviour the
 * version alone does not tell. The page opens the kernel's section by itself then.
 *
 * @example kernelWarns(inputs, computeSizing(inputs), computeKernelDefault(inputs)) // true for the
 * article's ratio 4 on 6.12, which shrinks the kernel's own 262144-bucket table
 */
export function kernelWarns(inputs: Inputs, sizing: Sizing, kernel: KernelDefault): boolean {
  return (
    uncertainBoundaries(inputs.kernel).length > 0 ||
    explainDifferences(inputs, sizing, kernel).some(
      (difference) => DIFFERENCE_SEVERITY[difference.code] === "warning",
    )
  );
}

/**
 * A version window whose behaviour cannot be told from the version alone. 2.6.15 to 2.6.21 ship
 * both ip_conntrack and nf_conntrack (587aa64163b removed ip_conntrack in 2.6.22), and which one a
 * host runs depends on its build. Every other boundary was checked in the source of the releases
 * on both sides (BOUNDARIES in kernel-defaults.ts).
 */
export type UncertainBoundary = "ip-or-nf-conntrack" | "newer-than-checked";

const UNCERTAIN: ReadonlyArray<{ code: UncertainBoundary; from: KernelVersion; until: KernelVersion }> = [
  { code: "ip-or-nf-conntrack", from: v(2, 6, 15), until: BOUNDARIES.nfConntrackOnly },
  // Anything after the newest release whose source was read (NEWEST_KERNEL) is not checked.
  { code: "newer-than-checked", from: v(NEWEST_KERNEL.major, NEWEST_KERNEL.minor + 1), until: v(99, 999) },
];

/** The uncertain windows that the given version falls inside. */
export function uncertainBoundaries(version: KernelVersion): UncertainBoundary[] {
  return UNCERTAIN.filter(
    ({ from, until }) => atLeast(version, from) && compareKernelVersions(version, until) < 0,
  ).map(({ code }) => code);
}
