import { bytes } from "../core/units";
import { computeKernelDefault } from "../kernel/kernel-defaults";
import { tryParseKernelVersion } from "../kernel/kernel-version";
import type { Diagnostics } from "./dump";
import { suggestedFields } from "./suggestions";

export type Severity = "info" | "warning";

/**
 * What the dump says about the table, as typed codes the UI turns into words. Counters are
 * summed over CPUs.
 */
export type Finding =
  /** count / max; "fill-high" above FILL_HIGH. */
  | {
      readonly code: "fill" | "fill-high";
      readonly severity: Severity;
      readonly count: number;
      readonly max: number;
      readonly share: number;
    }
  /** nf_conntrack_max = 0: no limit (docs/kernel-facts.md §3). */
  | { readonly code: "max-unlimited"; readonly severity: "warning" }
  /** Table-full messages seen (collector count or log lines) or the drop counter above 0. */
  | {
      readonly code: "table-full-seen";
      readonly severity: "warning";
      readonly messages: number | null;
      readonly drop: number | null;
      readonly suppressedCallbacks: number | null;
    }
  /** The counters or the log were read and show no table-full drop. */
  | { readonly code: "no-table-full"; readonly severity: "info" }
  | { readonly code: "drops"; readonly severity: Severity; readonly drop: number }
  | { readonly code: "insert-failed"; readonly severity: Severity; readonly insertFailed: number }
  | { readonly code: "early-drops"; readonly severity: Severity; readonly earlyDrop: number }
  /** >= 5.15 refuses an insert into a chain of 50..79 entries (d7e7747ac5c2). */
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

/**
 * The fill share above which the table counts as nearly full.
 */
const FILL_HIGH = 0.8;

/**
 * Findings from a parsed dump. Pass the kernel's own default for this machine (see
 * computeDiagnosticsKernelDefault) to learn whether max and buckets were tuned.
 *
 * @example
 * diagnose(parseDiagnostics("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 850\n"))
 * // [{ code: "fill-high", severity: "warning", count: 850, max: 1000, share: 0.85 }]
 */
export function diagnose(d: Diagnostics, kernelDefault?: { max: number; buckets: number }): Finding[] {
  const findings: Finding[] = [];
  const count = d.conntrackCount ?? d.stats?.entries;
  const max = d.conntrackMax;
  if (max === 0) findings.push({ code: "max-unlimited", severity: "warning" });
  else if (count !== undefined && max !== undefined) {
    const share = count / max;
    findings.push(
      share > FILL_HIGH
        ? { code: "fill-high", severity: "warning", count, max, share }
        : { code: "fill", severity: "info", count, max, share },
    );
  }
  const stats = d.stats;
  const messages = d.tableFullMessages ?? null;
  const drop = stats?.drop ?? null;
  if ((messages ?? 0) > 0 || (drop ?? 0) > 0) {
    findings.push({
      code: "table-full-seen",
      severity: "warning",
      messages,
      drop,
      suppressedCallbacks: d.suppressedCallbacks ?? null,
    });
  } else if (messages !== null || drop !== null) {
    findings.push({ code: "no-table-full", severity: "info" });
  }
  if (stats !== undefined) {
    const level = (n: number): Severity => (n > 0 ? "warning" : "info");
    findings.push({ code: "drops", severity: level(stats.drop), drop: stats.drop });
    findings.push({
      code: "insert-failed",
      severity: level(stats.insertFailed),
      insertFailed: stats.insertFailed,
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
  const buckets = d.conntrackBuckets;
  if (count !== undefined && buckets !== undefined && buckets > 0) {
    findings.push({ code: "chain-length", severity: "info", count, buckets, average: (2 * count) / buckets });
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
