import type { KubeNodeMaxSource, KubeProxyNote } from "../../domain/kube/kube-proxy-policy";
import type { Locale } from "../../domain/core/locale";
import type { KubeKey } from "../../domain/kube/kube-proxy-fields";
import { formatsFor } from "../format";

function english() {
  const { integer, bytes, plural } = formatsFor("en");
  return {
    intro:
      "kube-proxy sets nf_conntrack_max itself every time it starts, from the node's cores, the same way in iptables, ipvs and nftables mode. Enter the cores to see what it does and the kube-proxy configuration that gives the recommended value.",
    hints: {
      cores:
        "`getconf _NPROCESSORS_ONLN` on the node (or count /sys/devices/system/cpu/online): kube-proxy counts every online CPU, while `nproc` follows the shell's CPU affinity and can be smaller. Empty: not a Kubernetes node.",
      k8s: "`kubectl version`: the node's kube-proxy version, such as 1.36.",
    } satisfies Record<KubeKey, string>,
    byItself: "kube-proxy by itself",
    resultMax: ({ max }: { max: number }) => `nf_conntrack_max ${integer(max)}`,
    leavesAlone: "leaves nf_conntrack_max as it is",
    memory: ({ memoryBytes }: { memoryBytes: number }) => `${bytes(memoryBytes)} at a full table`,
    nodeMax: ({ max, source }: { max: number; source: KubeNodeMaxSource }): string =>
      `The node ends up with nf_conntrack_max ${integer(max)}` +
      (source === "kube-proxy"
        ? ", kube-proxy's value"
        : source === "kernel-default"
          ? ": the kernel's own default is larger, and this release never lowers it"
          : ": the sysctl.d value is larger, and this release never lowers it"),
    namespaces:
      "The limit is one for the node, but every pod's network namespace counts its own entries against it, so the node can hold more entries than this in all; nf_conntrack_max and the bucket count can be set only from the host's namespace, and a dump taken in a pod reads that pod's namespace only.",
    decidedBy: {
      "per-core": ({ cores }: { cores: number }) =>
        `32,768 per core × ${plural(cores, { one: "# core", other: "# cores" })}`,
      min: () => "its minimum, 131,072",
      cap: () => "capped at 1,048,576 since 1.36",
      "left-alone": () => "maxPerCore is 0",
    },
    notes: {
      "overwrites-max": () =>
        "kube-proxy overwrites nf_conntrack_max at every start: a sysctl.conf value is undone. Configure kube-proxy instead (below), or set maxPerCore to 0 so it leaves the sysctl alone.",
      "leaves-max": () =>
        "With maxPerCore 0 kube-proxy leaves nf_conntrack_max alone: the sysctl file applies.",
      capped: ({ scaled }: { scaled: number }) =>
        `${integer(scaled)} per-core would be more, but since 1.36 kube-proxy caps it at 1,048,576.`,
      "would-cap": ({ scaled }: { scaled: number }) =>
        `Upgrading to 1.36 would cap this ${integer(scaled)} at 1,048,576.`,
      "above-int-max": ({ max }: { max: number }) =>
        `${integer(max)} is above what the sysctl accepts: kube-proxy would fail to start.`,
      hashsize: ({ hashsize, fatal }: { hashsize: number; fatal: boolean }): string =>
        `kube-proxy also raises hashsize to ${integer(hashsize)} (max ÷ 4) when the table is smaller; that needs the host's network namespace and a writable /sys. ` +
        (fatal
          ? 'If that write fails, kube-proxy does not start ("could not set conntrack parameters from kube-proxy configuration").'
          : "A read-only /sys only gives an event and a log line; any other failure stops kube-proxy."),
      "only-raises": ({ timeouts }: { timeouts: boolean }): string =>
        timeouts
          ? "kube-proxy 1.23 to 1.28 only raise nf_conntrack_max and the two TCP timeouts, never lower them: a larger value already set (by sysctl.conf, say) stays."
          : "From 1.38 kube-proxy only raises nf_conntrack_max, never lowers it: a larger value already set (by sysctl.conf, say) stays.",
      "lowers-larger-max": () =>
        "1.36 and 1.37 write this value even over a larger one already set; 1.38 only raises it, and backports to 1.36 and 1.37 patch releases were proposed, not confirmed.",
      "sets-timeouts": () => "kube-proxy also sets TCP established to 24 h and close_wait to 1 h.",
      "raises-timeouts": ({
        established,
        closeWait,
      }: {
        established: number | null;
        closeWait: number | null;
      }): string =>
        "It writes a TCP timeout only when it is longer than the kernel's own: " +
        (established === null
          ? "established stays at the kernel's 432,000 s (5 days), as 24 h is shorter; "
          : `established becomes ${integer(established)} s; `) +
        (closeWait === null
          ? "close_wait stays at the kernel's 60 s."
          : `close_wait becomes ${integer(closeWait)} s.`),
    } satisfies Record<KubeProxyNote["code"], (values: never) => string>,
    configTitle: ({ max }: { max: number }) =>
      `kube-proxy configuration for nf_conntrack_max ${integer(max)}`,
    configWhy:
      "Merge this conntrack section into your KubeProxyConfiguration (a file with only this section resets every other field).",
    minAboveCap:
      "From 1.36 the per-core value is capped, so min carries a value above 1,048,576; a later release that also caps min would undo it.",
    sysctlFor: ({ keys }: { keys: string }) =>
      `kube-proxy does not manage ${keys}: keep them in the sysctl file.`,
    configOnlyRaises: ({
      timeouts,
      kernelDefault,
    }: {
      timeouts: boolean;
      kernelDefault: number | null;
    }): string =>
      (timeouts
        ? "This kube-proxy only raises nf_conntrack_max and the TCP timeouts: where a larger value is already on the node, it stays. "
        : "This kube-proxy only raises nf_conntrack_max: where a larger value is already on the node, it stays. ") +
      (kernelDefault === null
        ? "Set the same values in sysctl.d (or remove a larger setting); kube-proxy then leaves them."
        : `Here the kernel's own default, ${integer(kernelDefault)}, is larger and cannot be removed: set the value in sysctl.d; kube-proxy then leaves it.`),
    belowCores:
      "Fewer entries than cores cannot come from kube-proxy: set maxPerCore to 0 and use the sysctl file.",
  };
}

const en = english();

export type KubeMessages = typeof en;

function chinese(): KubeMessages {
  const { integer, bytes } = formatsFor("zh-CN");
  return {
    intro:
      "kube-proxy 每次启动都会按节点 CPU 核数自行设置 nf_conntrack_max，iptables、ipvs 和 nftables 模式下都一样。填入核数，即可看到它会怎么做，以及能得到建议值的 kube-proxy 配置。",
    hints: {
      cores:
        "在节点上运行 `getconf _NPROCESSORS_ONLN`（或查看 /sys/devices/system/cpu/online）：kube-proxy 统计所有在线 CPU，而 `nproc` 受当前 shell 的 CPU 亲和性限制，可能更小。留空表示不是 Kubernetes 节点。",
      k8s: "`kubectl version`：节点上 kube-proxy 的版本，如 1.36。",
    },
    byItself: "kube-proxy 自己的设置",
    resultMax: ({ max }) => `nf_conntrack_max ${integer(max)}`,
    leavesAlone: "不修改 nf_conntrack_max",
    memory: ({ memoryBytes }) => `表满时 ${bytes(memoryBytes)}`,
    nodeMax: ({ max, source }) =>
      `节点最终的 nf_conntrack_max 为 ${integer(max)}` +
      (source === "kube-proxy"
        ? "，即 kube-proxy 的值"
        : source === "kernel-default"
          ? "：内核自身的默认值更大，而此版本从不调小"
          : "：sysctl.d 中的值更大，而此版本从不调小"),
    namespaces:
      "上限对整个节点只有一个，但每个 Pod 的网络命名空间各自按这个上限计算自己的条目，因此整个节点合计可以超过这个数；nf_conntrack_max 和桶数只能在主机的命名空间里设置，在 Pod 里采集的数据只反映该 Pod 自己的命名空间。",
    decidedBy: {
      "per-core": ({ cores }) => `每核 32,768 × ${integer(cores)} 核`,
      min: () => "其下限 131,072",
      cap: () => "1.36 起上限为 1,048,576",
      "left-alone": () => "maxPerCore 为 0",
    },
    notes: {
      "overwrites-max": () =>
        "kube-proxy 每次启动都会覆盖 nf_conntrack_max：写在 sysctl.conf 里的值会被改掉。请改为配置 kube-proxy（见下），或把 maxPerCore 设为 0 让它不动这个参数。",
      "leaves-max": () => "maxPerCore 为 0 时 kube-proxy 不修改 nf_conntrack_max：以 sysctl 文件为准。",
      capped: ({ scaled }) =>
        `按每核计算应为 ${integer(scaled)}，但 1.36 起 kube-proxy 将其限制为 1,048,576。`,
      "would-cap": ({ scaled }) => `升级到 1.36 后，这里的 ${integer(scaled)} 会被限制为 1,048,576。`,
      "above-int-max": ({ max }) => `${integer(max)} 超出内核参数的取值范围：kube-proxy 将无法启动。`,
      hashsize: ({ hashsize, fatal }) =>
        `表较小时，kube-proxy 还会把 hashsize 调大到 ${integer(hashsize)}（max ÷ 4）；这需要主机网络命名空间和可写的 /sys。` +
        (fatal
          ? "写入失败时 kube-proxy 无法启动（“could not set conntrack parameters from kube-proxy configuration”）。"
          : "/sys 只读时只会产生一条事件和日志；其他失败会让 kube-proxy 停止。"),
      "only-raises": ({ timeouts }) =>
        timeouts
          ? "kube-proxy 1.23 至 1.28 只会调大 nf_conntrack_max 和两个 TCP 超时，从不调小：已设置的更大值（例如来自 sysctl.conf）会保留。"
          : "1.38 起 kube-proxy 只会调大 nf_conntrack_max，从不调小：已设置的更大值（例如来自 sysctl.conf）会保留。",
      "lowers-larger-max": () =>
        "1.36 和 1.37 即使已设置了更大的值也会写入此值；1.38 起只会调大，向 1.36、1.37 补丁版本的回移已提出，尚未确认。",
      "sets-timeouts": () => "kube-proxy 还会把 TCP established 设为 24 小时、close_wait 设为 1 小时。",
      "raises-timeouts": ({ established, closeWait }) =>
        "它只在 TCP 超时比内核自身的值更长时才写入：" +
        (established === null
          ? "established 保持内核的 432,000 秒（5 天），因为 24 小时更短；"
          : `established 变为 ${integer(established)} 秒；`) +
        (closeWait === null ? "close_wait 保持内核的 60 秒。" : `close_wait 变为 ${integer(closeWait)} 秒。`),
    },
    configTitle: ({ max }) => `使 nf_conntrack_max 为 ${integer(max)} 的 kube-proxy 配置`,
    configWhy:
      "把这段 conntrack 配置合并到你的 KubeProxyConfiguration 中（只包含这一段的文件会把其他字段都重置为默认值）。",
    minAboveCap:
      "1.36 起每核的值有上限，因此用 min 承载超过 1,048,576 的值；若以后的版本也限制 min，这个配置就会失效。",
    sysctlFor: ({ keys }) => `kube-proxy 不管理 ${keys}：请保留在 sysctl 文件中。`,
    configOnlyRaises: ({ timeouts, kernelDefault }) =>
      (timeouts
        ? "此版本的 kube-proxy 只会调大 nf_conntrack_max 和 TCP 超时：节点上已有的更大值会保留。"
        : "此版本的 kube-proxy 只会调大 nf_conntrack_max：节点上已有的更大值会保留。") +
      (kernelDefault === null
        ? "请在 sysctl.d 中设置相同的值（或移除更大的设置），kube-proxy 便不再改动。"
        : `这里内核自身的默认值 ${integer(kernelDefault)} 更大，且无法移除：请在 sysctl.d 中设置该值，kube-proxy 便不再改动。`),
    belowCores: "kube-proxy 无法设置少于核数的条目数：请把 maxPerCore 设为 0，改用 sysctl 文件。",
  };
}

/** The words of this part of the page, in every language; loaded with the part. */
export const KUBE: Readonly<Record<Locale, KubeMessages>> = { en, "zh-CN": chinese() };
