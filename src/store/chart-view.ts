import { useMemo } from "react";
import { computeChainSeries, computeMemorySeries, type ChartSizing } from "../domain/sizing/chart-series";
import { useSizing } from "./calc-store";

// Its own module, loaded with the charts panel alone (a folded section).
/**
 * The chart series for the current sizing. Keyed on the few numbers the charts show, so a field
 * they do not show (timeouts, traffic, the kernel's text when it changes nothing) returns the same
 * series object and the memoised drawings skip their render.
 */
export function useChartSeries() {
  const { inputs, sizing } = useSizing();
  const { struct, ram } = inputs;
  const { max, buckets, ramShare } = sizing;
  const { hashTable, total } = sizing.memory;
  return useMemo(() => {
    const shown: ChartSizing = { max, buckets, ramShare, memory: { hashTable, total } };
    return {
      struct,
      sizing: shown,
      memory: computeMemorySeries(shown, struct, ram),
      chain: computeChainSeries(shown),
    };
  }, [struct, ram, max, buckets, ramShare, hashTable, total]);
}
