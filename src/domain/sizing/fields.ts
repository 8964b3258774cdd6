import { DEFAULT_RAW, FIELD_KEYS, validateField, type FieldIssue, type FieldKey } from "./inputs";
import { tryParseKubernetesVersion, validateCores } from "../kube/kube-proxy-fields";
import { fail, ok, type Result } from "../core/result";
import {
  TIMEOUT_KEYS,
  timeoutUrlKey,
  validateTimeout,
  type TimeoutKey,
  type TimeoutUrlKey,
} from "../kernel/timeouts";
import {
  DEFAULT_TRAFFIC_RAW,
  TRAFFIC_FIELD_KEYS,
  validateTrafficField,
  type TrafficFieldKey,
} from "../traffic/traffic-fields";

/**
 * Every field the page has, each also a URL key and a form control's `name`: the sizing inputs
 * (inputs.ts), the traffic (traffic-fields.ts), the Kubernetes node (kube-proxy-fields.ts) and the timeouts
 * the user changed (timeouts.ts, `to_<key>`). See docs/url.md.
 */
export const KUBE_KEYS = ["cores", "k8s"] as const;
export type KubeKey = (typeof KUBE_KEYS)[number];

export const TIMEOUT_URL_KEYS: readonly TimeoutUrlKey[] = TIMEOUT_KEYS.map(timeoutUrlKey);

export type AnyFieldKey = FieldKey | TrafficFieldKey | KubeKey | TimeoutUrlKey;

export const ALL_FIELD_KEYS: readonly AnyFieldKey[] = [
  ...FIELD_KEYS,
  ...TRAFFIC_FIELD_KEYS,
  ...KUBE_KEYS,
  ...TIMEOUT_URL_KEYS,
];

export type AllRaw = Readonly<Record<AnyFieldKey, string>>;

/**
 * Defaults: the sizing inputs' own; no traffic; no Kubernetes node (empty cores) on the newest
 * Kubernetes this tool knows; every timeout empty, meaning "the kernel's default".
 */
export const DEFAULT_ALL_RAW: AllRaw = {
  ...DEFAULT_RAW,
  ...DEFAULT_TRAFFIC_RAW,
  cores: "",
  k8s: "1.36",
  ...(Object.fromEntries(TIMEOUT_URL_KEYS.map((key) => [key, ""])) as Record<TimeoutUrlKey, string>),
};

/**
 * Fields written to a link together: one changed traffic field writes all five, and a Kubernetes
 * node writes its version with its cores, so neither depends on a default that may change.
 */
export const LINK_GROUPS: ReadonlyArray<readonly AnyFieldKey[]> = [TRAFFIC_FIELD_KEYS, KUBE_KEYS];

const isSizingKey = (key: AnyFieldKey): key is FieldKey => (FIELD_KEYS as readonly string[]).includes(key);
const isTrafficKey = (key: AnyFieldKey): key is TrafficFieldKey =>
  (TRAFFIC_FIELD_KEYS as readonly string[]).includes(key);

/** Validates any field's text; never throws. Empty cores and empty timeouts are valid ("none"). */
export function validateAnyField(key: AnyFieldKey, text: string): Result<unknown, FieldIssue> {
  if (isSizingKey(key)) return validateField(key, text);
  if (isTrafficKey(key)) return validateTrafficField(key, text);
  if (text.trim() === "" && key !== "k8s") return ok(null);
  if (key === "cores") return validateCores(text);
  if (key === "k8s") return tryParseKubernetesVersion(text);
  if (key.startsWith("to_")) return validateTimeout(text);
  return fail({ code: "syntax" });
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
