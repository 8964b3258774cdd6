import { INT_MAX } from "../sizing/inputs";
import { floorDiv } from "../core/integer";
import { fail, ok, type Result } from "../core/result";
import { TIMEOUT_KEYS, type TimeoutKey } from "../kernel/timeouts";
import { INT32_MAX, KUBE_PROXY_LIMITS } from "./kube-proxy-fields";
import { KUBE_PROXY, kubeProxyWriteMode } from "./kube-proxy-policy";
import { k8sAtLeast, type KubernetesVersion } from "./kubernetes-version";

/** The conntrack section of a KubeProxyConfiguration; durations in seconds, 0 = leave as is. */
export interface KubeProxyConntrackConfig {
  /** 0 = leave nf_conntrack_max alone (min is then ignored and not written). */
  readonly maxPerCore: number;
  readonly min: number | null;
  readonly tcpEstablishedSeconds: number;
  readonly tcpCloseWaitSeconds: number;
  /** From 1.29 (CHANGELOG-1.29.md: #120354); 0 = leave as is (also the default). */
  readonly udpTimeoutSeconds: number;
  readonly udpStreamTimeoutSeconds: number;
}

/**
 * Notes on a generated configuration:
 * - `merge`: paste the `conntrack:` section into the existing configuration (kubeadm: the `kube-proxy`
 *   ConfigMap in kube-system); a file with only this section resets every other field to its default.
 * - `min-above-cap`: on 1.36 and later the wanted value is above the 1,048,576 cap, so it comes from
 *   `min` (which the cap does not limit) with a per-core value kept under the cap; a later release
 *   that also caps `min` would lower it.
 * - `sysctl-for`: these changed timeouts are not managed by kube-proxy (of this version): set them
 *   by sysctl, kube-proxy does not touch them.
 * - `only-raises`: this release never lowers nf_conntrack_max (nor, with `timeouts`, the TCP
 *   timeouts): on a node where a larger value is already set, it stays. `kernelDefault` is the
 *   kernel's own boot default when it is larger than the wanted value: it cannot be removed, so the
 *   value has to be set in sysctl.d as well (kube-proxy then finds it equal and leaves it).
 */
export type KubeProxyConfigNote =
  | { code: "merge" }
  | { code: "only-raises"; timeouts: boolean; kernelDefault: number | null }
  | { code: "min-above-cap"; cap: number }
  | { code: "sysctl-for"; keys: readonly TimeoutKey[] };

export type KubeProxyConfigIssue =
  /** Every per-core value gives at least one entry per core: fewer cannot come from kube-proxy. */
  { code: "below-cores"; cores: number } | { code: "range" };

export interface KubeProxyConfigPlan {
  readonly conntrack: KubeProxyConntrackConfig;
  readonly notes: readonly KubeProxyConfigNote[];
}

/**
 * The kube-proxy conntrack settings that make kube-proxy write `wantedMax` on a node with these
 * cores, and the timeouts the user changed (absent: kube-proxy's own 86400 / 3600 s for TCP, UDP left
 * as is). maxPerCore = floor(wanted / cores) and min = wanted, so the per-core product never exceeds
 * wanted and `min` decides (getConntrackMax() returns min when `scaled > min` is false); from 1.36
 * maxPerCore also stays at or below floor(1048576 / cores), so the cap never applies.
 *
 * @example kubeProxyConfigFor({ wantedMax: 500000, cores: 8, version: k8s(36) })
 * // ok: maxPerCore 62500, min 500000
 */
export function kubeProxyConfigFor(params: {
  readonly wantedMax: number;
  readonly cores: number;
  readonly version: KubernetesVersion;
  /** Timeouts the user changed from the kernel's defaults, in seconds. */
  readonly changedTimeouts?: Readonly<Partial<Record<TimeoutKey, number>>>;
  /** The kernel's own boot default nf_conntrack_max on this node (computeKernelDefault()). */
  readonly kernelDefaultMax?: number;
}): Result<KubeProxyConfigPlan, KubeProxyConfigIssue> {
  const { wantedMax, cores, version } = params;
  if (!Number.isSafeInteger(wantedMax) || wantedMax < 1 || wantedMax > Math.min(INT_MAX, INT32_MAX)) {
    return fail({ code: "range" });
  }
  if (
    !Number.isSafeInteger(cores) ||
    cores < KUBE_PROXY_LIMITS.cores.min ||
    cores > KUBE_PROXY_LIMITS.cores.max
  ) {
    return fail({ code: "range" });
  }
  if (wantedMax < cores) return fail({ code: "below-cores", cores });

  const capped = k8sAtLeast(version, KUBE_PROXY.capSince);
  const perCore = floorDiv(wantedMax, cores);
  const maxPerCore = capped ? Math.min(perCore, floorDiv(KUBE_PROXY.cap, cores)) : perCore;
  const notes: KubeProxyConfigNote[] = [{ code: "merge" }];
  const mode = kubeProxyWriteMode(version);
  if (mode !== "overwrites") {
    const kernelDefault = params.kernelDefaultMax ?? null;
    notes.push({
      code: "only-raises",
      timeouts: mode === "raises-all",
      kernelDefault: kernelDefault !== null && kernelDefault > wantedMax ? kernelDefault : null,
    });
  }
  if (capped && wantedMax > KUBE_PROXY.cap) notes.push({ code: "min-above-cap", cap: KUBE_PROXY.cap });

  const changed = params.changedTimeouts ?? {};
  const udpManaged = k8sAtLeast(version, KUBE_PROXY.udpTimeoutsSince);
  const managed: readonly TimeoutKey[] = udpManaged
    ? ["tcp_timeout_established", "tcp_timeout_close_wait", "udp_timeout", "udp_timeout_stream"]
    : ["tcp_timeout_established", "tcp_timeout_close_wait"];
  const bySysctl = TIMEOUT_KEYS.filter((key) => changed[key] !== undefined && !managed.includes(key));
  if (bySysctl.length > 0) notes.push({ code: "sysctl-for", keys: bySysctl });

  return ok({
    conntrack: {
      maxPerCore,
      min: wantedMax,
      tcpEstablishedSeconds: changed.tcp_timeout_established ?? KUBE_PROXY.tcpEstablishedSeconds,
      tcpCloseWaitSeconds: changed.tcp_timeout_close_wait ?? KUBE_PROXY.tcpCloseWaitSeconds,
      udpTimeoutSeconds: udpManaged ? (changed.udp_timeout ?? 0) : 0,
      udpStreamTimeoutSeconds: udpManaged ? (changed.udp_timeout_stream ?? 0) : 0,
    },
    notes,
  });
}
