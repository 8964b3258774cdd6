import { ceilDiv, floorDiv, roundDown, roundUp } from "../core/integer";
import { INT_MAX, type Arch, type Inputs } from "./inputs";
import { pointerBytes } from "../kernel/arch";
import { RAM_PER_HEAD_BYTE } from "../kernel/kernel-defaults";
import { computeTableGeometry } from "../kernel/table-geometry";
import { computeHashTableFootprint, type HashTableFootprint } from "../kernel/hash-table-footprint";
import { bytes, MiB, GiB, type Bytes } from "../core/units";

/** Entries per bucket in the RAM-proportional rule: the kernel's default from 2.6.23 to 5.14. */
const RAM_RULE_ENTRIES_PER_BUCKET = 4;

/**
 * RAM per conntrack entry in the RAM-proportional rule: MemTotal / 16384 bytes of hash heads
 * (RAM_PER_HEAD_BYTE), one pointer each, times 4 entries per bucket (nf_conntrack_init_init_net()):
 * 64-bit gives RAM / 32768 (RAM in MiB × 32), 32-bit RAM / 16384 (RAM in MiB × 64). The same
 * numbers as the list_head era's 8 × RAM / 16384 / (2 × P).
 */
export function ramBytesPerEntry(arch: Arch): number {
  return (RAM_PER_HEAD_BYTE * pointerBytes(arch)) / RAM_RULE_ENTRIES_PER_BUCKET;
}

/**
 * The RAM rule's nf_conntrack_max before the INT_MAX clamp: MemTotal / ramBytesPerEntry(), rounded down.
 *
 * @example ramRuleEntries({ ram: 16 GiB, arch: 64 }) === 524288
 */
export function ramRuleEntries(inputs: Pick<Inputs, "ram" | "arch">): number {
  return floorDiv(inputs.ram, ramBytesPerEntry(inputs.arch));
}

/**
 * The same rule written out for people: entries per MiB of RAM (the "32" of "RAM in MiB × 32").
 * One MiB divides evenly by ramBytesPerEntry(), so the factor is exact.
 *
 * @example ramEntriesPerMiB(64) === 32 // nf_conntrack_max = RAM in MiB × 32
 */
export function ramEntriesPerMiB(arch: Arch): number {
  return MiB / ramBytesPerEntry(arch);
}

/**
 * The largest table the kernel will allocate: nf_ct_alloc_hashtable() refuses sizes above
 * INT_MAX / sizeof(struct hlist_nulls_head) (b541ba7d1f5a, CVE-2025-21648), checked again after
 * rounding, so the largest usable size is that bound rounded down to the page step:
 * 268434944 on 64-bit with 4 KiB pages. (Older kernels had looser bounds; the same cap keeps
 * every recommendation allocatable.) The Ansible fleet tasks clamp each host's count to it too.
 */
export function largestBucketCount(headBytes: Bytes, step: number): number {
  return roundDown(floorDiv(INT_MAX, headBytes), step);
}

/**
 * Kernel low memory on 32-bit x86 with the default 3G/1G split: the kernel maps at most
 * 896 MiB directly, and slab objects (conntrack entries) and the hash table must live there.
 */
const LOWMEM_BYTES = bytes(896 * MiB);
/**
 * 32-bit x86 kernels with PAE address at most 64 GiB of RAM (36-bit physical addresses); 32-bit
 * ARM with LPAE reaches 1 TiB (40 bits), so the warning names x86.
 */
const PAE_LIMIT_BYTES = bytes(64 * GiB);

/**
 * Warning thresholds (shares are fractions of 1).
 */
const THRESHOLDS = {
  /** A full table taking this share of low memory starves everything else the kernel keeps there. */
  lowmemShare: 0.25,
  /** Unswappable memory above this share of RAM deserves a second look. */
  ramShare: 0.1,
  /**
   * Average chain length at a full table above which lookups get slow; since 5.15 the kernel
   * refuses insertion once one chain reaches a random 50–79 entries (d7e7747ac5c2).
   */
  chainLength: 16,
} as const;

export type SizingWarning =
  | { code: "max-clamped"; concerns: "max"; unclamped: number }
  | { code: "buckets-clamped"; concerns: "buckets"; unclamped: number }
  | { code: "long-chains"; concerns: "buckets"; chainLength: number }
  | { code: "lowmem-large"; concerns: "memory"; share: number }
  | { code: "ram-share-large"; concerns: "memory"; share: number }
  | { code: "ram-beyond-pae"; concerns: "memory" };

export interface Sizing {
  /** nf_conntrack_max to set. */
  readonly max: number;
  /** Where max comes from: the RAM rule, the reader's own figure, or the traffic's need (answer.ts). */
  readonly maxSource: "ram" | "explicit" | "traffic";
  /** ceil(max / ratio): the bucket count asked for, before the kernel's page rounding. */
  readonly bucketsRequested: number;
  /** nf_conntrack_buckets as the kernel allocates it (rounded, clamped): the value written to the config. */
  readonly buckets: number;
  /** The multiple the kernel rounds the table to; 1 on kernels that do not round (before 2.6.23). */
  readonly bucketStep: number;
  /** sizeof(bucket head): one pointer, two (struct list_head) before 2.6.23. */
  readonly headBytes: Bytes;
  /** Average hash chain length at a full table: every entry is hashed twice (original and reply). */
  readonly chainLengthAtFull: number;
  readonly memory: {
    /** max × bytes per entry: slab objects, allocated as connections arrive. */
    readonly entries: Bytes;
    /** buckets × head size: allocated up front. */
    readonly hashTable: Bytes;
    readonly total: Bytes;
  };
  /**
   * What the hash table occupies once allocated: a power-of-two block up to 4 MiB, else page-exact
   * up to rounded to 2 MiB where huge vmalloc mappings apply; null if not modelled.
   */
  readonly hashTableFootprint: HashTableFootprint | null;
  /** total / RAM. */
  readonly ramShare: number;
  /** total / 896 MiB on 32-bit; null on 64-bit. */
  readonly lowmemShare: number | null;
  readonly warnings: readonly SizingWarning[];
}

/**
 * Recommended nf_conntrack_max and nf_conntrack_buckets and their memory at a full table,
 * by the RAM-proportional method (see docs/formulas.md). Exact integer arithmetic throughout.
 *
 * @example
 * // The article's worked example: 787752 MiB, 64-bit, 4 entries per bucket, 352 B per entry.
 * computeSizing({ ram: 787752 MiB, arch: 64, ratio: 4, struct: 352, max: null, … })
 * // → max 25208064, bucketsRequested 6302016, buckets 6302208, memory.total 8923656192
 */
export function computeSizing(inputs: Inputs): Sizing {
  const warnings: SizingWarning[] = [];
  // The chosen kernel decides the head size and whether tables are rounded to pages.
  const { headBytes, bucketStep: step } = computeTableGeometry(inputs.kernel, inputs.arch, inputs.page);

  let max: number;
  if (inputs.max !== null) {
    max = inputs.max;
  } else {
    const fromRam = ramRuleEntries(inputs);
    // The sysctl accepts 0..INT_MAX (proc_dointvec_minmax, 8b6861390ffe).
    max = Math.min(fromRam, INT_MAX);
    if (fromRam > INT_MAX) warnings.push({ code: "max-clamped", concerns: "max", unclamped: fromRam });
  }

  // buckets = ceil(max / (n / d)) = ceil(max × d / n); max × d <= 2^31 × 10^6 < 2^53.
  const bucketsRequested = ceilDiv(max * inputs.ratio.denominator, inputs.ratio.numerator);
  const rounded = roundUp(bucketsRequested, step);
  const largest = largestBucketCount(headBytes, step);
  const buckets = Math.min(rounded, largest);
  if (rounded > largest) warnings.push({ code: "buckets-clamped", concerns: "buckets", unclamped: rounded });

  const chainLengthAtFull = (2 * max) / buckets;
  if (chainLengthAtFull > THRESHOLDS.chainLength) {
    warnings.push({ code: "long-chains", concerns: "buckets", chainLength: chainLengthAtFull });
  }

  const entries = bytes(max * inputs.struct);
  const hashTable = bytes(buckets * headBytes);
  const total = bytes(entries + hashTable);
  const ramShare = total / inputs.ram;
  const lowmemShare = inputs.arch === 32 ? total / LOWMEM_BYTES : null;

  if (lowmemShare !== null && lowmemShare > THRESHOLDS.lowmemShare) {
    warnings.push({ code: "lowmem-large", concerns: "memory", share: lowmemShare });
  }
  if (ramShare > THRESHOLDS.ramShare)
    warnings.push({ code: "ram-share-large", concerns: "memory", share: ramShare });
  if (inputs.arch === 32 && inputs.ram > PAE_LIMIT_BYTES)
    warnings.push({ code: "ram-beyond-pae", concerns: "memory" });

  return {
    max,
    maxSource: inputs.max === null ? "ram" : "explicit",
    bucketsRequested,
    buckets,
    bucketStep: step,
    headBytes,
    chainLengthAtFull,
    memory: { entries, hashTable, total },
    hashTableFootprint: computeHashTableFootprint(hashTable, inputs),
    ramShare,
    lowmemShare,
    warnings,
  };
}
