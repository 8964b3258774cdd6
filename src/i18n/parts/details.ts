import type { KernelDifference, UncertainBoundary } from "../../domain/kernel/kernel-compare";
import type { KernelVendor } from "../../domain/kernel/kernel-version";
import type { TimeoutReason } from "../../domain/kernel/timeouts";
import type { Locale } from "../../domain/core/locale";
import { formatsFor } from "../format";

/** Where kvmalloc() may use huge vmalloc pages: x86-64 from 5.18, arm64 from 6.1 (hash-table-footprint.ts). */
interface HugeOn {
  readonly x86: boolean;
  readonly arm64: boolean;
}

function hugeArchesEn({ x86, arm64 }: HugeOn): string {
  if (x86 && arm64) return "x86-64 (from 5.18) and arm64 (from 6.1)";
  if (x86) return "x86-64 (from 5.18; arm64 only from 6.1)";
  return "arm64 (from 6.1)";
}

function hugeArchesZh({ x86, arm64 }: HugeOn): string {
  if (x86 && arm64) return "x86-64（5.18 起）和 arm64（6.1 起）";
  if (x86) return "x86-64（5.18 起；arm64 要到 6.1 起）";
  return "arm64（6.1 起）";
}

// The words of the folded details (what the kernel does by itself, the charts, the timeouts):
// they load with those panels, so the page's first download carries only their headings.

function english() {
  const { integer, decimal, percent, bytes, plural, pluralDecimal } = formatsFor("en");
  return {
    kernel: {
      caption: ({ version }: { version: string }) =>
        `Kernel ${version} default compared with the recommendation`,
      byItself: ({ version }: { version: string }) => `Kernel ${version} by itself`,
      recommended: "Recommended",
      ratioRow: "Entries per bucket",
      memoryRow: "Memory at a full table",
      bootLineIntro: "At boot this kernel logs (compare with `dmesg | grep conntrack`):",
      noBootLine: ({ command }: { command: string }) =>
        `This kernel logs no sizing line at boot; read its values with \`${command}\`.`,
    },
    differences: {
      "shrinks-table": ({ kernelBuckets, buckets }: { kernelBuckets: number; buckets: number }) =>
        `The recommendation shrinks the table this kernel allocates by itself, from ${integer(kernelBuckets)} to ${plural(buckets, { one: "# bucket", other: "# buckets" })}: chains get longer and lookups slower. Keep the kernel's count unless memory is tight (use fewer entries per bucket).`,
      "grows-table": ({ kernelBuckets, buckets }: { kernelBuckets: number; buckets: number }) =>
        `The recommendation grows the hash table from the kernel's ${integer(kernelBuckets)} to ${plural(buckets, { one: "# bucket", other: "# buckets" })}.`,
      "lowers-max": ({ max, kernelMax }: { max: number; kernelMax: number }) =>
        `The recommendation allows fewer connections (${integer(max)}) than this kernel's own default (${integer(kernelMax)}): the table fills sooner.`,
      "raises-max": ({ times, kernelMax }: { times: number; kernelMax: number }) =>
        `The recommendation allows ${decimal(times)} times the connections of this kernel's own default (${integer(kernelMax)}).`,
      "same-as-kernel": () => "The recommendation is what this kernel picks by itself: no change is needed.",
      "kernel-capped": ({ aboveGiB, capBuckets }: { aboveGiB: number; capBuckets: number }) =>
        `Above ${aboveGiB} GiB of MemTotal this kernel stops at ${plural(capBuckets, { one: "# bucket", other: "# buckets" })}, however much RAM there is; the RAM rule keeps growing.`,
      "kernel-floor": ({ floorBuckets }: { floorBuckets: number }) =>
        `On this little RAM the kernel uses its minimum of ${plural(floorBuckets, { one: "# bucket", other: "# buckets" })}.`,
      "four-gb-vm": ({ capBuckets }: { capBuckets: number }) =>
        `A "4 GB" machine reports a MemTotal a little under 4 GiB, and the kernel compares strictly above 4 GiB: it gets the 1 to 4 GiB default of ${plural(capBuckets, { one: "# bucket", other: "# buckets" })}. Enter MemTotal, not the size you ordered.`,
      "no-262144-on-32-bit": () =>
        "32-bit kernels never get the 262,144-bucket default: above 1 GiB they stop at 65,536.",
      "ratio-differs": ({ kernelRatio }: { kernelRatio: number }) =>
        `On its own this kernel sets nf_conntrack_max = ${kernelRatio} × nf_conntrack_buckets; your entries per bucket differ.`,
      "hashsize-factor-8": ({ impliedMax }: { impliedMax: number }) =>
        `Setting the bucket count with the hashsize module option skips the kernel's auto-size and makes its own max 8 × hashsize = ${integer(impliedMax)}, unless nf_conntrack_max is also set, as the sysctl file here does.`,
      "max-from-unrounded": ({ buckets }: { buckets: number }) =>
        `This kernel computes its max from the unrounded ${plural(buckets, { one: "# bucket", other: "# buckets" })}, and its boot line prints that number, while the table it allocates is rounded up to whole pages.`,
      "table-per-namespace": () =>
        "From 2.6.28 to 4.6 every network namespace (every container) allocates its own hash table of this size: multiply the hash table memory by the number of namespaces. Writing hashsize resizes only the host's table; namespaces created before keep their size.",
      "buckets-sysctl-read-only": () =>
        "Before 4.8 nf_conntrack_buckets is read-only (mode 0444): the config sets the bucket count with the module option and the hashsize parameter instead.",
      "hashsize-at-load-only": () =>
        "Before 2.6.15 the hashsize parameter is read only when the module loads (mode 0400): a loaded table cannot be resized. The config sets it for the next load; reloading the module now forgets every tracked connection.",
      "ip-conntrack": () =>
        "This kernel tracks IPv4 connections with ip_conntrack (until 2.6.21): its keys are net.ipv4.netfilter.ip_conntrack_*, and the config uses them.",
      "list-head": () =>
        "Bucket heads on this kernel are two pointers (struct list_head), so its own hash table costs twice as much per bucket.",
      "num-physpages": () =>
        "This kernel sizes from the physical page count (num_physpages), closer to installed RAM than MemTotal: its own default may be slightly larger than shown.",
      "max-zero-refused": () =>
        "From 6.19 nf_conntrack_max = 0 is refused (the sysctl's minimum is 1); before, 0 meant no limit at all.",
      "huge-vmalloc": ({
        tableBytes,
        upToBytes,
        hugePageBytes,
        x86,
        arm64,
      }: {
        tableBytes: number;
        upToBytes: number;
        hugePageBytes: number;
      } & HugeOn) =>
        `On ${hugeArchesEn({ x86, arm64 })} a hash table this large may be mapped with ${bytes(hugePageBytes)} pages, rounding its ${bytes(tableBytes)} up to ${bytes(upToBytes)}: the real figure lies between the two (a freshly booted Debian 6.12 took the rounded size; /proc/vmallocinfo names the allocation).`,
    } satisfies Record<KernelDifference["code"], (values: never) => string>,
    uncertain: {
      "ip-or-nf-conntrack":
        "Uncertain for this version: kernels 2.6.15 to 2.6.21 ship both ip_conntrack and nf_conntrack; check lsmod. The config assumes ip_conntrack.",
      "newer-than-checked":
        "Not checked: this kernel is newer than 7.3, the newest whose conntrack source was read. The figures assume nothing changed since.",
    } satisfies Record<UncertainBoundary, string>,
    distribution: {
      vendors: {
        rhel: "a Red Hat Enterprise Linux kernel (or a rebuild such as CentOS, Rocky or AlmaLinux)",
        oracle: "an Oracle Unbreakable Enterprise Kernel",
        amazon: "an Amazon Linux kernel",
        fedora: "a Fedora kernel",
        ubuntu: "an Ubuntu kernel",
        debian: "a Debian kernel",
        suse: "a SUSE kernel",
        other: "a distribution or custom kernel",
      } satisfies Record<KernelVendor, string>,
      note: ({ vendor, version }: { vendor: string; version: string }) =>
        `Its release suffix marks ${vendor}. Distributions backport changes into their kernels, so this one may size conntrack differently from vanilla ${version} shown here (Red Hat's el8 and el9 kernels carry whole netfilter series). Paste the host's collector output below to see what it really does.`,
    },
    charts: {
      memoryTitle: "Kernel memory versus tracked connections",
      memorySummary: ({
        hashBytes,
        entryBytes,
        totalBytes,
        share,
        max,
        atTwiceBytes,
      }: {
        hashBytes: number;
        entryBytes: number;
        totalBytes: number;
        share: number;
        max: number;
        atTwiceBytes: number;
      }) =>
        `The hash table costs ${bytes(hashBytes)} from the start; each connection adds ${entryBytes} bytes, reaching ${bytes(totalBytes)} (${percent(share)} of RAM) at nf_conntrack_max = ${integer(max)} and ${bytes(atTwiceBytes)} at twice that.`,
      memoryMarkerSummary: ({ share, markerBytes }: { share: number; markerBytes: number }) =>
        ` ${percent(share)} of RAM is ${bytes(markerBytes)}.`,
      chainTitle: "Average hash chain length versus tracked connections",
      chainSummary: ({ buckets, chain, max }: { buckets: number; chain: number; max: number }) =>
        `With ${plural(buckets, { one: "# bucket", other: "# buckets" })} and every connection hashed twice (once per direction), the average chain grows to ${pluralDecimal(chain, { one: "# entry", other: "# entries" })} at nf_conntrack_max = ${integer(max)}; the kernel's own default since 5.15 gives 2.`,
      columns: {
        connections: "Connections",
        entries: "Entries",
        total: "Total",
        chain: "Average chain length",
      },
      showTable: "Show the data as a table",
      loading: "Drawing the chart…",
      maxMarker: ({ max }: { max: number }) => `max ${integer(max)}`,
      ramMarker: ({ share }: { share: number }) => `${percent(share)} of RAM`,
      fullMarker: ({ chain }: { chain: number }) => `full: ${decimal(chain)}`,
      kernelDefaultChain: "2: kernel default at full (5.15+)",
      tooltipConnections: ({ connections }: { connections: number }) =>
        plural(connections, { one: "# connection", other: "# connections" }),
      tooltipMemory: ({ totalBytes }: { totalBytes: number }) =>
        `${bytes(totalBytes)} (${plural(totalBytes, { one: "# byte", other: "# bytes" })})`,
      tooltipSplit: ({ entryBytes, hashBytes }: { entryBytes: number; hashBytes: number }) =>
        `entries ${bytes(entryBytes)} + hash table ${bytes(hashBytes)}`,
      tooltipChain: ({ chain }: { chain: number }) =>
        `average chain ${pluralDecimal(chain, { one: "# entry", other: "# entries" })}`,
    },
    timeouts: {
      intro:
        "How long the kernel keeps an entry in each state. Changed values feed the traffic sizing and go into the sysctl file; empty means the kernel's default.",
      columns: {
        key: "Timeout",
        kernelDefault: "Kernel default (s)",
        value: "Your value (s)",
        why: "Why it matters",
      },
      placeholder: ({ seconds }: { seconds: number }) => String(seconds),

      reasons: {
        "idle-open-tcp":
          "Idle open TCP connections stay this long: 5 days by default, the biggest lever on a full table.",
        "closed-tcp": "Every normally closed TCP connection stays this long afterwards (TIME_WAIT).",
        "half-closed-tcp": "Connections the peer closed but your side did not (CLOSE_WAIT).",
        "closing-tcp": "Connections in their closing handshake (FIN_WAIT).",
        "unanswered-syn": "Connection attempts nobody answers: scans and dead backends fill the table here.",
        "half-open-tcp": "Half-open connections: SYN floods land here.",
        "udp-short": "UDP flows without a stream: DNS and other request/response.",
        "udp-stream": "UDP flows that keep talking past 2 s: QUIC, VPNs, media.",
        icmp: "ICMP, such as ping.",
        "other-protocols": "Protocols conntrack has no tracker for.",
      } satisfies Record<TimeoutReason, string>,
      kubeProxySets: "(kube-proxy sets this)",
    },
  };
}

export type DetailsMessages = ReturnType<typeof english>;

function chinese(): DetailsMessages {
  const { integer, decimal, percent, bytes } = formatsFor("zh-CN");
  return {
    kernel: {
      caption: ({ version }) => `内核 ${version} 默认值与建议值对比`,
      byItself: ({ version }) => `内核 ${version} 默认`,
      recommended: "建议值",
      ratioRow: "每个哈希桶的条目数",
      memoryRow: "表满时的内存",
      bootLineIntro: "该内核启动时会打印（可与 `dmesg | grep conntrack` 的输出对照）：",
      noBootLine: ({ command }) => `该内核启动时不打印表大小；可用 \`${command}\` 查看当前值。`,
    },
    differences: {
      "shrinks-table": ({ kernelBuckets, buckets }) =>
        `建议值会把内核自己分配的哈希表从 ${integer(kernelBuckets)} 个桶缩小到 ${integer(buckets)} 个：链变长，查找变慢。除非内存紧张，否则保留内核的桶数（可减少每个哈希桶的条目数）。`,
      "grows-table": ({ kernelBuckets, buckets }) =>
        `建议值把哈希表从内核默认的 ${integer(kernelBuckets)} 个桶扩大到 ${integer(buckets)} 个。`,
      "lowers-max": ({ max, kernelMax }) =>
        `建议值允许的连接数（${integer(max)}）少于该内核的默认值（${integer(kernelMax)}）：表会更早被占满。`,
      "raises-max": ({ times, kernelMax }) =>
        `建议值允许的连接数是该内核默认值（${integer(kernelMax)}）的 ${decimal(times)} 倍。`,
      "same-as-kernel": () => "建议值与该内核自己选的一致：无需修改。",
      "kernel-capped": ({ aboveGiB, capBuckets }) =>
        `MemTotal 超过 ${aboveGiB} GiB 后，无论内存多大，该内核都只用 ${integer(capBuckets)} 个桶；按内存推算的值则继续增长。`,
      "kernel-floor": ({ floorBuckets }) => `内存这么小时，内核使用最小值 ${integer(floorBuckets)} 个桶。`,
      "four-gb-vm": ({ capBuckets }) =>
        `"4 GB" 的机器实际 MemTotal 略小于 4 GiB，而内核的判断条件是严格大于 4 GiB：因此得到 1 到 4 GiB 区间的默认值 ${integer(capBuckets)} 个桶。请填写 MemTotal，而不是购买时的规格。`,
      "no-262144-on-32-bit": () => "32 位内核永远拿不到 262,144 个桶的默认值：超过 1 GiB 时最多 65,536 个。",
      "ratio-differs": ({ kernelRatio }) =>
        `该内核默认设置 nf_conntrack_max = ${kernelRatio} × nf_conntrack_buckets；你选择的每桶条目数与此不同。`,
      "hashsize-factor-8": ({ impliedMax }) =>
        `用 hashsize 模块参数设置桶数时，内核跳过自动计算，并把自己的 max 设为 8 × hashsize = ${integer(impliedMax)}，除非同时设置了 nf_conntrack_max（此处的 sysctl 文件就设置了）。`,
      "max-from-unrounded": ({ buckets }) =>
        `该内核按取整前的 ${integer(buckets)} 个桶计算 max，启动日志打印的也是这个数；实际分配的哈希表则向上取整到整页。`,
      "table-per-namespace": () =>
        "2.6.28 到 4.6 之间，每个网络命名空间（每个容器）都会分配一张同样大小的哈希表：哈希表内存要乘以命名空间的数量。写 hashsize 只会调整主机自己的表，之前创建的命名空间保持原大小。",
      "buckets-sysctl-read-only": () =>
        "4.8 之前 nf_conntrack_buckets 是只读的（权限 0444）：配置改用模块参数和 hashsize 参数来设置桶数。",
      "hashsize-at-load-only": () =>
        "2.6.15 之前，hashsize 参数只在模块加载时读取（权限 0400）：已加载的表无法调整大小。配置会在下次加载时生效；现在重新加载模块会丢失所有已跟踪的连接。",
      "ip-conntrack": () =>
        "该内核用 ip_conntrack 跟踪 IPv4 连接（2.6.21 及以前）：参数名为 net.ipv4.netfilter.ip_conntrack_*，配置中已按此生成。",
      "list-head": () => "该内核的桶头是两个指针（struct list_head），每个桶的哈希表开销翻倍。",
      "num-physpages": () =>
        "该内核按物理页数（num_physpages）计算，比 MemTotal 更接近物理内存容量：它的实际默认值可能比这里显示的略大。",
      "max-zero-refused": () =>
        "6.19 起 nf_conntrack_max 不能设为 0（该参数最小为 1）；之前 0 表示完全不限制。",
      "huge-vmalloc": ({ tableBytes, upToBytes, hugePageBytes, x86, arm64 }) =>
        `在 ${hugeArchesZh({ x86, arm64 })} 上，这么大的哈希表可能用 ${bytes(hugePageBytes)} 大页映射，其 ${bytes(tableBytes)} 会向上取整到 ${bytes(upToBytes)}：实际占用介于两者之间（刚启动的 Debian 6.12 取的是取整后的大小；/proc/vmallocinfo 中可看到这次分配）。`,
    },
    uncertain: {
      "ip-or-nf-conntrack":
        "此版本存在不确定性：2.6.15 到 2.6.21 同时带有 ip_conntrack 和 nf_conntrack，请用 lsmod 确认。配置按 ip_conntrack 生成。",
      "newer-than-checked":
        "未经核对：该内核比 7.3 更新，7.3 是已读过 conntrack 源码的最新版本。这里的数值假定此后没有变化。",
    },
    distribution: {
      vendors: {
        rhel: "Red Hat Enterprise Linux 内核（或 CentOS、Rocky、AlmaLinux 等重建版）",
        oracle: "Oracle Unbreakable Enterprise Kernel",
        amazon: "Amazon Linux 内核",
        fedora: "Fedora 内核",
        ubuntu: "Ubuntu 内核",
        debian: "Debian 内核",
        suse: "SUSE 内核",
        other: "发行版或自行编译的内核",
      },
      note: ({ vendor, version }) =>
        `它的版本后缀表示这是${vendor}。发行版会向自己的内核移植改动，因此它计算 conntrack 的方式可能与这里显示的原版 ${version} 不同（Red Hat 的 el8、el9 内核移植了整批 netfilter 补丁）。请在下方粘贴主机的采集输出，查看它的实际行为。`,
    },
    charts: {
      memoryTitle: "内核内存与已跟踪连接数",
      memorySummary: ({ hashBytes, entryBytes, totalBytes, share, max, atTwiceBytes }) =>
        `哈希表一开始就占用 ${bytes(hashBytes)}；每条连接再增加 ${entryBytes} 字节，在 nf_conntrack_max = ${integer(max)} 时达到 ${bytes(totalBytes)}（占内存的 ${percent(share)}），到两倍时为 ${bytes(atTwiceBytes)}。`,
      memoryMarkerSummary: ({ share, markerBytes }) => `内存的 ${percent(share)} 为 ${bytes(markerBytes)}。`,
      chainTitle: "平均哈希链长与已跟踪连接数",
      chainSummary: ({ buckets, chain, max }) =>
        `共 ${integer(buckets)} 个哈希桶，每条连接按两个方向各哈希一次，在 nf_conntrack_max = ${integer(max)} 时平均链长增长到 ${decimal(chain)}；5.15 起内核默认配置下为 2。`,
      columns: {
        connections: "连接数",
        entries: "条目",
        total: "合计",
        chain: "平均链长",
      },
      showTable: "以表格显示数据",
      loading: "正在绘制图表…",
      maxMarker: ({ max }) => `max ${integer(max)}`,
      ramMarker: ({ share }) => `内存的 ${percent(share)}`,
      fullMarker: ({ chain }) => `表满：${decimal(chain)}`,
      kernelDefaultChain: "2：5.15+ 内核默认配置下表满时",
      tooltipConnections: ({ connections }) => `${integer(connections)} 条连接`,
      tooltipMemory: ({ totalBytes }) => `${bytes(totalBytes)}（${integer(totalBytes)} 字节）`,
      tooltipSplit: ({ entryBytes, hashBytes }) => `条目 ${bytes(entryBytes)} + 哈希表 ${bytes(hashBytes)}`,
      tooltipChain: ({ chain }) => `平均链长 ${decimal(chain)}`,
    },
    timeouts: {
      intro:
        "内核在各状态下保留条目的时长。修改后的值会参与按流量估算，并写入 sysctl 文件；留空表示使用内核默认值。",
      columns: { key: "超时参数", kernelDefault: "内核默认（秒）", value: "你的值（秒）", why: "为何重要" },
      placeholder: ({ seconds }) => String(seconds),
      reasons: {
        "idle-open-tcp": "空闲但未关闭的 TCP 连接会保留这么久：默认 5 天，是表被占满的最大因素。",
        "closed-tcp": "每条正常关闭的 TCP 连接之后还会保留这么久（TIME_WAIT）。",
        "half-closed-tcp": "对端已关闭、本端未关闭的连接（CLOSE_WAIT）。",
        "closing-tcp": "处于关闭握手中的连接（FIN_WAIT）。",
        "unanswered-syn": "无人应答的连接请求：扫描和宕掉的后端会把条目堆在这里。",
        "half-open-tcp": "半开连接：SYN 洪水会落在这里。",
        "udp-short": "未成为长流的 UDP：DNS 等一问一答。",
        "udp-stream": "持续超过 2 秒的 UDP 流：QUIC、VPN、音视频。",
        icmp: "ICMP，例如 ping。",
        "other-protocols": "conntrack 没有专门跟踪器的协议。",
      },
      kubeProxySets: "（kube-proxy 会设置）",
    },
  };
}

/** The words of the details' panels, in every language; loaded with them. */
export const DETAILS: Readonly<Record<Locale, DetailsMessages>> = { en: english(), "zh-CN": chinese() };
