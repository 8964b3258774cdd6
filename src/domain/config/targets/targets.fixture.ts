import { DEFAULT_RAW, readInputs, type RawInputs } from "../../sizing/inputs";
import { kernelRules } from "../../kernel/kernel-defaults";
import { computeSizing } from "../../sizing/sizing";
import type { ChangedTimeout } from "../../kernel/timeouts";
import { k8s } from "../../kube/kubernetes-version";
import type { TargetSource } from "./target-source";

/** A TargetSource from raw inputs, as the page builds one (store/config.ts). */
export function targetSource(
  raw: Partial<RawInputs>,
  extra: Partial<Pick<TargetSource, "alertThresholdPercent" | "kube" | "timeouts" | "link">> = {},
): TargetSource {
  const inputs = readInputs({ ...DEFAULT_RAW, ...raw });
  return {
    inputs,
    sizing: computeSizing(inputs),
    rules: kernelRules(inputs.kernel),
    link: extra.link ?? "https://example.test/calc/?v=2&ram=16GiB&arch=64&kernel=6.12&page=4",
    generator: "conntrack-calc 0.0.0",
    timeouts: extra.timeouts ?? [],
    alertThresholdPercent: extra.alertThresholdPercent ?? 75,
    kube: extra.kube ?? null,
  };
}

export const UDP_TIMEOUT: ChangedTimeout = {
  key: "udp_timeout",
  sysctl: "net.netfilter.nf_conntrack_udp_timeout",
  seconds: 10,
  kernelDefaultSeconds: 30,
};

/** The scenarios the golden files are kept for: three kernel eras and a Kubernetes node. */
export const SCENARIOS = {
  "kernel 3.10": targetSource({ kernel: "3.10" }),
  "kernel 4.19": targetSource({ kernel: "4.19" }),
  "kernel 6.12": targetSource({ kernel: "6.12" }, { timeouts: [UDP_TIMEOUT] }),
  /** Refuses nf_conntrack_max = 0 (6.19 on): no guard for a limit of 0 in the rules. */
  "kernel 7.3": targetSource({ kernel: "7.3" }),
  "Kubernetes node": targetSource(
    { kernel: "6.12", ram: "64G" },
    { kube: { cores: 16, version: k8s(36) }, alertThresholdPercent: 80 },
  ),
} as const;
