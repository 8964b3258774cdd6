import { ansibleTarget } from "./ansible";
import { checkTarget } from "./check";
import { cloudInitTarget } from "./cloud-init";
import { nixosTarget } from "./nixos";
import { prometheusTarget } from "./prometheus";
import { talosTarget } from "./talos";
import type { TargetFile, TargetSource } from "./target-source";

export type { TargetFile, TargetId, TargetSource } from "./target-source";

/**
 * The config as the tools that deploy it take it, in the page's order: an Ansible task list, a
 * cloud-init user-data file, a NixOS module, a Talos machine config patch, Prometheus alerting
 * rules and a check script for hosts without Prometheus. Every file carries the plain files'
 * header, their values and their kernel-version rules (docs/targets.md). The Ansible tasks and the
 * Prometheus rules come twice: for every host, from each host's facts or metrics, and with this
 * page's values for one host (`-host`).
 *
 * @example buildTargets(source).map((t) => t.fileName)
 * // ["nf-conntrack.yml", "nf-conntrack-host.yml", "nf-conntrack-cloud-config.yaml",
 * //  "nf-conntrack.nix", "nf-conntrack-talos-patch.yaml", "nf-conntrack-alerts.yml",
 * //  "nf-conntrack-alerts-host.yml", "check-nf-conntrack.sh"]
 */
export function buildTargets(source: TargetSource): TargetFile[] {
  return [
    ansibleTarget(source, "fleet"),
    ansibleTarget(source, "host"),
    cloudInitTarget(source),
    nixosTarget(source),
    talosTarget(source),
    prometheusTarget(source, "fleet"),
    prometheusTarget(source, "host"),
    checkTarget(source),
  ];
}
