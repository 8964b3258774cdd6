import { useMemo } from "react";
import { compareTraffic } from "../domain/traffic/traffic-verdict";
import { computeTrafficSizing, sizingForRequiredMax } from "../domain/traffic/traffic-sizing";
import { readTraffic } from "../domain/traffic/traffic-fields";
import { trafficPresetFields, type TrafficPresetId } from "../domain/traffic/traffic-presets";
import { useCalcStore, useSizing, withFields } from "./calc-store";
import { useTimeouts } from "./extras";

// Its own module, loaded with the traffic panel alone: the traffic model and its presets stay out
// of the page's first download.

/** A traffic preset was chosen: its fields are written, and its assumptions shown. */
export function applyTrafficPreset(id: TrafficPresetId): void {
  useCalcStore.setState((state) => ({ ...withFields(state, trafficPresetFields(id)), trafficPreset: id }));
}

/** What the traffic needs, against the recommendation and the kernel's default. */
export function useTrafficView() {
  const { validRaw, inputs, sizing, answer } = useSizing();
  const kernelMax = answer.reference.kernelMax;
  const { values } = useTimeouts();
  return useMemo(() => {
    const traffic = readTraffic(validRaw);
    const result = computeTrafficSizing(traffic, values, inputs.kernel);
    return {
      traffic,
      result,
      comparison: compareTraffic(result, sizing.max, kernelMax),
      asMax: sizingForRequiredMax(inputs, result.requiredMax),
    };
  }, [validRaw, values, inputs, sizing.max, kernelMax]);
}
