import { useMemo } from "react";
import { buildSysctlConfig, renderConfig } from "../domain/sysctl-config";
import { useSizing } from "./calc-store";
import { shareLink } from "./link";
import { version } from "../../package.json";

export const GENERATOR = `conntrack-calc ${version}`;

/** The sysctl.d drop-in for the current inputs, exactly as copied and downloaded. */
export function useSysctlConfig(): string {
  const { validRaw, inputs, sizing } = useSizing();
  return useMemo(
    () =>
      renderConfig(buildSysctlConfig({ inputs, sizing, link: shareLink(validRaw), generator: GENERATOR })),
    [validRaw, inputs, sizing],
  );
}
