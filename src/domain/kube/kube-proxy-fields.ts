import { lengthIssue, MAX_FIELD_TEXT_LENGTH, type FieldIssue, type FieldSpec } from "../core/field-spec";
import { tryParseGroupedInteger } from "../core/decimal";
import { fail, ok, type Result } from "../core/result";
import { k8s, OLDEST_KUBE_PROXY, type KubernetesVersion } from "./kubernetes-version";

/** int32 in the KubeProxyConfiguration: `MaxPerCore *int32`, `Min *int32`. */
export const INT32_MAX = 2147483647;

/**
 * Accepted ranges. Cores: 8192 is the largest CONFIG_NR_CPUS on x86-64 (MAXSMP; believed, not
 * checked for every architecture).
 */
export const KUBE_PROXY_LIMITS = {
  cores: { min: 1, max: 8192 },
  minor: { min: OLDEST_KUBE_PROXY.minor, max: 99 },
} as const;

/**
 * Reads a Kubernetes version as `kubectl version` or a release name prints it: "1.36", "v1.36.2",
 * "1.36.0-rc.1" (a suffix is ignored).
 *
 * @example tryParseKubernetesVersion("v1.36.2") // { ok: true, value: { major: 1, minor: 36, patch: 2 } }
 * @internal exported for its tests; the page reads a node with readKubeNode()
 */
export function tryParseKubernetesVersion(text: string): Result<KubernetesVersion, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  const match = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?(?:[-+][0-9a-z.+-]*)?$/i.exec(trimmed);
  if (!match) return fail({ code: "syntax" });
  const minor = Number(match[2]);
  if (match[1] !== "1" || minor < KUBE_PROXY_LIMITS.minor.min || minor > KUBE_PROXY_LIMITS.minor.max) {
    return fail({ code: "range" });
  }
  return ok(k8s(minor, match[3] === undefined ? null : Number(match[3])));
}

function validateBoundedInteger(text: string, min: number, max: number): Result<number, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  const n = tryParseGroupedInteger(trimmed);
  if (n === null) return fail({ code: "syntax" });
  if (n < min || n > max) return fail({ code: "range" });
  return ok(n);
}

/**
 * CPU cores as kube-proxy counts them: all CPUs of the machine (cadvisor's topology from sysfs,
 * falling back to runtime.NumCPU(); detectNumCPU()), not a container's CPU limit.
 *
 * @example validateCores("64") // { ok: true, value: 64 }
 * @internal exported for its tests; the page reads a node with readKubeNode()
 */
export function validateCores(text: string): Result<number, FieldIssue> {
  return validateBoundedInteger(text, KUBE_PROXY_LIMITS.cores.min, KUBE_PROXY_LIMITS.cores.max);
}

export type KubeKey = "cores" | "k8s";

/**
 * The Kubernetes node: no node (empty cores) on the newest Kubernetes this tool knows. A link
 * writes the version together with the cores.
 */
export const KUBE_FIELDS: { readonly [K in KubeKey]: FieldSpec<unknown> } = {
  cores: {
    group: "kube",
    default: "",
    link: "group-when-changed",
    accepted: { kind: "cores", params: KUBE_PROXY_LIMITS.cores },
    validate: (text) =>
      text.length <= MAX_FIELD_TEXT_LENGTH && text.trim() === "" ? ok(null) : validateCores(text),
  },
  k8s: {
    group: "kube",
    default: "1.36",
    link: "group-when-changed",
    accepted: { kind: "k8s", params: {} },
    validate: tryParseKubernetesVersion,
  },
};

/** A Kubernetes node: its cores and its kube-proxy version. */
export interface KubeNode {
  readonly cores: number;
  readonly version: KubernetesVersion;
}

/**
 * The node the fields describe, or null when this is not a Kubernetes node (empty cores) or a
 * field does not hold a valid value.
 *
 * @example readKubeNode({ cores: "16", k8s: "1.30" }) // { cores: 16, version: { major: 1, minor: 30, patch: null } }
 * @example readKubeNode({ cores: "", k8s: "1.36" }) // null
 */
export function readKubeNode(raw: Readonly<Record<KubeKey, string>>): KubeNode | null {
  if (raw.cores.trim() === "") return null;
  const cores = validateCores(raw.cores);
  const version = tryParseKubernetesVersion(raw.k8s);
  return cores.ok && version.ok ? { cores: cores.value, version: version.value } : null;
}
