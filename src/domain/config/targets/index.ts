import { ansibleTarget } from "./ansible";
import { checkTarget } from "./check";
import { cloudInitTarget } from "./cloud-init";
import { nixosTarget } from "./nixos";
import { prometheusTarget } from "./prometheus";
import { talosTarget } from "./talos";
import { fileLink } from "../file-text";
import type { TargetFile, TargetSource } from "./target-source";

export type { TargetFile, TargetId, TargetSource } from "./target-source";

/**
 * The config as the tools that deploy it take it, in the page's order: an Ansible task list, a
 * cloud-init user-data file, a NixOS module, a Talos machine config patch, Prometheus alerting
 * rules and a check script for hosts without Prometheus. Every file carries the plain files'
 * header, their values and their kernel-version rules (docs/targets.md). The Ansible tasks and the
 * Prometheus rules come twice: for every host, from each host's facts or metrics, and with this
 * page's values for one host (`-host`). The link is made fit for a file here, once (fileLink()), so
 * a target that writes it outside the header (the alerting rules' `reproduce` annotation) carries
 * the same bounded, printable text.
 *
 * @example buildTargets(source).map((t) => t.fileName)
 * // ["nf-conntrack.yml", "nf-conntrack-host.yml", "nf-conntrack-cloud-config.yaml",
 * //  "nf-conntrack.nix", "nf-conntrack-talos-patch.yaml", "nf-conntrack-alerts.yml",
 * //  "nf-conntrack-alerts-host.yml", "check-nf-conntrack.sh"]
 */
export function buildTargets(given: TargetSource): TargetFile[] {
  const source = { ...given, link: fileLink(given.link).text };
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
