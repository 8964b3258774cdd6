import type { TargetId } from "../../domain/config/targets";
import type { Locale } from "../../domain/core/locale";

/** Each target's block: its title and what to do with it. */
type TargetBlockMessages = Readonly<Record<TargetId, { readonly title: string; readonly why: string }>>;

const en: TargetBlockMessages = {
  ansible: {
    title: "Ansible task list",
    why: "Import it in a play for the host (ansible.builtin.import_tasks). Idempotent: a second run changes nothing.",
  },
  "cloud-init": {
    title: "cloud-init user data",
    why: "Writes the same drop-ins and applies them on the first boot of a new machine.",
  },
  nixos: {
    title: "NixOS module",
    why: "Add it to imports in configuration.nix, then nixos-rebuild switch.",
  },
  talos: {
    title: "Talos machine config patch",
    why: "Apply with talosctl patch machineconfig --patch @nf-conntrack-talos-patch.yaml, or at talosctl gen config.",
  },
  prometheus: {
    title: "Prometheus alerting rules",
    why: "For node_exporter's conntrack metrics: the table fuller than the threshold, and any drop. promtool check rules reads it.",
  },
  check: {
    title: "Check script",
    why: "For hosts without Prometheus: one line and an exit status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), for cron or a Nagios-style check.",
  },
};

const zhCN: TargetBlockMessages = {
  ansible: {
    title: "Ansible 任务列表",
    why: "在针对该主机的 play 中导入（ansible.builtin.import_tasks）。幂等：再次运行不会改动任何东西。",
  },
  "cloud-init": {
    title: "cloud-init 用户数据",
    why: "写入同样的配置文件，并在新机器首次启动时生效。",
  },
  nixos: {
    title: "NixOS 模块",
    why: "加入 configuration.nix 的 imports，然后运行 nixos-rebuild switch。",
  },
  talos: {
    title: "Talos 机器配置补丁",
    why: "用 talosctl patch machineconfig --patch @nf-conntrack-talos-patch.yaml 应用，或在 talosctl gen config 时加入。",
  },
  prometheus: {
    title: "Prometheus 告警规则",
    why: "基于 node_exporter 的 conntrack 指标：占用超过阈值，以及任何丢包。可用 promtool check rules 检查。",
  },
  check: {
    title: "检查脚本",
    why: "给没有 Prometheus 的主机：输出一行并给出退出码（0 OK、1 WARNING、2 CRITICAL、3 UNKNOWN），适合 cron 或 Nagios 式检查。",
  },
};

/** The words of the tools' and alerts' blocks, in every language; loaded with the blocks. */
export const TARGET_BLOCKS: Readonly<Record<Locale, TargetBlockMessages>> = { en, "zh-CN": zhCN };
