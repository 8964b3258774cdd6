import type { TargetId } from "../../domain/config/targets";
import type { Locale } from "../../domain/core/locale";

/** Each target's block: its title and what to do with it. */
type TargetBlockMessages = Readonly<Record<TargetId, { readonly title: string; readonly why: string }>>;

const en: TargetBlockMessages = {
  ansible: {
    title: "Ansible task list, for every host",
    why: "Import it in a play (ansible.builtin.import_tasks) with facts gathered: each host gets the max and bucket count for its own RAM (ansible_memtotal_mb), by the same rule. Idempotent: a second run changes nothing.",
  },
  "ansible-host": {
    title: "Ansible task list with this page's values",
    why: "The numbers above written in, for the one host they describe.",
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
    title: "Prometheus alerting rules, for every host",
    why: "One file for the whole fleet: each rule reads the host's own limit and MemTotal from node_exporter. It fires on the table fuller than the threshold, on sustained drops, on insert failures, on the insert race (named apart: a bigger table does not fix it) and on a limit below the recommended. Every rule has a for: duration. promtool check rules reads it.",
  },
  "prometheus-host": {
    title: "Prometheus alerting rules with this page's values",
    why: "The same rules, with the recommended values and the link of the one host above in every description.",
  },
  check: {
    title: "Check script",
    why: "For hosts without Prometheus: one line and an exit status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), for cron or a Nagios-style check.",
  },
};

const zhCN: TargetBlockMessages = {
  ansible: {
    title: "Ansible 任务列表（适用于每台主机）",
    why: "在收集 facts 的 play 中导入（ansible.builtin.import_tasks）：每台主机按同一规则，由自身内存（ansible_memtotal_mb）算出 max 和桶数。幂等：再次运行不会改动任何东西。",
  },
  "ansible-host": {
    title: "使用本页数值的 Ansible 任务列表",
    why: "直接写入上面的数值，只适用于它们所描述的那一台主机。",
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
    title: "Prometheus 告警规则（适用于每台主机）",
    why: "整个集群共用一个文件：每条规则从 node_exporter 读取该主机自身的上限和 MemTotal。在占用超过阈值、持续丢包、插入失败、插入竞争（单独列出：调大表解决不了）以及上限低于推荐值时告警。每条规则都带 for（持续时间）。可用 promtool check rules 检查。",
  },
  "prometheus-host": {
    title: "使用本页数值的 Prometheus 告警规则",
    why: "同样的规则，每条描述里带上上面这台主机的推荐值和链接。",
  },
  check: {
    title: "检查脚本",
    why: "给没有 Prometheus 的主机：输出一行并给出退出码（0 OK、1 WARNING、2 CRITICAL、3 UNKNOWN），适合 cron 或 Nagios 式检查。",
  },
};

/** The words of the tools' and alerts' blocks, in every language; loaded with the blocks. */
export const TARGET_BLOCKS: Readonly<Record<Locale, TargetBlockMessages>> = { en, "zh-CN": zhCN };
