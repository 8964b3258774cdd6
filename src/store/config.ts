import { useEffect, useMemo, useState } from "react";
import {
  buildConfigFiles,
  firstBlock,
  renderConfig,
  renderSetupScript,
  type ConfigFileId,
  type ConfigLine,
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

/**
 * What kube-proxy writes on this node and the configuration that keeps the answer, as the blocks'
 * comments (kubeLines()): kube-proxy's policy loads after the page's first render, only for a
 * Kubernetes node, so the page's first download stays small; until then the blocks carry the
 * warning that holds for every release.
 */
function useKubeNotes(source: ConfigSource): readonly ConfigLine[] {
  const [notes, setNotes] = useState<{ source: ConfigSource; lines: readonly ConfigLine[] } | null>(null);
  useEffect(() => {
    if (source.kube === null) return;
    let current = true;
    void import("../domain/config/targets/target-source")
      .then(({ kubeLines }) => {
        if (current) setNotes({ source, lines: kubeLines({ ...source, alertThresholdPercent: 0 }, false) });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [source]);
  return notes !== null && notes.source === source ? notes.lines : NO_NOTES;
}

const NO_NOTES: readonly ConfigLine[] = [];

/** The config blocks for the current inputs and kernel, exactly as copied and downloaded. */
export function useConfigFiles(): RenderedConfig {
  const source = useConfigSource();
  const kubeNotes = useKubeNotes(source);
  return useMemo(() => {
    const files = buildConfigFiles(source, kubeNotes);
    return {
      files: files.map((file) => ({ id: file.id, path: file.path, text: renderConfig(file.lines) })),
      script: renderSetupScript(files, source, kubeNotes),
      first: firstBlock(source.rules),
    };
  }, [source, kubeNotes]);
}
