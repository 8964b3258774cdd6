import { useMemo } from "react";
import { timeoutRaw } from "../domain/sizing/fields";
import { changedTimeouts, defaultTimeouts, readTimeouts } from "../domain/kernel/timeouts";
import { useSizing } from "./calc-store";

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
