import type { ConfigLine, ConfigSource } from "../config-files";
import { formatEnglishCount } from "../../core/format";
import { formatKernelVersion } from "../../kernel/kernel-version";
import { computeKubeProxy, kubeProxyWriteMode } from "../../kube/kube-proxy-policy";
import { kubeProxyConfigFor, type KubeProxyConntrackConfig } from "../../kube/kube-proxy-plan";
import type { KubeNode } from "../../kube/kube-proxy-fields";

/** A generated file's inputs: the plain config's, the alert threshold and the Kubernetes node. */
export type TargetSource = ConfigSource & {
  /** The fill share, in percent (1 to 100), above which the alerting targets warn. */
  readonly alertThresholdPercent: number;
  /** The node kube-proxy runs on, or null when this is not a Kubernetes node. */
  readonly kube: KubeNode | null;
};

export type TargetId =
  "ansible" | "ansible-host" | "cloud-init" | "nixos" | "talos" | "prometheus" | "prometheus-host" | "check";

/**
 * Where the Ansible tasks and the Prometheus rules take the per-host values from: `fleet`, each
 * host's own (its facts, its metrics), so one file is right for every node; `host`, this page's
 * numbers, for the one host the page describes.
 */
export type ValuesFrom = "fleet" | "host";

export interface TargetFile {
  readonly id: TargetId;
  /** The download's name. */
  readonly fileName: string;
  readonly syntax: "yaml" | "nix" | "sh";
  /** The file exactly as downloaded, ending with a newline. */
  readonly text: string;
}

export const comment = (text: string): ConfigLine => ({ kind: "comment", text });
export const setting = (key: string, value: number | string | boolean): ConfigLine => ({
  kind: "setting",
  key,
  value,
});
export const section = (key: string, lines: readonly ConfigLine[]): ConfigLine => ({
  kind: "section",
  key,
  lines,
});
export const item = (lines: readonly ConfigLine[]): ConfigLine => ({ kind: "item", lines });
export const text = (line: string): ConfigLine => ({ kind: "text", text: line });
export const blank: ConfigLine = { kind: "blank" };

/** One sysctl a target sets, in the order the plain sysctl.d drop-in writes them. */
export interface SysctlValue {
  readonly key: string;
  readonly value: number;
  /** Why it is there, as the drop-in says it. */
  readonly why: string;
}

/**
 * The sysctls every target sets, as /etc/sysctl.d/90-nf-conntrack.conf does (config-files.ts):
 * nf_conntrack_max, nf_conntrack_buckets only where this kernel lets the sysctl be written (4.8 on,
 * KernelRules.bucketsSysctlWritable), then the timeouts changed from the kernel's defaults.
 */
export function sysctlValues({ sizing, rules, timeouts }: ConfigSource): SysctlValue[] {
  const values: SysctlValue[] = [{ key: rules.names.maxSysctl, value: sizing.max, why: "the table's limit" }];
  if (rules.bucketsSysctlWritable) {
    values.push({ key: rules.names.bucketsSysctl, value: sizing.buckets, why: "the hash table's size" });
  }
  for (const timeout of timeouts) {
    values.push({
      key: timeout.sysctl,
      value: timeout.seconds,
      why: `timeout in seconds, kernel default ${timeout.kernelDefaultSeconds}`,
    });
  }
  return values;
}

/**
 * Where the bucket count goes when the sysctl is read-only on this kernel (before 4.8): the module
 * option at load, and the /sys parameter now where it is writable (2.6.15 on, eed75f191d83).
 * `perHost`: each host computes its own count, so this page's is not named.
 */
export function readOnlyBucketsLines({ inputs, sizing, rules }: ConfigSource, perHost = false): ConfigLine[] {
  if (rules.bucketsSysctlWritable) return [];
  const { names } = rules;
  return [
    comment(`${names.bucketsSysctl} is read-only on kernel ${formatKernelVersion(inputs.kernel)}:`),
    comment(
      `the bucket count${perHost ? "" : ` (${sizing.buckets})`} comes from the module option hashsize when ${names.module} loads`,
    ),
    rules.hashsizeWritable
      ? comment(`and, on a running host, from ${names.hashsizeParameter}.`)
      : comment("and only then: this kernel reads hashsize at module load alone (mode 0400)."),
  ];
}

/** The kube-proxy configuration that makes kube-proxy itself write the recommended max. */
export function kubeProxyPlan(source: TargetSource): KubeProxyConntrackConfig | null {
  if (source.kube === null) return null;
  const changedTimeouts = Object.fromEntries(source.timeouts.map((t) => [t.key, t.seconds]));
  const plan = kubeProxyConfigFor({
    wantedMax: source.sizing.max,
    cores: source.kube.cores,
    version: source.kube.version,
    changedTimeouts,
  });
  return plan.ok ? plan.value.conntrack : null;
}

/**
 * What a Kubernetes node's kube-proxy does to these values, as the page's Kubernetes panel says it
 * (kube-proxy-policy.ts): it writes nf_conntrack_max at every start from maxPerCore x cores
 * (getConntrackMax(), pkg/proxy/conntrack/sysctls.go), so the value must come from its
 * configuration. `alerting`: the thresholds read the limit the kernel reports, kube-proxy's value.
 * `fleet`: each host sets its own value, so kube-proxy is told to leave it (maxPerCore: 0) rather
 * than to write this page's.
 */
export function kubeLines(
  source: TargetSource,
  alerting: boolean,
  values: ValuesFrom = "host",
): ConfigLine[] {
  const { kube } = source;
  if (kube === null) return [];
  const { maxSysctl } = source.rules.names;
  const version = `${kube.version.major}.${kube.version.minor}`;
  const own = computeKubeProxy({ cores: kube.cores, version: kube.version });
  const mode = kubeProxyWriteMode(kube.version);
  const lines = [
    comment(""),
    comment(
      `Kubernetes node, ${formatEnglishCount(String(kube.cores), "core", "cores")}, kube-proxy ${version}: kube-proxy writes ${maxSysctl}`,
    ),
    comment(
      mode === "overwrites"
        ? `every time it starts (${own.max ?? "left alone"} with its defaults), over the value set here.`
        : `when it starts, only to raise it (${own.max ?? "left alone"} with its defaults).`,
    ),
  ];
  const plan = values === "fleet" ? null : kubeProxyPlan(source);
  lines.push(
    plan === null || plan.maxPerCore === 0
      ? comment(
          values === "fleet"
            ? "Set conntrack.maxPerCore: 0 to leave each host's value set here,"
            : "Set conntrack.maxPerCore: 0 in the kube-proxy configuration to leave the value set here.",
        )
      : comment(
          `To keep ${source.sizing.max}, set conntrack.maxPerCore: ${plan.maxPerCore} and conntrack.min: ${plan.min ?? 0}`,
        ),
    comment("in the kube-proxy configuration (kubeadm: the kube-proxy ConfigMap in kube-system);"),
    comment("the page's Kubernetes panel shows the whole KubeProxyConfiguration."),
  );
  if (alerting) {
    lines.push(
      comment(`The thresholds compare with the limit the kernel reports (${maxSysctl}), which is`),
      comment("kube-proxy's value once it has started."),
    );
  }
  return lines;
}
