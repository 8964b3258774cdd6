import { headerLines, renderConfig, type ConfigLine } from "../config-files";
import { formatKernelVersion } from "../../kernel/kernel-version";
import {
  blank,
  comment,
  kubeLines,
  kubeProxyPlan,
  section,
  setting,
  sysctlValues,
  type TargetFile,
  type TargetSource,
} from "./target-source";

/**
 * The Talos release whose configuration reference and kernel were read: machine.sysctls
 * (map[string]string), machine.kernel.modules (name, parameters) and cluster.proxy.extraArgs in
 * pkg/machinery/config/types/v1alpha1/v1alpha1_types.go at v1.13.9 (3ebd10a7c1bd); its kernel,
 * siderolabs/pkgs f541ca434ee6 (PKGS in Talos' Makefile), is Linux 6.18.44 with
 * CONFIG_NF_CONNTRACK=y (kernel/build/config-amd64 and config-arm64).
 */
const TALOS = { release: "v1.13.9", kernel: "6.18.44" } as const;

/**
 * A Talos machine configuration patch. nf_conntrack is built into Talos' kernel, so a
 * machine.kernel.modules entry would load nothing and its parameters would never be read: the
 * bucket count goes in the sysctl, which that kernel lets be written. Sysctl values are strings
 * in Talos' schema. On a Kubernetes node the kube-proxy flags that keep the value are added.
 *
 * @example talosTarget(source).text // … machine:\n  sysctls:\n    net.netfilter.nf_conntrack_max: "524288" …
 */
export function talosTarget(source: TargetSource): TargetFile {
  const { inputs, rules } = source;
  const sysctls = sysctlValues(source).map(({ key, value }) => setting(key, String(value)));
  const plan = kubeProxyPlan(source);
  const patch: ConfigLine[] = [section("machine", [section("sysctls", sysctls)])];
  if (source.kube !== null) {
    // kube-proxy's --conntrack-max-per-core and --conntrack-min flags, the command-line names of
    // conntrack.maxPerCore and conntrack.min; 0 per core leaves nf_conntrack_max to the sysctl.
    patch.push(
      section("cluster", [
        section("proxy", [
          section("extraArgs", [
            setting("conntrack-max-per-core", String(plan?.maxPerCore ?? 0)),
            ...(plan !== null && plan.maxPerCore > 0 ? [setting("conntrack-min", String(plan.min))] : []),
          ]),
        ]),
      ]),
    );
  }
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("A Talos machine configuration patch: talosctl patch machineconfig --patch @this-file,"),
    comment("or talosctl gen config --config-patch @this-file."),
    comment(
      `Written for Talos ${TALOS.release}, whose kernel (${TALOS.kernel}) has nf_conntrack built in: no`,
    ),
    comment("machine.kernel.modules entry, whose parameters a built-in module never reads; the bucket"),
    comment("count is set by its sysctl instead."),
    ...(rules.bucketsSysctlWritable
      ? []
      : [
          comment(`Kernel ${formatKernelVersion(inputs.kernel)} is older than any Talos kernel and its`),
          comment(`${rules.names.bucketsSysctl} is read-only, so it is left out, as in the plain files.`),
        ]),
    ...(source.kube === null
      ? [
          comment("A Talos node runs kube-proxy unless cluster.proxy.disabled is set: it writes"),
          comment(`${rules.names.maxSysctl} when it starts; enter the node's cores on the page for the`),
          comment("cluster.proxy.extraArgs that keep the value set here."),
        ]
      : [...kubeLines(source, false), comment("On Talos, cluster.proxy.extraArgs below does that.")]),
    blank,
    ...patch,
  ];
  return {
    id: "talos",
    fileName: "nf-conntrack-talos-patch.yaml",
    syntax: "yaml",
    text: renderConfig(lines, "yaml"),
  };
}
