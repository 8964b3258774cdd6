import { bytes } from "../core/units";
import { computeKernelDefault, kernelRules } from "../kernel/kernel-defaults";
import { atLeast, tryParseKernelVersion, v } from "../kernel/kernel-version";
import type { ConntrackStats, Diagnostics, NamespaceMessages } from "./dump";
import { suggestedFields } from "./suggestions";

export type Severity = "info" | "warning";

/**
 * Whether the pasted kernel resolves the UDP insert race itself (docs/diagnostics.md, "The
 * counters by era"): "resolves" when the statistics have clash_resolve or the release is 5.10 or
 * later (nf_ct_resolve_clash() and nf_ct_resolve_clash_harder() in nf_conntrack_core.c at
 * 5.10.13); "none" for 4.0 and earlier (a lost race is always dropped in `__nf_conntrack_confirm()`
 * at 4.0.5); "unknown" between (not pinned) or without a release.
 */
export type RaceResolution = "resolves" | "none" | "unknown";

/**
 * What the dump says about the table, as typed codes the UI turns into words. Counters are
 * summed over CPUs. The `cause-*` findings name why packets were dropped or refused, with the
 * numbers that show it; they come first, most important first.
 */
export type Finding =
  /**
   * This namespace's table reached nf_conntrack_max: early drops (early_drop() runs only when the
   * namespace's count is above the max), drops beyond those of the insert race together with
   * table-full messages, or a count above 80 % with either.
   */
  | {
      readonly code: "cause-table-full";
      readonly severity: "warning";
      readonly share: number | null;
      readonly earlyDrop: number | null;
      /** drop minus the drops the insert race accounts for (see otherDrops()). */
      readonly tableFullDrops: number | null;
      readonly messages: number | null;
      readonly suppressedCallbacks: number | null;
    }
  /**
   * Table-full messages that this namespace's counters do not show: another network namespace (a
   * container, a pod) reached the limit, since every namespace counts its own entries against the
   * one nf_conntrack_max. `countersRead` false: without the counters a burst that has passed is
   * as likely.
   */
  | {
      readonly code: "cause-other-namespace";
      readonly severity: "warning";
      readonly messages: number | null;
      readonly netnsMessages: number | null;
      /** The namespaces those messages name (inode numbers), most messages first. */
      readonly namespaces: readonly NamespaceMessages[];
      readonly share: number | null;
      readonly countersRead: boolean;
    }
  /**
   * Inserts lost to an entry already in the table (insert_failed minus chaintoolong): the race of
   * two packets of one new flow (parallel UDP such as DNS A and AAAA queries) at confirmation.
   */
  | {
      readonly code: "cause-insert-race";
      readonly severity: "warning";
      readonly insertFailed: number;
      readonly drop: number;
      readonly clashResolve: number | null;
      readonly share: number | null;
      readonly earlyDrop: number;
      readonly messages: number | null;
      /** The table was full as well (cause-table-full is also listed). */
      readonly tableFull: boolean;
      readonly resolution: RaceResolution;
    }
  /** >= 5.15 refuses an insert into a chain longer than 50..79 entries (d7e7747ac5c2). */
  | {
      readonly code: "cause-chain-too-long";
      readonly severity: "warning";
      readonly chainTooLong: number;
      readonly average: number | null;
    }
  /** Packets conntrack could not track; "warning" from INVALID_NOTABLE on. */
  | { readonly code: "cause-invalid"; readonly severity: Severity; readonly invalid: number }
  /** count / max; "fill-high" above FILL_HIGH. */
  | {
      readonly code: "fill" | "fill-high";
      readonly severity: Severity;
      readonly count: number;
      readonly max: number;
      readonly share: number;
    }
  /**
   * nf_conntrack_max = 0 (docs/kernel-facts.md §3): no limit before 6.19, refused from 6.19
   * (2b749f257645). `kernel`: what the pasted release does with 0 ("unknown" without a release).
   */
  | {
      readonly code: "max-unlimited";
      readonly severity: "warning";
      readonly kernel: "accepts" | "refuses" | "unknown";
    }
  /**
   * A count of 0 beside a max: the dump was most likely taken in a network namespace that tracks
   * nothing (a pod or container), since each namespace counts only its own entries (`cnet->count` in
   * __nf_conntrack_alloc(), errata F9) while the max is the host's.
   */
  | { readonly code: "count-zero-namespace"; readonly severity: "info" }
  /** The counters or the log were read and show no full table, no lost race, no long chain. */
  | { readonly code: "no-table-full"; readonly severity: "info" }
  | { readonly code: "drops"; readonly severity: Severity; readonly drop: number }
  | {
      readonly code: "insert-failed";
      readonly severity: Severity;
      readonly insertFailed: number;
      readonly clashResolve: number | null;
    }
  | { readonly code: "early-drops"; readonly severity: Severity; readonly earlyDrop: number }
  /** The chaintoolong counter itself (>= 5.15). */
  | { readonly code: "chain-too-long"; readonly severity: Severity; readonly chainTooLong: number }
  /** 2 × count / buckets: each entry is hashed once per direction (as in chart-series.ts). */
  | {
      readonly code: "chain-length";
      readonly severity: "info";
      readonly count: number;
      readonly buckets: number;
      readonly average: number;
    }
  | {
      readonly code: "default-max" | "tuned-max";
      readonly severity: "info";
      readonly max: number;
      readonly kernelDefault: number;
    }
  | {
      readonly code: "default-buckets" | "tuned-buckets";
      readonly severity: "info";
      readonly buckets: number;
      readonly kernelDefault: number;
    };

export type FindingCode = Finding["code"];

/** The findings that name a cause, with the fixes for it (listed first by diagnose()). */
export type CauseCode = Extract<FindingCode, `cause-${string}`>;

export type CauseFinding = Extract<Finding, { code: CauseCode }>;

export const isCause = (finding: Finding): finding is CauseFinding => finding.code.startsWith("cause-");

/**
 * The fill share above which the table counts as nearly full.
 */
const FILL_HIGH = 0.8;

/**
 * From this many invalid packets since boot the cause-invalid finding is a warning. The counter has
 * no time base, so this is the page's rule of thumb, not a kernel figure.
 */
const INVALID_NOTABLE = 1000;

/**
 * Drops the insert race does not account for. Where a lost race counts both drop and insert_failed
 * (nf_ct_resolve_clash() at 5.10.13 and 6.1.192) the rest is the table-full drops (and packets a
 * tracker dropped); chaintoolong counts insert_failed without drop (6.1.192), so it is taken out.
 * Where a lost race counts insert_failed alone (4.0.5) this undercounts the table-full drops, which
 * is the safe side: it never makes the race look like a full table.
 */
function otherDrops(stats: ConntrackStats): number {
  const raceFailures = Math.max(0, stats.insertFailed - (stats.chainTooLong ?? 0));
  return Math.max(0, stats.drop - raceFailures);
}

function zeroMax(d: Diagnostics): "accepts" | "refuses" | "unknown" {
  const kernel = tryParseKernelVersion(suggestedFields(d).kernel ?? "");
  if (!kernel.ok) return "unknown";
  return kernelRules(kernel.value).maxZeroMeansNoLimit ? "accepts" : "refuses";
}

function raceResolution(d: Diagnostics): RaceResolution {
  if (d.stats?.clashResolve !== undefined) return "resolves";
  const kernel = tryParseKernelVersion(suggestedFields(d).kernel ?? "");
  if (!kernel.ok) return "unknown";
  if (atLeast(kernel.value, v(5, 10))) return "resolves";
  return atLeast(kernel.value, v(4, 1)) ? "unknown" : "none";
}

/**
 * The causes the dump shows, most important first (see Finding). Never a full table for a problem a
 * bigger table does not solve: the race, long chains and invalid packets have their own codes.
 */
function causes(d: Diagnostics, share: number | null, average: number | null): Finding[] {
  const stats = d.stats;
  const messages = d.tableFullMessages ?? null;
  const netnsMessages = d.tableFullNetnsMessages ?? null;
  const dropsBeyondRace = stats === undefined ? null : otherDrops(stats);
  const logged = (messages ?? 0) > 0;
  const high = share !== null && share > FILL_HIGH;
  const fullHere =
    (stats?.earlyDrop ?? 0) > 0 ||
    ((dropsBeyondRace ?? 0) > 0 && logged) ||
    (high && (logged || (dropsBeyondRace ?? 0) > 0));
  const found: Finding[] = [];
  if (fullHere) {
    found.push({
      code: "cause-table-full",
      severity: "warning",
      share,
      earlyDrop: stats?.earlyDrop ?? null,
      tableFullDrops: dropsBeyondRace,
      messages,
      suppressedCallbacks: d.suppressedCallbacks ?? null,
    });
  }
  if ((netnsMessages ?? 0) > 0 || (logged && !fullHere)) {
    found.push({
      code: "cause-other-namespace",
      severity: "warning",
      messages,
      netnsMessages,
      namespaces: d.tableFullNamespaces ?? [],
      share,
      countersRead: stats !== undefined,
    });
  }
  if (stats !== undefined) {
    const raceFailures = Math.max(0, stats.insertFailed - (stats.chainTooLong ?? 0));
    if (raceFailures > 0) {
      found.push({
        code: "cause-insert-race",
        severity: "warning",
        insertFailed: raceFailures,
        drop: stats.drop,
        clashResolve: stats.clashResolve ?? null,
        share,
        earlyDrop: stats.earlyDrop,
        messages,
        tableFull: fullHere,
        resolution: raceResolution(d),
      });
    }
    if ((stats.chainTooLong ?? 0) > 0) {
      found.push({
        code: "cause-chain-too-long",
        severity: "warning",
        chainTooLong: stats.chainTooLong ?? 0,
        average,
      });
    }
    if ((stats.invalid ?? 0) > 0) {
      const invalid = stats.invalid ?? 0;
      found.push({
        code: "cause-invalid",
        severity: invalid >= INVALID_NOTABLE ? "warning" : "info",
        invalid,
      });
    }
  }
  return found;
}

/**
 * Findings from a parsed dump: first the causes (cause-*), then what the numbers are. Pass the
 * kernel's own default for this machine (see computeDiagnosticsKernelDefault) to learn whether max
 * and buckets were tuned.
 *
 * @example
 * diagnose(parseDiagnostics("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 850\n"))
 * // [{ code: "fill-high", severity: "warning", count: 850, max: 1000, share: 0.85 }]
 */
export function diagnose(d: Diagnostics, kernelDefault?: { max: number; buckets: number }): Finding[] {
  const count = d.conntrackCount ?? d.stats?.entries;
  const max = d.conntrackMax;
  const buckets = d.conntrackBuckets;
  const share = count !== undefined && max !== undefined && max > 0 ? count / max : null;
  const average = count !== undefined && buckets !== undefined && buckets > 0 ? (2 * count) / buckets : null;
  const found = causes(d, share, average);
  const findings: Finding[] = [...found];
  if (max === 0) findings.push({ code: "max-unlimited", severity: "warning", kernel: zeroMax(d) });
  else if (count !== undefined && max !== undefined && share !== null) {
    findings.push(
      share > FILL_HIGH
        ? { code: "fill-high", severity: "warning", count, max, share }
        : { code: "fill", severity: "info", count, max, share },
    );
  }
  if (count === 0 && max !== undefined && max > 0)
    findings.push({ code: "count-zero-namespace", severity: "info" });
  const stats = d.stats;
  const blocking = found.some((f) => f.code !== "cause-invalid");
  if (!blocking && (d.tableFullMessages !== undefined || stats !== undefined)) {
    findings.push({ code: "no-table-full", severity: "info" });
  }
  if (stats !== undefined) {
    const level = (n: number): Severity => (n > 0 ? "warning" : "info");
    findings.push({ code: "drops", severity: level(stats.drop), drop: stats.drop });
    findings.push({
      code: "insert-failed",
      severity: level(stats.insertFailed),
      insertFailed: stats.insertFailed,
      clashResolve: stats.clashResolve ?? null,
    });
    findings.push({ code: "early-drops", severity: level(stats.earlyDrop), earlyDrop: stats.earlyDrop });
    if (stats.chainTooLong !== undefined) {
      findings.push({
        code: "chain-too-long",
        severity: level(stats.chainTooLong),
        chainTooLong: stats.chainTooLong,
      });
    }
  }
  if (count !== undefined && buckets !== undefined && average !== null) {
    findings.push({ code: "chain-length", severity: "info", count, buckets, average });
  }
  if (kernelDefault !== undefined) {
    if (max !== undefined) {
      findings.push({
        code: max === kernelDefault.max ? "default-max" : "tuned-max",
        severity: "info",
        max,
        kernelDefault: kernelDefault.max,
      });
    }
    if (buckets !== undefined) {
      findings.push({
        code: buckets === kernelDefault.buckets ? "default-buckets" : "tuned-buckets",
        severity: "info",
        buckets,
        kernelDefault: kernelDefault.buckets,
      });
    }
  }
  return findings;
}

/**
 * What the kernel picks by itself on the pasted machine (kernel-defaults.ts), for diagnose():
 * needs MemTotal, the architecture and a kernel version; the page size defaults to 4096 when not
 * pasted (pageBytesAssumed). Null when something needed is missing. It assumes no hashsize= was
 * given at boot; if one was, the buckets show as tuned, which they are.
 *
 * @example
 * computeDiagnosticsKernelDefault(parseDiagnostics("MemTotal: 24683620 kB\n6.18.44 x86_64\n"))
 * // { max: 262144, buckets: 262144, pageBytesAssumed: true }
 */
export function computeDiagnosticsKernelDefault(
  d: Diagnostics,
): { max: number; buckets: number; pageBytesAssumed: boolean } | null {
  if (d.memTotalBytes === undefined || d.arch === undefined) return null;
  const kernel = tryParseKernelVersion(suggestedFields(d).kernel ?? "");
  if (!kernel.ok) return null;
  const computed = computeKernelDefault({
    ram: bytes(d.memTotalBytes),
    arch: d.arch,
    kernel: kernel.value,
    page: bytes(d.pageBytes ?? 4096),
    // Only the memory figures depend on it, and only max and buckets are used here.
    struct: bytes(256),
  });
  return { max: computed.max, buckets: computed.buckets, pageBytesAssumed: d.pageBytes === undefined };
}
