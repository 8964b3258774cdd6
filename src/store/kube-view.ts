import { useMemo } from "react";
import { computeKubeProxy, computeKubeProxyMemory } from "../domain/kube/kube-proxy-policy";
import { kubeProxyConfigFor } from "../domain/kube/kube-proxy-plan";
import { renderKubeProxyConfig } from "../domain/kube/kube-proxy-render";
import { tryParseKubernetesVersion, validateCores } from "../domain/kube/kube-proxy-fields";
import { useSizing } from "./calc-store";
import { useTimeouts } from "./extras";

// Its own module, loaded with the Kubernetes panel alone: kube-proxy's policy and renderer stay
// out of the page's first download.
/** What kube-proxy does on this node, and the configuration that gives the recommended max. */
export function useKubeView() {
  const { validRaw, inputs, sizing } = useSizing();
  const { changed } = useTimeouts();
  return useMemo(() => {
    const cores = validRaw.cores.trim() === "" ? null : validateCores(validRaw.cores);
    const version = tryParseKubernetesVersion(validRaw.k8s);
    if (!cores?.ok || !version.ok) return null;
    const own = computeKubeProxy({ cores: cores.value, version: version.value });
    const changedSeconds = Object.fromEntries(changed.map((c) => [c.key, c.seconds]));
    const plan = kubeProxyConfigFor({
      wantedMax: sizing.max,
      cores: cores.value,
      version: version.value,
      changedTimeouts: changedSeconds,
    });
    return {
      cores: cores.value,
      own,
      ownMemory: computeKubeProxyMemory(inputs, own),
      plan,
      yaml: plan.ok ? renderKubeProxyConfig(plan.value.conntrack, version.value) : null,
    };
  }, [validRaw.cores, validRaw.k8s, inputs, sizing.max, changed]);
}
