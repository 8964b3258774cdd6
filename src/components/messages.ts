import type { AcceptedKind, AcceptedParams, FieldIssue } from "../domain/core/field-spec";
import { FIELDS, isTimeoutField, type AnyFieldKey } from "../domain/sizing/fields";
import { LIMITS } from "../domain/sizing/inputs";
import type { KernelDifference } from "../domain/kernel/kernel-compare";
import type { SizingWarning } from "../domain/sizing/sizing";
import type { AcceptedMessages, Messages } from "../i18n/en";
import type { DetailsMessages } from "../i18n/parts/details";

/** Typed issues, warnings and differences in words: values picked here, sentences from the table. */

/**
 * A field's label and hint; a timeout field is named after its sysctl, explained in its table row.
 * The hint is empty for a field whose panel brings its own (Field's `hint`).
 */
export function fieldText(t: Messages, key: AnyFieldKey): { label: string; hint: string } {
  if (isTimeoutField(key)) return { label: key.slice("to_".length), hint: "" };
  const hints: Partial<Record<AnyFieldKey, string>> = t.fields.hints;
  return { label: t.fields.labels[key], hint: hints[key] ?? "" };
}

function acceptedText<K extends AcceptedKind>(
  messages: AcceptedMessages,
  accepted: { readonly kind: K; readonly params: AcceptedParams[K] },
): string {
  return messages[accepted.kind](accepted.params);
}

export function fieldIssueMessage(t: Messages, key: AnyFieldKey, issue: FieldIssue): string {
  const accepted = acceptedText(t.fieldIssues.accepted, FIELDS[key].accepted);
  switch (issue.code) {
    case "empty":
      return t.fieldIssues.empty({ label: fieldText(t, key).label, accepted });
    case "syntax":
      return t.fieldIssues.syntax({ accepted });
    case "unit":
      return t.fieldIssues.unit({ accepted });
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

export function differenceMessage(details: DetailsMessages, difference: KernelDifference): string {
  const d = details.differences;
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
    case "max-zero-refused":
      return d["max-zero-refused"]();
    case "huge-vmalloc":
      return d["huge-vmalloc"]({
        tableBytes: difference.tableBytes,
        upToBytes: difference.upToBytes,
        hugePageBytes: difference.hugePageBytes,
        x86: difference.hugeOn.includes("x86-64"),
        arm64: difference.hugeOn.includes("arm64"),
      });
  }
}

/** What a withdrawn block says instead of its text: the invalid fields it is computed from; null when none. */
export function unavailableText(t: Messages, locale: string, invalid: readonly AnyFieldKey[]): string | null {
  return invalid.length > 0
    ? t.results.invalidBlocks({ fields: fieldList(t, locale, invalid), count: invalid.length })
    : null;
}

/** Fields named for a message by their labels, as the language lists them: "RAM and Kernel version". */
export function fieldList(t: Messages, locale: string, keys: readonly AnyFieldKey[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(
    keys.map((key) => fieldText(t, key).label),
  );
}
