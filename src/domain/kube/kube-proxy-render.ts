import { floorDiv } from "../core/integer";
import { renderConfig, type ConfigLine } from "../config/config-files";
import type { KubeProxyConntrackConfig } from "./kube-proxy-plan";
import { KUBE_PROXY } from "./kube-proxy-policy";
import { k8sAtLeast, type KubernetesVersion } from "./kubernetes-version";

/**
 * Whole seconds as Go's time.Duration.String() prints them, which is how metav1.Duration appears in
 * a KubeProxyConfiguration: 86400 → "24h0m0s", 3600 → "1h0m0s", 120 → "2m0s", 30 → "30s", 0 → "0s".
 *
 * @internal exported for its tests
 */
export function formatGoDuration(seconds: number): string {
  const h = floorDiv(seconds, 3600);
  const m = floorDiv(seconds % 3600, 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

const setting = (key: string, value: number | string): ConfigLine => ({ kind: "setting", key, value });
const duration = (key: string, seconds: number): ConfigLine => setting(key, formatGoDuration(seconds));

/**
 * A KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1) with only its `conntrack` section,
 * as YAML; v1alpha1 keeps `conntrack` at the top level (types.go: `Conntrack
 * KubeProxyConntrackConfiguration json:"conntrack"`). The UDP timeouts are written only for versions
 * that know them and only when set. `header` lines become `#` comments on top.
 *
 * @example
 * renderKubeProxyConfig({ maxPerCore: 32768, min: 131072, tcpEstablishedSeconds: 86400,
 *   tcpCloseWaitSeconds: 3600, udpTimeoutSeconds: 0, udpStreamTimeoutSeconds: 0 }, k8s(36))
 * // apiVersion: kubeproxy.config.k8s.io/v1alpha1
 * // kind: KubeProxyConfiguration
 * // conntrack:
 * //   maxPerCore: 32768
 * //   min: 131072
 * //   tcpEstablishedTimeout: 24h0m0s
 * //   tcpCloseWaitTimeout: 1h0m0s
 */
export function renderKubeProxyConfig(
  config: KubeProxyConntrackConfig,
  version: KubernetesVersion,
  header: readonly string[] = [],
): string {
  return renderConfig(
    [
      ...header.map((text): ConfigLine => ({ kind: "comment", text })),
      setting("apiVersion", "kubeproxy.config.k8s.io/v1alpha1"),
      setting("kind", "KubeProxyConfiguration"),
      { kind: "section", key: "conntrack", lines: conntrackLines(config, version) },
    ],
    "yaml",
  );
}

function conntrackLines(config: KubeProxyConntrackConfig, version: KubernetesVersion): ConfigLine[] {
  const lines = [setting("maxPerCore", config.maxPerCore)];
  if (config.min !== null) lines.push(setting("min", config.min));
  lines.push(
    duration("tcpEstablishedTimeout", config.tcpEstablishedSeconds),
    duration("tcpCloseWaitTimeout", config.tcpCloseWaitSeconds),
  );
  if (k8sAtLeast(version, KUBE_PROXY.udpTimeoutsSince)) {
    if (config.udpTimeoutSeconds > 0) lines.push(duration("udpTimeout", config.udpTimeoutSeconds));
    if (config.udpStreamTimeoutSeconds > 0) {
      lines.push(duration("udpStreamTimeout", config.udpStreamTimeoutSeconds));
    }
  }
  return lines;
}
