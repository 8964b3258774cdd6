import { lengthIssue, type FieldIssue, type FieldSpec } from "../../core/field-spec";
import { fail, ok, type Result } from "../../core/result";

/**
 * The fill share, in percent, above which the alerting targets (the Prometheus rules, the check
 * script) warn. 75 is node_exporter's own: NodeHighNumberConntrackEntriesUsed in
 * docs/node-mixin/alerts/alerts.libsonnet (`... / node_nf_conntrack_entries_limit) > 0.75`,
 * prometheus/node_exporter at v1.12.1, 6044da783597; added in 48bb6f670c6b).
 */
const ALERT_LIMITS = { percent: { min: 1, max: 100 }, defaultPercent: 75 } as const;

/**
 * A whole percentage from 1 to 100, with an optional "%" (as the headroom field takes it).
 *
 * @example validateAlertPercent("80 %") // { ok: true, value: 80 }
 */
function validateAlertPercent(text: string): Result<number, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  // "%" first, then the space before it: "\s*%$" tried at every space of a long run is quadratic.
  const trimmed = text.trim().replace(/%$/, "").trimEnd();
  if (trimmed === "") return fail({ code: "empty" });
  if (!/^\d+$/.test(trimmed)) return fail({ code: /^\d*\.\d*$/.test(trimmed) ? "precision" : "syntax" });
  // More than 3 digits after leading zeros is out of range whatever they are; Number() of a short
  // digit string is exact.
  const value = trimmed.replace(/^0+(?=\d)/, "");
  if (value.length > 3) return fail({ code: "range" });
  const percent = Number(value);
  if (percent < ALERT_LIMITS.percent.min || percent > ALERT_LIMITS.percent.max)
    return fail({ code: "range" });
  return ok(percent);
}

/**
 * The threshold a text gives, or the default when it gives none.
 *
 * @example readAlertThreshold("80 %") // 80
 * @example readAlertThreshold("") // 75
 */
export function readAlertThreshold(text: string): number {
  const result = validateAlertPercent(text);
  return result.ok ? result.value : ALERT_LIMITS.defaultPercent;
}

export type AlertFieldKey = "alert";

/**
 * The alert threshold: its own group, written to a link only when changed from 75, so links made
 * before it existed keep their meaning.
 */
export const ALERT_FIELDS: { readonly [K in AlertFieldKey]: FieldSpec<number> } = {
  alert: {
    group: "alerts",
    default: String(ALERT_LIMITS.defaultPercent),
    link: "when-changed",
    accepted: { kind: "alert", params: ALERT_LIMITS.percent },
    validate: validateAlertPercent,
  },
};
