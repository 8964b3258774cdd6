import { useMemo } from "react";
import { buildTargets, type TargetFile } from "../domain/config/targets";
import { readKubeNode } from "../domain/kube/kube-proxy-fields";
import { useSizing } from "./calc-store";
import { useConfigSource } from "./config";
import { useAlertThreshold } from "./extras";

// Its own module, loaded with the target blocks alone: the renderers of the tools' formats stay
// out of the page's first download.

/** The config for each tool that deploys it and for the alerts, exactly as copied and downloaded. */
export function useTargets(): readonly TargetFile[] {
  const source = useConfigSource();
  const { validRaw } = useSizing();
  const alertThresholdPercent = useAlertThreshold();
  return useMemo(() => {
    return buildTargets({
      ...source,
      alertThresholdPercent,
      kube: readKubeNode({ cores: validRaw.cores, k8s: validRaw.k8s }),
    });
  }, [source, validRaw.cores, validRaw.k8s, alertThresholdPercent]);
}
