import { useMemo } from "react";
import { timeoutRaw } from "../domain/sizing/fields";
import { computeKubeProxy, computeKubeProxyMemory } from "../domain/kube/kube-proxy-policy";
import { kubeProxyConfigFor } from "../domain/kube/kube-proxy-plan";
import { renderKubeProxyConfig } from "../domain/kube/kube-proxy-render";
import { tryParseKubernetesVersion, validateCores } from "../domain/kube/kube-proxy-fields";
import { changedTimeouts, defaultTimeouts, readTimeouts } from "../domain/kernel/timeouts";
import { compareTraffic } from "../domain/traffic/traffic-verdict";
import { computeTrafficSizing, sizingForRequiredMax } from "../domain/traffic/traffic-sizing";
import { readTraffic } from "../domain/traffic/traffic-fields";
import { useKernelView, useSizing } from "./calc-store";

/** The timeouts in force: the user's valid values, the kernel's defaults elsewhere. */
export function useTimeouts() {
  const { validRaw, inputs } = useSizing();
  return useMemo(() => {
    const values = readTimeouts(timeoutRaw(validRaw), inputs.kernel).values;
    return {
      values,
      defaults: defaultTimeouts(inputs.kernel),
      changed: changedTimeouts(values, inputs.kernel),
    };
  }, [validRaw, inputs.kernel]);
}

/** What the traffic needs, against the recommendation and the kernel's default. */
export function useTrafficView() {
  const { validRaw, inputs, sizing } = useSizing();
  const { kernel } = useKernelView();
  const { values } = useTimeouts();
  return useMemo(() => {
    const traffic = readTraffic(validRaw);
    const result = computeTrafficSizing(traffic, values, inputs.kernel);
    return {
      traffic,
      result,
      comparison: compareTraffic(result.requiredMax, sizing.max, kernel.max),
      asMax: sizingForRequiredMax(inputs, result.requiredMax),
    };
  }, [validRaw, values, inputs, sizing.max, kernel.max]);
}

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
