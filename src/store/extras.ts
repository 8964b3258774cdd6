import { useMemo } from "react";
import { timeoutRaw } from "../domain/sizing/fields";
import { changedTimeouts, defaultTimeouts, readTimeouts } from "../domain/kernel/timeouts";
import { readAlertThreshold } from "../domain/config/targets/alert-field";
import { readTarget, type TargetChoice } from "../domain/config/targets/target-field";
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

/** The alert threshold in force, in percent: the last valid value typed. */
export function useAlertThreshold(): number {
  return readAlertThreshold(useSizing().validRaw.alert);
}

/** The output shown: the last valid choice. */
export function useOutputTarget(): TargetChoice {
  return readTarget(useSizing().validRaw.target);
}
