import { useMemo } from "react";
import { timeoutRaw } from "../domain/sizing/fields";
import { changedTimeouts, defaultTimeouts, readTimeouts } from "../domain/kernel/timeouts";
import { ALERT_FIELDS } from "../domain/config/targets/alert-field";
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

/** The alert threshold in force, in percent: the last valid value typed, else the default. */
export function useAlertThreshold(): number {
  const { validRaw } = useSizing();
  const result = ALERT_FIELDS.alert.validate(validRaw.alert);
  return result.ok ? result.value : Number(ALERT_FIELDS.alert.default);
}
