import { useMemo } from "react";
import {
  buildConfigFiles,
  firstBlock,
  renderConfig,
  renderSetupScript,
  type ConfigFileId,
  type ConfigSource,
} from "../domain/config/config-files";
import { kernelRules } from "../domain/kernel/kernel-defaults";
import { useSizing } from "./calc-store";
import { useTimeouts } from "./extras";
import { readKubeNode } from "../domain/kube/kube-proxy-fields";
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

/** What every generated file is made from: the inputs, their sizing, the kernel's rules, the link. */
export function useConfigSource(): ConfigSource {
  const { validRaw, inputs, sizing } = useSizing();
  const { changed } = useTimeouts();
  return useMemo(
    () => ({
      inputs,
      sizing,
      rules: kernelRules(inputs.kernel),
      link: shareLink(validRaw),
      generator: GENERATOR,
      timeouts: changed,
      kube: readKubeNode({ cores: validRaw.cores, k8s: validRaw.k8s }),
    }),
    [validRaw, inputs, sizing, changed],
  );
}

/** The config blocks for the current inputs and kernel, exactly as copied and downloaded. */
export function useConfigFiles(): RenderedConfig {
  const source = useConfigSource();
  return useMemo(() => {
    const files = buildConfigFiles(source);
    return {
      files: files.map((file) => ({ id: file.id, path: file.path, text: renderConfig(file.lines) })),
      script: renderSetupScript(files, source),
      first: firstBlock(source.rules),
    };
  }, [source]);
}
