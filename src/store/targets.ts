import { useMemo } from "react";
import { buildTargets, type TargetFile } from "../domain/config/targets";
import { tryParseKubernetesVersion, validateCores } from "../domain/kube/kube-proxy-fields";
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
    const cores = validRaw.cores.trim() === "" ? null : validateCores(validRaw.cores);
    const version = tryParseKubernetesVersion(validRaw.k8s);
    const kube = cores?.ok && version.ok ? { cores: cores.value, version: version.value } : null;
    return buildTargets({ ...source, alertThresholdPercent, kube });
  }, [source, validRaw.cores, validRaw.k8s, alertThresholdPercent]);
}
