import { useMemo } from "react";
import { computeKubeNode, computeKubeProxy } from "../domain/kube/kube-proxy-policy";
import { computeKernelDefault } from "../domain/kernel/kernel-defaults";
import { kubeProxyConfigFor } from "../domain/kube/kube-proxy-plan";
import { renderKubeProxyConfig } from "../domain/kube/kube-proxy-render";
import { readKubeNode } from "../domain/kube/kube-proxy-fields";
import { useSizing } from "./calc-store";
import { useTimeouts } from "./extras";

// Its own module, loaded with the Kubernetes panel alone: kube-proxy's policy and renderer stay
// out of the page's first download.
/** What kube-proxy does on this node, and the configuration that gives the recommended max. */
export function useKubeView() {
  const { validRaw, inputs, sizing } = useSizing();
  const { changed } = useTimeouts();
  return useMemo(() => {
    const node = readKubeNode({ cores: validRaw.cores, k8s: validRaw.k8s });
    if (node === null) return null;
    const own = computeKubeProxy(node);
    const changedSeconds = Object.fromEntries(changed.map((c) => [c.key, c.seconds]));
    const kernelDefault = computeKernelDefault({
      ram: inputs.ram,
      arch: inputs.arch,
      kernel: inputs.kernel,
      page: inputs.page,
      struct: inputs.struct,
    });
    const plan = kubeProxyConfigFor({
      wantedMax: sizing.max,
      cores: node.cores,
      version: node.version,
      changedTimeouts: changedSeconds,
      kernelDefaultMax: kernelDefault.max,
    });
    return {
      cores: node.cores,
      own,
      // "By itself": the node as the kernel booted it, no sysctl.d value.
      node: computeKubeNode(inputs, own),
      plan,
      yaml: plan.ok ? renderKubeProxyConfig(plan.value.conntrack, node.version) : null,
    };
  }, [validRaw.cores, validRaw.k8s, inputs, sizing.max, changed]);
}
