import { useMemo } from "react";
import {
  buildConfigFiles,
  firstBlock,
  renderConfig,
  renderSetupScript,
  type ConfigFileId,
} from "../domain/config/config-files";
import { kernelRules } from "../domain/kernel/kernel-defaults";
import { useSizing } from "./calc-store";
import { useTimeouts } from "./extras";
import { shareLink } from "./link";
import { version } from "../../package.json";

const GENERATOR = `conntrack-calc ${version}`;

export interface RenderedConfig {
  readonly files: ReadonlyArray<{ id: ConfigFileId; path: string | null; text: string }>;
  /** Every block in one script: the "download all". */
  readonly script: string;
  /** The block that matters most on this kernel, shown first. */
  readonly first: "sysctl" | "script";
}

/** The config blocks for the current inputs and kernel, exactly as copied and downloaded. */
export function useConfigFiles(): RenderedConfig {
  const { validRaw, inputs, sizing } = useSizing();
  const { changed } = useTimeouts();
  return useMemo(() => {
    const rules = kernelRules(inputs.kernel);
    const source = {
      inputs,
      sizing,
      rules,
      link: shareLink(validRaw),
      generator: GENERATOR,
      timeouts: changed,
    };
    const files = buildConfigFiles(source);
    return {
      files: files.map((file) => ({ id: file.id, path: file.path, text: renderConfig(file.lines) })),
      script: renderSetupScript(files, source),
      first: firstBlock(rules),
    };
  }, [validRaw, inputs, sizing, changed]);
}
