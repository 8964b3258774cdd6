import { floorDiv, roundUp } from "../core/integer";
import type { Arch } from "../sizing/inputs";
import { BOUNDARIES, maxFactor, tableGeometry } from "./kernel-boundaries";
import { atLeast, v, type KernelVersion } from "./kernel-version";
import { computeTableGeometry } from "./table-geometry";
import { bytes, GiB, type Bytes } from "../core/units";

/**
 * How one kernel version sizes conntrack by itself, era by era (docs/formulas.md, "What the
 * kernel does by itself"). Every boundary below cites its source; the ones that could not be
 * confirmed are listed in kernel-compare.ts (UNCERTAIN) and shown to users who pick a version
 * inside them.
 */
/**
 * The RAM rule's divisor: nf_conntrack_init_start() (ip_conntrack_init() before it) sizes the table
 * as `(totalram_pages() << PAGE_SHIFT) / 16384 / sizeof(struct hlist_head)`: one bucket head per
 * 16 KiB of RAM for each byte of the head.
 */
export const RAM_PER_HEAD_BYTE = 16384;

/**
 * The RAM the caps start above (strict `>`, compared in pages): more than 1 GiB, and more than
 * 4 GiB (the 65536 cap from BOUNDARIES.cap65536, the 64-bit 262144 cap of d532bcd0b269).
 */
export const CAP_ABOVE = { oneGiB: bytes(GiB), fourGiB: bytes(4 * GiB) } as const;

export interface KernelRules {
  /** Which code sizes the table. */
  readonly era: "ip_conntrack" | "list_head" | "factor4" | "factor1";
  /** The module and sysctl names of that code. */
  readonly names: ConntrackNames;
  /** sizeof(bucket head) in pointers: 2 for struct list_head, 1 for hlist heads (2.6.23 on). */
  readonly headPointers: 1 | 2;
  /** nf_conntrack_max = factor × buckets when the kernel sizes the table itself. */
  readonly maxFactor: 8 | 4 | 1;
  /** Smallest automatic bucket count. */
  readonly floorBuckets: number;
  /** Caps on the automatic bucket count, most RAM first; the first that applies wins. */
  readonly caps: readonly BucketCap[];
  /** Whether the table size is rounded up to whole pages of heads (nf_ct_alloc_hashtable()). */
  readonly roundsToPages: boolean;
  /** Whether max is computed from the rounded table size (not in the per-namespace era, 2.6.28 … 4.6). */
  readonly maxFromRoundedSize: boolean;
  /** ≥ 4.8 (3183ab8997a4): net.netfilter.nf_conntrack_buckets can be written by sysctl. */
  readonly bucketsSysctlWritable: boolean;
  /**
   * ≥ 2.6.15 (eed75f191d83): the hashsize module parameter can be written at run time, which
   * resizes the loaded table; before, it is read only at module load.
   */
  readonly hashsizeWritable: boolean;
  /**
   * ≥ 5.13 (2671fa4dc010): nf_conntrack_max can be written only from the host's network
   * namespace; before, also from a privileged container, which changed the host-wide value.
   */
  readonly maxSysctlHostOnly: boolean;
  /**
   * Before 6.19 nf_conntrack_max = 0 means no limit (`if (nf_conntrack_max && unlikely(ct_count >
   * nf_conntrack_max))` in __nf_conntrack_alloc()); from 6.19 the sysctl refuses 0 (2b749f257645).
   */
  readonly maxZeroMeansNoLimit: boolean;
  /** 2.6.28 … 4.6: every network namespace allocates a table of its own. */
  readonly tablePerNamespace: boolean;
  /** ≥ 2.6.32: sized from totalram_pages (MemTotal); before, from num_physpages (closer to installed RAM). */
  readonly ramFromMemTotal: boolean;
  /** The line the kernel logs when it sizes the table, if this version prints one. */
  readonly bootLine:
    | { readonly module: "ip_conntrack"; readonly version: string }
    | { readonly module: "nf_conntrack" }
    | null;
}

export interface ConntrackNames {
  readonly module: "nf_conntrack" | "ip_conntrack";
  readonly maxSysctl: string;
  readonly bucketsSysctl: string;
  readonly hashsizeParameter: string;
}

export interface BucketCap {
  /** Applies when MemTotal in pages is strictly above this many bytes' worth of pages. */
  readonly aboveBytes: number;
  readonly buckets: number;
  /** Only on 64-bit kernels (BITS_PER_LONG >= 64). */
  readonly only64: boolean;
}

const NF_NAMES: ConntrackNames = {
  module: "nf_conntrack",
  maxSysctl: "net.netfilter.nf_conntrack_max",
  bucketsSysctl: "net.netfilter.nf_conntrack_buckets",
  hashsizeParameter: "/sys/module/nf_conntrack/parameters/hashsize",
};

const IP_NAMES: ConntrackNames = {
  module: "ip_conntrack",
  maxSysctl: "net.ipv4.netfilter.ip_conntrack_max",
  bucketsSysctl: "net.ipv4.netfilter.ip_conntrack_buckets",
  hashsizeParameter: "/sys/module/ip_conntrack/parameters/hashsize",
};

/**
 * ip_conntrack's IP_CONNTRACK_VERSION, printed in its boot line: "2.1" up to 2.6.13, "2.3" in
 * 2.6.14, "2.4" from 2.6.15 (ip_conntrack_core.c of those releases).
 */
function ipConntrackVersion(version: KernelVersion): string {
  if (atLeast(version, v(2, 6, 15))) return "2.4";
  if (atLeast(version, v(2, 6, 14))) return "2.3";
  return "2.1";
}

/** The rules of the given kernel version. */
export function kernelRules(version: KernelVersion): KernelRules {
  const globalTable = atLeast(version, BOUNDARIES.globalTable);
  const perNamespace = atLeast(version, BOUNDARIES.tablePerNamespace) && !globalTable;
  const common = {
    maxFromRoundedSize: !perNamespace,
    bucketsSysctlWritable: atLeast(version, BOUNDARIES.bucketsSysctlWritable),
    hashsizeWritable: atLeast(version, BOUNDARIES.hashsizeWritable),
    maxSysctlHostOnly: atLeast(version, BOUNDARIES.maxSysctlHostOnly),
    maxZeroMeansNoLimit: !atLeast(version, BOUNDARIES.maxZeroRefused),
    tablePerNamespace: perNamespace,
    ramFromMemTotal: atLeast(version, BOUNDARIES.totalramPages),
  };
  if (atLeast(version, BOUNDARIES.factor1)) {
    // d532bcd0b269: caps 262144 (64-bit, > 4 GiB) and 65536 (> 1 GiB), floor 1024, factor 1.
    return {
      ...common,
      era: "factor1",
      names: NF_NAMES,
      ...tableGeometry(version),
      maxFactor: maxFactor(version),
      floorBuckets: 1024,
      caps: [
        { aboveBytes: CAP_ABOVE.fourGiB, buckets: 262144, only64: true },
        { aboveBytes: CAP_ABOVE.oneGiB, buckets: 65536, only64: false },
      ],
      bootLine: null,
    };
  }
  if (atLeast(version, BOUNDARIES.factor4)) {
    // nf_conntrack_init_init_net() / nf_conntrack_init_start(): "Use a max. factor of four by
    // default to get the same max as with the old struct list_heads."
    return {
      ...common,
      era: "factor4",
      names: NF_NAMES,
      ...tableGeometry(version),
      maxFactor: maxFactor(version),
      floorBuckets: 32,
      caps: [
        ...(atLeast(version, BOUNDARIES.cap65536)
          ? [{ aboveBytes: CAP_ABOVE.fourGiB, buckets: 65536, only64: false }]
          : []),
        { aboveBytes: CAP_ABOVE.oneGiB, buckets: 16384, only64: false },
      ],
      bootLine: atLeast(version, BOUNDARIES.bootLineRemoved) ? null : { module: "nf_conntrack" },
    };
  }
  // ip_conntrack_init() and the first nf_conntrack_init(): list_head heads, 8192 cap, floor 16,
  // max = 8 × buckets, no rounding (ip_conntrack's alloc_hashtable() used the size as given).
  const ipConntrack = !atLeast(version, BOUNDARIES.nfConntrackOnly);
  return {
    ...common,
    era: ipConntrack ? "ip_conntrack" : "list_head",
    names: ipConntrack ? IP_NAMES : NF_NAMES,
    ...tableGeometry(version),
    maxFactor: maxFactor(version),
    floorBuckets: 16,
    caps: [{ aboveBytes: CAP_ABOVE.oneGiB, buckets: 8192, only64: false }],
    bootLine: ipConntrack
      ? { module: "ip_conntrack", version: ipConntrackVersion(version) }
      : { module: "nf_conntrack" },
  };
}

export interface KernelDefault {
  readonly rules: KernelRules;
  /** The automatic size before page rounding (what pre-4.7 boot lines print). */
  readonly bucketsUnrounded: number;
  /** The table the kernel allocates: nf_conntrack_buckets as read back. */
  readonly buckets: number;
  readonly max: number;
  /** Which rule decided the automatic size. */
  readonly limitedBy: "ram" | "cap" | "floor";
  /** The cap that applied, if one did. */
  readonly cap: BucketCap | null;
  /** Bytes of one bucket head. */
  readonly headBytes: Bytes;
  readonly memory: { readonly entries: Bytes; readonly hashTable: Bytes; readonly total: Bytes };
  /** The kernel log line for this sizing, as dmesg shows it, or null if this version prints none. */
  readonly bootLine: string | null;
}

/**
 * What a kernel picks on its own when no hashsize is given, from MemTotal.
 *
 * @example
 * // 6.18 x86_64, MemTotal 24683620 kB: 262144 buckets, max 262144 (measured).
 * computeKernelDefault({ ram: 24683620 * 1024, arch: 64, kernel: v(6, 18), page: 4096, struct: 256 })
 */
export function computeKernelDefault(params: {
  ram: Bytes;
  arch: Arch;
  kernel: KernelVersion;
  page: Bytes;
  struct: Bytes;
}): KernelDefault {
  const rules = kernelRules(params.kernel);
  const { headBytes, bucketStep } = computeTableGeometry(params.kernel, params.arch, params.page);
  // totalram_pages() (num_physpages before 2.6.32), compared in pages with strict `>`.
  const pages = floorDiv(params.ram, params.page);
  const fromRam = floorDiv(floorDiv(pages * params.page, RAM_PER_HEAD_BYTE), headBytes);
  const cap =
    rules.caps.find(
      (c) => (!c.only64 || params.arch === 64) && pages > floorDiv(c.aboveBytes, params.page),
    ) ?? null;
  let unrounded = cap ? cap.buckets : fromRam;
  let limitedBy: KernelDefault["limitedBy"] = cap ? "cap" : "ram";
  if (unrounded < rules.floorBuckets) {
    unrounded = rules.floorBuckets;
    limitedBy = "floor";
  }
  // nf_ct_alloc_hashtable(): roundup(size, PAGE_SIZE / sizeof(struct hlist_nulls_head)); step 1 before 2.6.23.
  const buckets = roundUp(unrounded, bucketStep);
  // Outside the per-namespace era the table is allocated first and max derived from its rounded
  // size (v2.6.23's nf_conntrack_init(); 48f4e7f7c2b4 for ≥ 4.7).
  const max = rules.maxFactor * (rules.maxFromRoundedSize ? buckets : unrounded);
  const entries = bytes(max * params.struct);
  const hashTable = bytes(buckets * headBytes);
  return {
    rules,
    bucketsUnrounded: unrounded,
    buckets,
    max,
    limitedBy,
    cap: limitedBy === "cap" ? cap : null,
    headBytes,
    memory: { entries, hashTable, total: bytes(entries + hashTable) },
    bootLine: renderBootLine(rules, rules.maxFromRoundedSize ? buckets : unrounded, max, params.struct),
  };
}

/**
 * The kernel's own log line. nf_conntrack: printk("nf_conntrack version %s (%u buckets, %d max)\n",
 * NF_CONNTRACK_VERSION = "0.5.0", …); ip_conntrack: "ip_conntrack version %s (%u buckets, %d max)
 * - %Zd bytes per conntrack" with IP_CONNTRACK_VERSION and sizeof(struct ip_conntrack).
 */
function renderBootLine(rules: KernelRules, buckets: number, max: number, struct: Bytes): string | null {
  const line = rules.bootLine;
  if (line === null) return null;
  if (line.module === "nf_conntrack") return `nf_conntrack version 0.5.0 (${buckets} buckets, ${max} max)`;
  return `ip_conntrack version ${line.version} (${buckets} buckets, ${max} max) - ${struct} bytes per conntrack`;
}
