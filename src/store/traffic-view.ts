import { useMemo } from "react";
import { compareTraffic } from "../domain/traffic/traffic-verdict";
import { computeTrafficSizing, sizingForRequiredMax } from "../domain/traffic/traffic-sizing";
import { readTraffic } from "../domain/traffic/traffic-fields";
import { useKernelView, useSizing } from "./calc-store";
import { useTimeouts } from "./extras";

// Its own module, loaded with the traffic panel alone: the traffic model stays out of the page's
// first download.
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
      comparison: compareTraffic(result, sizing.max, kernel.max),
      asMax: sizingForRequiredMax(inputs, result.requiredMax),
    };
  }, [validRaw, values, inputs, sizing.max, kernel.max]);
}
