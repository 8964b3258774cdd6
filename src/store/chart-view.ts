import { useMemo } from "react";
import { computeChainSeries, computeMemorySeries } from "../domain/sizing/chart-series";
import { useSizing } from "./calc-store";

// Its own module, loaded with the charts panel alone (a folded section).
/** The chart series for the current sizing. */
export function useChartSeries() {
  const { inputs, sizing } = useSizing();
  return useMemo(
    () => ({
      inputs,
      sizing,
      memory: computeMemorySeries(sizing, inputs.struct, inputs.ram),
      chain: computeChainSeries(sizing),
    }),
    [inputs, sizing],
  );
}
