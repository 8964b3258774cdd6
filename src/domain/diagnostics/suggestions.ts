import { KiB } from "../core/units";
import {
  defaultTimeouts,
  TIMEOUT_KEYS,
  timeoutUrlKey,
  validateTimeout,
  type TimeoutUrlKey,
} from "../kernel/timeouts";
import { tryParseKernelVersion, type KernelVersion } from "../kernel/kernel-version";
import { validateField, type FieldKey } from "../sizing/inputs";
import type { Diagnostics } from "./dump";
import { pasteEntryBytes, type PasteContext } from "./paste-entry-bytes";

export type SuggestedField = Extract<FieldKey, "ram" | "arch" | "kernel" | "page" | "struct">;

/**
 * Calculator field texts from a parsed dump, in the calculator's own grammar; each one passes
 * validateField (a value that would not is left out). ram: MemTotal in KiB; arch: from
 * `uname -m`; kernel: the `uname -r` release; page: 4, 16 or 64 (KiB); struct: what the kernel
 * allocates per entry (pasteEntryBytes(): the slab's footprint per object plus the extension area
 * where that kernel or the host's role gives every entry one), left empty ("the kernel's own") when
 * the slab shows the footprint the model has for that kernel, so the role still decides; without a
 * slab line, ip_conntrack's boot line "bytes per conntrack". Without a context only the slab
 * footprint is known, and it is not suggested: alone it undercounts (docs/diagnostics.md).
 *
 * @example
 * suggestedFields(parseDiagnostics("MemTotal: 24683620 kB\n5.10.176 armv7l\n"))
 * // { ram: "24683620 KiB", arch: "32", kernel: "5.10.176" }
 */
export function suggestedFields(
  d: Diagnostics,
  context?: PasteContext,
): Partial<Record<SuggestedField, string>> {
  const candidates: Partial<Record<SuggestedField, string>> = {};
  if (d.memTotalBytes !== undefined) {
    candidates.ram = d.memTotalBytes % KiB === 0 ? `${d.memTotalBytes / KiB} KiB` : `${d.memTotalBytes} B`;
  }
  if (d.arch !== undefined) candidates.arch = String(d.arch);
  if (d.kernelRelease !== undefined) {
    // The field takes the release as uname -r prints it; if a suffix is beyond its grammar,
    // the version number alone still is.
    candidates.kernel = tryParseKernelVersion(d.kernelRelease).ok
      ? d.kernelRelease
      : (/^\d{1,2}\.\d{1,3}(?:\.\d{1,5})?/.exec(d.kernelRelease)?.[0] ?? d.kernelRelease);
  }
  if (d.pageBytes !== undefined && d.pageBytes % KiB === 0) candidates.page = String(d.pageBytes / KiB);
  const entry = context === undefined ? null : pasteEntryBytes(d.slab, d.kernelRelease, d.arch, context);
  if (entry !== null) candidates.struct = entry.matchesModel ? "" : String(entry.totalBytes);
  else if (d.slab === undefined && d.bootLine?.bytesPerEntry !== undefined) {
    candidates.struct = String(d.bootLine.bytesPerEntry);
  }
  const suggested: Partial<Record<SuggestedField, string>> = {};
  for (const key of ["ram", "arch", "kernel", "page", "struct"] as const) {
    const value = candidates[key];
    if (value !== undefined && validateField(key, value).ok) suggested[key] = value;
  }
  return suggested;
}

/**
 * The pasted timeouts that differ from the pasted kernel's defaults, as the calculator's
 * `to_<key>` fields, so the generated sysctl file keeps a host's tuned timeouts (and only those).
 * Without a pasted kernel release, `fallbackKernel` decides the defaults.
 *
 * @example suggestedTimeoutFields(parseDiagnostics("6.8.0 x86_64\nnet.netfilter.nf_conntrack_tcp_timeout_established = 86400"), v(6, 12))
 * // { to_tcp_timeout_established: "86400" }
 */
export function suggestedTimeoutFields(
  d: Diagnostics,
  fallbackKernel: KernelVersion,
): Partial<Record<TimeoutUrlKey, string>> {
  const release = d.kernelRelease === undefined ? null : tryParseKernelVersion(d.kernelRelease);
  const defaults = defaultTimeouts(release?.ok ? release.value : fallbackKernel);
  const fields: Partial<Record<TimeoutUrlKey, string>> = {};
  for (const key of TIMEOUT_KEYS) {
    const pasted = Object.prototype.hasOwnProperty.call(d.timeouts, `nf_conntrack_${key}`)
      ? d.timeouts[`nf_conntrack_${key}`]
      : undefined;
    if (pasted !== undefined && pasted !== defaults[key] && validateTimeout(String(pasted)).ok) {
      fields[timeoutUrlKey(key)] = String(pasted);
    }
  }
  return fields;
}
