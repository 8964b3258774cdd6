import type { Arch } from "../sizing/inputs";

/** What parseDiagnostics() makes of a pasted dump: every line's kind, and the values read. */

export type RecognisedKind =
  | "meminfo"
  | "free-header"
  | "free-mem"
  | "uname"
  | "page-size"
  | "sysctl-max"
  | "sysctl-buckets"
  | "sysctl-count"
  | "sysctl-timeout"
  | "sysctl-other"
  | "hashsize"
  | "bare-value"
  | "slabinfo"
  | "stat-header"
  | "stat-row"
  | "conntrack-stats"
  | "table-full"
  | "table-full-count"
  | "ratelimit-suppressed"
  | "boot-line"
  | "unavailable";

export type LineKind = RecognisedKind | "ignored";

/**
 * Why a line was treated as it was, when its kind alone does not say:
 * - duplicate / conflict / superseded: see parse-diagnostics.ts (first value wins);
 * - command: a command line (prompt or a known command); its output is read on the lines after it;
 * - comment: starts with "#" and is not a command;
 * - too-long: longer than MAX_LINE_CHARS, not read;
 * - free-unit-unknown: a `free` row whose unit cannot be told (see readFreeMem);
 * - free-unit-unsupported: a `free -m`, `-g`, `-h` or `--si` row, too coarse for the calculator;
 * - no-header: a /proc/net/stat row pasted without its header line;
 * - unknown-machine: a `uname` line whose machine is not in the architecture table.
 */
export type LineNote =
  | "duplicate"
  | "conflict"
  | "superseded"
  | "command"
  | "comment"
  | "too-long"
  | "free-unit-unknown"
  | "free-unit-unsupported"
  | "no-header"
  | "unknown-machine";

export interface DiagnosticLine {
  /** 1-based, counting every line including blank ones. */
  readonly lineNumber: number;
  /** The line for display: at most DISPLAY_CHARS, control characters replaced by U+FFFD. */
  readonly text: string;
  readonly kind: LineKind;
  readonly note?: LineNote;
}

/** What the collector or an error message says could not be read. */
export type UnavailableSource = "sysctl" | "slabinfo" | "stats" | "kernel-log";

export interface NamespaceMessages {
  readonly inum: number;
  readonly messages: number;
}

export interface SlabCost {
  /** The slab cache's name: nf_conntrack, or nf_conntrack_<id> on kernels <= 4.6. */
  readonly cache: string;
  /** <objsize>: the slot one entry takes in the slab. */
  readonly objectSize: number;
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
  /** ceil(pageBytes × pagesPerSlab / objectsPerSlab): the slot plus its share of slab waste. */
  readonly effectiveBytesPerEntry: number;
  /** The page size the effective cost was computed with. */
  readonly pageBytes: number;
  /** True when no page size was pasted and 4096 was assumed. */
  readonly pageBytesAssumed: boolean;
}

/** Per-CPU counters summed over CPUs (docs/kernel-facts.md §8). */
export interface ConntrackStats {
  /** `/proc/net/stat/nf_conntrack` (hex table) or `conntrack -S` (key=value rows). */
  readonly source: "proc" | "conntrack-S";
  readonly cpus: number;
  /** The table's entry count, printed on every /proc row (taken once, not summed). */
  readonly entries?: number;
  readonly drop: number;
  readonly earlyDrop: number;
  readonly insertFailed: number;
  readonly found?: number;
  readonly invalid?: number;
  readonly searchRestart?: number;
  readonly chainTooLong?: number;
  readonly clashResolve?: number;
}

export interface BootLine {
  readonly module: "nf_conntrack" | "ip_conntrack";
  readonly buckets: number;
  readonly max: number;
  /** ip_conntrack's "- N bytes per conntrack": sizeof(struct ip_conntrack). */
  readonly bytesPerEntry?: number;
}

export interface Diagnostics {
  readonly lines: readonly DiagnosticLine[];
  /** The input was longer than MAX_INPUT_CHARS or MAX_LINES; the rest was not read. */
  readonly truncated: boolean;
  readonly memTotalBytes?: number;
  readonly memTotalSource?: "meminfo" | "free";
  /** `uname -m` as printed. */
  readonly machine?: string;
  readonly arch?: Arch;
  /** `uname -r` as printed. */
  readonly kernelRelease?: string;
  readonly pageBytes?: number;
  readonly conntrackMax?: number;
  readonly conntrackBuckets?: number;
  readonly conntrackCount?: number;
  /** Timeout sysctls by name without the net.netfilter. prefix, in seconds. */
  readonly timeouts: Readonly<Record<string, number>>;
  readonly slab?: SlabCost;
  readonly stats?: ConntrackStats;
  readonly tableFullMessages?: number;
  readonly tableFullSource?: "collector-count" | "log-lines";
  /**
   * `table full in netns <inum>, dropping packet` (6.17 and later, errata F6): a namespace other than
   * the initial one hit nf_conntrack_max; the initial namespace still logs the plain wording.
   */
  readonly tableFullNetnsMessages?: number;
  /**
   * Which namespaces those were: the inode number each `table full in netns <inum>` line names (the
   * number `lsns -t net` and `ls -l /proc/<pid>/ns/net` show), most messages first.
   */
  readonly tableFullNamespaces?: readonly NamespaceMessages[];
  /** Sum of `net_ratelimit: N callbacks suppressed` (any rate-limited network message). */
  readonly suppressedCallbacks?: number;
  readonly bootLine?: BootLine;
  /** Sources reported unreadable and not found elsewhere in the paste. */
  readonly unavailable: readonly UnavailableSource[];
}
