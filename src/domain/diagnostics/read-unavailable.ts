import type { UnavailableSource } from "./dump";
import type { Reader } from "./parse-state";

/**
 * The collector's "needs root" / "not found" / "not available" lines, and the error messages of
 * grep, cat, sysctl, dmesg and conntrack when a source cannot be read.
 */
const UNAVAILABLE_PHRASES = [
  "needs root",
  "not found",
  "not available",
  "permission denied",
  "no such file or directory",
  "operation not permitted",
  "cannot stat",
  "read kernel buffer failed",
];

export const readUnavailable: Reader = (state, line, _tokens, record) => {
  const lower = line.toLowerCase();
  if (!UNAVAILABLE_PHRASES.some((phrase) => lower.includes(phrase))) return false;
  const source = unavailableSource(lower);
  if (source === null) return false;
  record.kind = "unavailable";
  state.unavailable.add(source);
  return true;
};

/**
 * Which source an error line is about: the collector's labels, or a tool's own prefix
 * ("grep: /proc/slabinfo: ...", "dmesg: read kernel buffer failed: ...", "conntrack v1.4.8
 * (conntrack-tools): Operation failed: ...", "sh: 1: conntrack: not found"). sysctl errors count
 * only when about conntrack: `sysctl -a` as a user reports unrelated keys it may not read.
 */
function unavailableSource(lower: string): UnavailableSource | null {
  const tool = (name: string): boolean => lower.startsWith(name) || lower.includes(` ${name}: `);
  if (lower.includes("slabinfo")) return "slabinfo";
  if (lower.includes("/proc/net/stat/") || tool("conntrack")) return "stats";
  if (tool("dmesg") || lower.startsWith("table_full_messages") || lower.includes("kernel buffer")) {
    return "kernel-log";
  }
  if (lower.includes("_conntrack") || lower.includes("netfilter") || lower.includes(" sysctl: "))
    return "sysctl";
  return null;
}
