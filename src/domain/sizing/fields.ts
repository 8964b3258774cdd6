import type { FieldGroup, FieldIssue, FieldSpec } from "../core/field-spec";
import type { Result } from "../core/result";
import {
  TIMEOUT_FIELDS,
  TIMEOUT_KEYS,
  timeoutUrlKey,
  type TimeoutKey,
  type TimeoutUrlKey,
} from "../kernel/timeouts";
import { KUBE_FIELDS, type KubeKey } from "../kube/kube-proxy-fields";
import { TRAFFIC_FIELDS, type TrafficFieldKey } from "../traffic/traffic-fields";
import { SIZING_FIELDS, type FieldKey } from "./inputs";
import { WAY_FIELDS, type WayFieldKey } from "./way";
import { ALERT_FIELDS, type AlertFieldKey } from "../config/targets/alert-field";
import { TARGET_FIELDS, type TargetFieldKey } from "../config/targets/target-field";

export type AnyFieldKey =
  WayFieldKey | FieldKey | TrafficFieldKey | KubeKey | TimeoutUrlKey | AlertFieldKey | TargetFieldKey;

/**
 * Every field the page has, in the order a link writes them: the way of sizing (way.ts), the sizing
 * inputs (inputs.ts), the
 * traffic (traffic-fields.ts), the Kubernetes node (kube-proxy-fields.ts) and the timeouts the user
 * changed (timeouts.ts, `to_<key>`), the alert threshold (config/targets/alert-field.ts) and the
 * output chosen (config/targets/target-field.ts). Each key is also a URL key and a form control's
 * `name` (docs/url.md); everything else about a field (its default, what it accepts, how a link
 * carries it) is in its entry, and the lists below derive from this table.
 */
export const FIELDS: { readonly [K in AnyFieldKey]: FieldSpec<unknown> } = {
  ...WAY_FIELDS,
  ...SIZING_FIELDS,
  ...TRAFFIC_FIELDS,
  ...KUBE_FIELDS,
  ...TIMEOUT_FIELDS,
  ...ALERT_FIELDS,
  ...TARGET_FIELDS,
};

export const ALL_FIELD_KEYS = Object.keys(FIELDS) as readonly AnyFieldKey[];

export type AllRaw = Readonly<Record<AnyFieldKey, string>>;

export const DEFAULT_ALL_RAW: AllRaw = Object.fromEntries(
  ALL_FIELD_KEYS.map((key) => [key, FIELDS[key].default]),
) as Record<AnyFieldKey, string>;

/** The fields of one part of the page, in table order. */
export function fieldsOf(group: FieldGroup): readonly AnyFieldKey[] {
  return ALL_FIELD_KEYS.filter((key) => FIELDS[key].group === group);
}

/** A timeout field (`to_<key>`): named after its sysctl rather than labelled. */
export function isTimeoutField(key: AnyFieldKey): key is TimeoutUrlKey {
  return FIELDS[key].group === "timeouts";
}

/** Validates any field's text; never throws. Empty cores and empty timeouts are valid ("none"). */
export function validateAnyField(key: AnyFieldKey, text: string): Result<unknown, FieldIssue> {
  return FIELDS[key].validate(text);
}

/** The issue of each invalid field. */
export function validateAllFields(raw: AllRaw): Partial<Record<AnyFieldKey, FieldIssue>> {
  const issues: Partial<Record<AnyFieldKey, FieldIssue>> = {};
  for (const key of ALL_FIELD_KEYS) {
    const result = validateAnyField(key, raw[key]);
    if (!result.ok) issues[key] = result.issue;
  }
  return issues;
}

/** The timeout overrides as timeouts.ts reads them (`to_udp_timeout` → `udp_timeout`). */
export function timeoutRaw(raw: AllRaw): Partial<Record<TimeoutKey, string>> {
  return Object.fromEntries(TIMEOUT_KEYS.map((key) => [key, raw[timeoutUrlKey(key)]]));
}
