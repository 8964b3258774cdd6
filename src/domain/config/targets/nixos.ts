import { headerLines, renderConfig, type ConfigLine } from "../config-files";
import {
  comment,
  kubeLines,
  readOnlyBucketsLines,
  section,
  setting,
  sysctlValues,
  text,
  type TargetFile,
  type TargetSource,
} from "./target-source";

/**
 * A NixOS module. boot.kernelModules lists modules systemd-modules-load loads at boot, before
 * systemd-sysctl applies boot.kernel.sysctl (written to /etc/sysctl.d/60-nixos.conf; a value may be
 * a string, an integer or a boolean); boot.extraModprobeConfig is appended to
 * /etc/modprobe.d/nixos.conf (NixOS/nixpkgs nixos/modules/system/boot/kernel.nix,
 * nixos/modules/config/sysctl.nix, nixos/modules/system/boot/modprobe.nix, release-24.05).
 *
 * @example nixosTarget(source).text // … boot = { kernelModules = [ "nf_conntrack" ]; …
 */
export function nixosTarget(source: TargetSource): TargetFile {
  const { sizing, rules } = source;
  const { module } = rules.names;
  const body: ConfigLine[] = [
    { kind: "list", key: "kernelModules", values: [module] },
    { kind: "block", key: "extraModprobeConfig", text: `options ${module} hashsize=${sizing.buckets}\n` },
    section(
      "kernel.sysctl",
      sysctlValues(source).map(({ key, value }) => setting(key, value)),
    ),
  ];
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("A NixOS module: add it to imports in configuration.nix, then nixos-rebuild switch (the table"),
    comment("size from extraModprobeConfig takes effect when the module next loads: reboot)."),
    ...readOnlyBucketsLines(source),
    ...kubeLines(source, false),
    text("{ ... }:"),
    section("", [section("boot", body)]),
  ];
  return { id: "nixos", fileName: "nf-conntrack.nix", syntax: "nix", text: renderConfig(lines, "nix") };
}
