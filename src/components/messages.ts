import { formatBinaryBytes, formatDecimal, formatInteger, formatPercent } from "../domain/format";
import { LIMITS, type FieldIssue, type FieldKey } from "../domain/inputs";
import type { KernelDifference } from "../domain/kernel-compare";
import type { Locale } from "../domain/locale";
import type { SizingWarning } from "../domain/sizing";
import type { Messages } from "../i18n/en";

/** Typed issues, warnings and differences in words: values formatted here, sentences from the table. */

function acceptedText(t: Messages, key: FieldKey, locale: Locale): string {
  const n = (value: number) => formatInteger(value, locale);
  const accepted = t.fieldIssues.accepted;
  switch (key) {
    case "ram":
      return accepted.ram(formatBinaryBytes(LIMITS.ram.min), formatBinaryBytes(LIMITS.ram.max));
    case "ratio":
      return accepted.ratio(
        String(LIMITS.ratio.min),
        String(LIMITS.ratio.max),
        String(LIMITS.ratio.maxDecimals),
      );
    case "struct":
      return accepted.struct(n(LIMITS.struct.min), n(LIMITS.struct.max));
    case "max":
      return accepted.max(n(LIMITS.max.min), n(LIMITS.max.max));
    case "arch":
      return accepted.arch();
    case "kernel":
      return accepted.kernel();
    case "page":
      return accepted.page();
  }
}

export function fieldIssueMessage(t: Messages, key: FieldKey, issue: FieldIssue, locale: Locale): string {
  const accepted = acceptedText(t, key, locale);
  switch (issue.code) {
    case "empty":
      return t.fieldIssues.empty(t.inputs.labels[key], accepted);
    case "syntax":
      return t.fieldIssues.syntax(accepted);
    case "unit":
      return t.fieldIssues.unit(issue.unit, accepted);
    case "precision":
      return t.fieldIssues.precision(accepted);
    case "range":
      return t.fieldIssues.range(accepted);
    case "choice":
      return t.fieldIssues.choice(accepted);
  }
}

export function warningMessage(t: Messages, warning: SizingWarning, locale: Locale): string {
  const n = (value: number) => formatInteger(value, locale);
  switch (warning.code) {
    case "max-clamped":
      return t.warnings["max-clamped"](n(warning.unclamped), n(LIMITS.max.max));
    case "buckets-clamped":
      return t.warnings["buckets-clamped"](n(warning.unclamped));
    case "long-chains":
      return t.warnings["long-chains"](formatDecimal(warning.chainLength));
    case "lowmem-large":
      return t.warnings["lowmem-large"](formatPercent(warning.share));
    case "ram-share-large":
      return t.warnings["ram-share-large"](formatPercent(warning.share));
    case "ram-beyond-pae":
      return t.warnings["ram-beyond-pae"]();
  }
}

export function differenceMessage(t: Messages, difference: KernelDifference, locale: Locale): string {
  const n = (value: number) => formatInteger(value, locale);
  const d = t.differences;
  switch (difference.code) {
    case "shrinks-table":
      return d["shrinks-table"](n(difference.kernelBuckets), n(difference.buckets));
    case "grows-table":
      return d["grows-table"](n(difference.kernelBuckets), n(difference.buckets));
    case "lowers-max":
      return d["lowers-max"](n(difference.max), n(difference.kernelMax));
    case "raises-max":
      return d["raises-max"](formatDecimal(difference.max / difference.kernelMax), n(difference.kernelMax));
    case "same-as-kernel":
      return d["same-as-kernel"]();
    case "kernel-capped":
      return d["kernel-capped"](String(difference.aboveGiB), n(difference.capBuckets));
    case "kernel-floor":
      return d["kernel-floor"](n(difference.floorBuckets));
    case "four-gb-vm":
      return d["four-gb-vm"](n(difference.capBuckets));
    case "no-262144-on-32-bit":
      return d["no-262144-on-32-bit"]();
    case "ratio-differs":
      return d["ratio-differs"](String(difference.kernelRatio));
    case "hashsize-factor-8":
      return d["hashsize-factor-8"](n(difference.impliedMax));
    case "max-from-unrounded":
      return d["max-from-unrounded"](n(difference.bucketsUnrounded));
    case "table-per-namespace":
      return d["table-per-namespace"]();
    case "buckets-sysctl-read-only":
      return d["buckets-sysctl-read-only"]();
    case "ip-conntrack":
      return d["ip-conntrack"]();
    case "list-head":
      return d["list-head"]();
    case "num-physpages":
      return d["num-physpages"]();
  }
}
