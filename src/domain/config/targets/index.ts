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
 * header, their values and their kernel-version rules (docs/targets.md).
 *
 * @example buildTargets(source).map((t) => t.fileName)
 * // ["nf-conntrack.yml", "nf-conntrack-cloud-config.yaml", "nf-conntrack.nix",
 * //  "nf-conntrack-talos-patch.yaml", "nf-conntrack-alerts.yml", "check-nf-conntrack.sh"]
 */
export function buildTargets(source: TargetSource): TargetFile[] {
  return [
    ansibleTarget(source),
    cloudInitTarget(source),
    nixosTarget(source),
    talosTarget(source),
    prometheusTarget(source),
    checkTarget(source),
  ];
}
