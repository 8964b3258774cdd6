import { useMemo } from "react";
import { buildTargets, type TargetFile } from "../domain/config/targets";
import { useConfigSource } from "./config";
import { useAlertThreshold } from "./extras";

// Its own module, loaded with the target blocks alone: the renderers of the tools' formats stay
// out of the page's first download.

/** The config for each tool that deploys it and for the alerts, exactly as copied and downloaded. */
export function useTargets(): readonly TargetFile[] {
  const source = useConfigSource();
  const alertThresholdPercent = useAlertThreshold();
  return useMemo(() => {
    return buildTargets({ ...source, alertThresholdPercent });
  }, [source, alertThresholdPercent]);
}
