import { useMemo } from "react";
import { explainDifferences, uncertainBoundaries } from "../domain/kernel/kernel-compare";
import { computeKernelDefault } from "../domain/kernel/kernel-defaults";
import { distributionKernel } from "../domain/kernel/kernel-version";
import { useSizing } from "./calc-store";

// Its own module, loaded with the kernel panel alone: the kernel comparison stays out of the
// page's first download (whether the section opens comes from useKernelWarns()).
/** What the chosen kernel does by itself on this machine, and how the recommendation differs. */
export function useKernelView() {
  const { validRaw, inputs, sizing } = useSizing();
  return useMemo(() => {
    const kernel = computeKernelDefault(inputs);
    return {
      kernel,
      differences: explainDifferences(inputs, sizing, kernel),
      uncertain: uncertainBoundaries(inputs.kernel),
      distribution: distributionKernel(validRaw.kernel),
    };
  }, [validRaw.kernel, inputs, sizing]);
}
