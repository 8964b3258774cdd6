import type { AnyFieldKey } from "../domain/sizing/fields";
import { LIMITS, type FieldIssue } from "../domain/sizing/inputs";
import { TIMEOUT_LIMITS } from "../domain/kernel/timeouts";
import { TRAFFIC_LIMITS } from "../domain/traffic/traffic-fields";
import type { KernelDifference } from "../domain/kernel/kernel-compare";
import type { SizingWarning } from "../domain/sizing/sizing";
import type { Messages } from "../i18n/en";

/** Typed issues, warnings and differences in words: values picked here, sentences from the table. */

/** A field's label and hint, whichever group it belongs to. */
export function fieldText(t: Messages, key: AnyFieldKey): { label: string; hint: string } {
  switch (key) {
    case "tcp_cps":
    case "tcp_life":
    case "udp_cps":
    case "udp_life":
    case "headroom":
      return { label: t.traffic.labels[key], hint: t.traffic.hints[key] };
    case "cores":
    case "k8s":
      return { label: t.kube.labels[key], hint: t.kube.hints[key] };
    case "ram":
    case "arch":
    case "ratio":
    case "struct":
    case "max":
    case "kernel":
    case "page":
      return { label: t.inputs.labels[key], hint: t.inputs.hints[key] };
    default:
      // to_<timeout>: named after the sysctl, explained in its table row.
      return { label: key.slice(3), hint: "" };
  }
}

function acceptedText(t: Messages, key: AnyFieldKey): string {
  const accepted = t.fieldIssues.accepted;
  switch (key) {
    case "ram":
      return accepted.ram(LIMITS.ram);
    case "ratio":
      return accepted.ratio({
        min: LIMITS.ratio.min,
        max: LIMITS.ratio.max,
        decimals: LIMITS.ratio.maxDecimals,
      });
    case "struct":
      return accepted.struct(LIMITS.struct);
    case "max":
      return accepted.max(LIMITS.max);
    case "arch":
      return accepted.arch();
    case "kernel":
      return accepted.kernel();
    case "page":
      return accepted.page();
    case "tcp_cps":
    case "udp_cps":
      return t.traffic.accepted.rate({ max: TRAFFIC_LIMITS.cps.max });
    case "tcp_life":
    case "udp_life":
      return t.traffic.accepted.life({ max: TRAFFIC_LIMITS.lifeSeconds.max });
    case "headroom":
      return t.traffic.accepted.headroom();
    case "cores":
      return t.kube.accepted.cores();
    case "k8s":
      return t.kube.accepted.k8s();
    default:
      return t.timeouts.accepted({ max: TIMEOUT_LIMITS.max });
  }
}

export function fieldIssueMessage(t: Messages, key: AnyFieldKey, issue: FieldIssue): string {
  const accepted = acceptedText(t, key);
  switch (issue.code) {
    case "empty":
      return t.fieldIssues.empty({ label: fieldText(t, key).label, accepted });
    case "syntax":
      return t.fieldIssues.syntax({ accepted });
    case "unit":
      return t.fieldIssues.unit({ unit: issue.unit, accepted });
    case "precision":
      return t.fieldIssues.precision({ accepted });
    case "range":
      return t.fieldIssues.range({ accepted });
    case "choice":
      return t.fieldIssues.choice({ accepted });
  }
}

export function warningMessage(t: Messages, warning: SizingWarning): string {
  switch (warning.code) {
    case "max-clamped":
      return t.warnings["max-clamped"]({ unclamped: warning.unclamped, intMax: LIMITS.max.max });
    case "buckets-clamped":
      return t.warnings["buckets-clamped"]({ unclamped: warning.unclamped });
    case "long-chains":
      return t.warnings["long-chains"]({ chain: warning.chainLength });
    case "lowmem-large":
      return t.warnings["lowmem-large"]({ share: warning.share });
    case "ram-share-large":
      return t.warnings["ram-share-large"]({ share: warning.share });
    case "ram-beyond-pae":
      return t.warnings["ram-beyond-pae"]();
  }
}

export function differenceMessage(t: Messages, difference: KernelDifference): string {
  const d = t.differences;
  switch (difference.code) {
    case "shrinks-table":
      return d["shrinks-table"]({ kernelBuckets: difference.kernelBuckets, buckets: difference.buckets });
    case "grows-table":
      return d["grows-table"]({ kernelBuckets: difference.kernelBuckets, buckets: difference.buckets });
    case "lowers-max":
      return d["lowers-max"]({ max: difference.max, kernelMax: difference.kernelMax });
    case "raises-max":
      return d["raises-max"]({
        times: difference.max / difference.kernelMax,
        kernelMax: difference.kernelMax,
      });
    case "same-as-kernel":
      return d["same-as-kernel"]();
    case "kernel-capped":
      return d["kernel-capped"]({ aboveGiB: difference.aboveGiB, capBuckets: difference.capBuckets });
    case "kernel-floor":
      return d["kernel-floor"]({ floorBuckets: difference.floorBuckets });
    case "four-gb-vm":
      return d["four-gb-vm"]({ capBuckets: difference.capBuckets });
    case "no-262144-on-32-bit":
      return d["no-262144-on-32-bit"]();
    case "ratio-differs":
      return d["ratio-differs"]({ kernelRatio: difference.kernelRatio });
    case "hashsize-factor-8":
      return d["hashsize-factor-8"]({ impliedMax: difference.impliedMax });
    case "max-from-unrounded":
      return d["max-from-unrounded"]({ buckets: difference.bucketsUnrounded });

    case "table-per-namespace":
      return d["table-per-namespace"]();
    case "buckets-sysctl-read-only":
      return d["buckets-sysctl-read-only"]();
    case "hashsize-at-load-only":
      return d["hashsize-at-load-only"]();
    case "ip-conntrack":
      return d["ip-conntrack"]();
    case "list-head":
      return d["list-head"]();
    case "num-physpages":
      return d["num-physpages"]();
  }
}
