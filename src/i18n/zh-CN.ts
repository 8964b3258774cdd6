import type { Messages } from "./en";
import { formatsFor } from "./format";

const { integer, milli, decimal, percent, bytes } = formatsFor("zh-CN");

/**
 * 简体中文。按国内运维的习惯用语写（连接跟踪、哈希桶、内核参数、条目），
 * 命令、参数名和单位（MiB、GiB）保持原样。
 */
export const zhCN: Messages = {
  meta: {
    title: "nf_conntrack 连接跟踪表容量计算器",
    description:
      "nf_conntrack 容量计算器：按内核自己的算法给出 nf_conntrack_max、nf_conntrack_buckets 及其占用的内核内存。",
  },
  header: {
    title: "nf_conntrack 连接跟踪表容量计算器",
    lead: "日志里出现 `nf_conntrack: table full, dropping packet`？用内核自己的算法来规划连接跟踪表：该设多大、要占多少内核内存，并生成可直接粘贴的配置。",
    language: "语言",
    startFromMachine: "也可以从主机采集开始：粘贴它的诊断输出。",
  },
  footer: "所有计算都在浏览器里完成，不向任何地方发送数据。公式及其内核出处见本项目的 docs/formulas.md。",
  notice: {
    unknownVersion: ({ given, current }) =>
      `链接中的 v=${given} 是本页不认识的版本；各参数按第 ${current} 版读取，并在各自的输入框中逐项校验。`,
  },
  status: {
    updateReady: "本页有新版本可用。方便时请重新加载：各输入框的值会保留，粘贴的诊断输出需要重新粘贴。",
    partFailed:
      "页面的这一部分未能加载，多半是因为部署了新版本或网络已断开。页面其余部分照常可用；重新加载即可恢复（各输入框的值会保留）。",
    localeFailed: ({ language }) => `${language}未能加载，页面仍保持中文。重新加载可再试一次。`,
    reload: "重新加载",
  },
  inputs: {
    heading: "你的机器",
    archChoices: { "64": "64 位（x86_64、arm64、ppc64le 等）", "32": "32 位（i686、armv7、mips 等）" },
    notValid: ({ value }) => `${value}（无效）`,
    maxPlaceholder: "按内存推算",
    newestKernel: "本工具已知的最新内核",
    pageChoice: ({ kib }) => `${kib} KiB`,
    kernelOwnPlaceholder: ({ value }) => `内核自身：${value}`,
    defaultsLabel: "起点",
    defaults: {
      kernel: {
        label: "内核自身的取值",
        title: "每个哈希桶的条目数和每条目字节数按所选内核自身的取值",
      },
      article: {
        label: "原文：每桶 4 条、352 B",
        title: "本计算器所依据的那篇文章使用的数值",
      },
    },
    presetsLabel: "每条目字节数的预设值",
    structPresets: {
      kernel: ({ entryBytes }) => `${entryBytes} B：该内核自身`,
      extension: ({ entryBytes }) => `${entryBytes} B：启用 NAT 或事件`,
      article: "352 B：原文取值",
    },
    measured: ({ kernel, machine, objectBytes, perSlab, slabBytes }) =>
      `在 Debian 的 ${kernel} ${machine} 内核上实测：slab 对象 ${objectBytes} 字节，每个 4 KiB slab 放 ${perSlab} 个，即每条目 ${slabBytes} B。`,
    measuredNearest: ({ kernel }) => `这个版本没有实测过；以最接近的实测版本 ${kernel} 代替。`,
    extensionByDefault: ({ totalBytes }) =>
      `该内核还会给每个条目附加 128 B 扩展区（其 nf_conntrack_events 默认为 1）：共 ${totalBytes} B。`,
    extensionOnDemand: ({ totalBytes }) =>
      `NAT、conntrack 事件、流量统计或时间戳会给每个条目附加 128 B 扩展区：共 ${totalBytes} B。`,
    articleSource: "本计算器所依据的那篇文章使用的数值；实测的内核都不是这个值。",
    ownFigure: "自定义数值。",
  },
  fields: {
    labels: {
      ram: "内存",
      arch: "架构",
      ratio: "每个哈希桶的条目数",
      struct: "每个条目的字节数",
      max: "nf_conntrack_max",
      kernel: "内核版本",
      page: "页大小",
      tcp_cps: "每秒 TCP 新建连接数",
      tcp_life: "TCP 连接时长（秒）",
      udp_cps: "每秒 UDP 新流数",
      udp_life: "UDP 流时长（秒）",
      headroom: "余量（%）",
      cores: "CPU 核数",
      k8s: "Kubernetes 版本",
      alert: "告警阈值（%）",
    },
    hints: {
      ram: "填 `free -g` 或 `grep MemTotal /proc/meminfo` 中的 MemTotal，而不是物理内存条的容量。单位：B、K、M、G、T（按 1024 进位）；只写数字表示 GiB。",
      arch: "内核的指针宽度：`uname -m`。",
      ratio:
        "nf_conntrack_max ÷ nf_conntrack_buckets。留空则用所选内核自身的值：5.15 起为 1，2.6.23 起为 4，更早为 8。原文用 4。",
      struct:
        "留空则用所选内核的实测值。在主机上查看：`sudo awk '/^nf_conntrack(_[0-9a-f]+)? /{print $4}' /proc/slabinfo`（对象大小；4.6 及更早每个网络命名空间一个缓存，名为 nf_conntrack_ 加编号或地址），或 `cat /sys/kernel/slab/nf_conntrack/slab_size`（含对齐）。",
      max: "可选：自己指定的 nf_conntrack_max 目标值。留空则按内存推算。",
      kernel: "配置所针对的内核：`uname -r`。内核默认值和生成的配置都随之变化。",
      page: "`getconf PAGESIZE`：x86 为 4 KiB；arm64 和 ppc64le 内核可能是 16 或 64 KiB，哈希表会按更大的步长取整。",
      tcp_cps: "每秒正常关闭的 TCP 新建连接数（代理的两侧都要算）。",
      tcp_life: "从 SYN 到关闭的秒数。单位：ms、s、min、h、d；只写数字表示秒。",
      udp_cps: "每秒新的 UDP 流（一次 DNS 查询算一个）。",
      udp_life: "每个流持续有流量的秒数：DNS 这类一问一答填 0。",
      headroom: "在稳态之上预留的百分比，用于应对突发。",
      cores: "在节点上运行 `nproc`。留空表示不是 Kubernetes 节点。",
      k8s: "`kubectl version`：节点上 kube-proxy 的版本，如 1.36。",
      alert:
        "连接跟踪表的占用超过这个比例时，Prometheus 规则和检查脚本发出警告；75 是 node_exporter 自带告警的取值。",
    },
  },
  fieldIssues: {
    accepted: {
      ram: ({ min, max }) =>
        `内存大小，如 "64 GiB"、"787752 MiB" 或 "1.5T"（只写数字表示 GiB），范围 ${bytes(min)} 到 ${bytes(max)}`,
      arch: () => "64 位或 32 位",
      ratio: ({ min, max, decimals }) => `${min} 到 ${max} 之间的数，最多 ${decimals} 位小数`,
      struct: ({ min, max }) => `${integer(min)} 到 ${integer(max)} 之间的整数字节数`,
      max: ({ min, max }) => `${integer(min)} 到 ${integer(max)} 之间的整数，留空则按内存推算`,
      kernel: () =>
        '形如 uname -r 输出的版本号，如 "6.12"、"5.15.0-91-generic" 或 "3.10"，2.6 及以后，或 "newest"',
      page: () => "4、16 或 64（单位 KiB；getconf PAGESIZE 输出的是字节数）",
      rate: ({ max, decimals }) => `每秒 0 到 ${integer(max)} 之间的速率，最多 ${decimals} 位小数`,
      life: ({ max }) => `0 到 ${integer(max)} 秒之间的时长（可用 ms、s、min、h 或 d）`,
      headroom: ({ max }) => `0 到 ${integer(max)} 之间的百分比`,
      cores: ({ min, max }) => `${integer(min)} 到 ${integer(max)} 之间的核数，或留空`,
      k8s: () => '形如 "1.36" 或 "v1.30.4" 的版本号',
      timeout: ({ max }) => `1 到 ${integer(max)} 之间的整数秒，留空表示内核默认值`,
      alert: ({ min, max }) => `${integer(min)} 到 ${integer(max)} 之间的整数百分比`,
    },
    empty: ({ label, accepted }) => `${label}不能为空。请输入${accepted}。`,
    syntax: ({ accepted }) => `无法识别。请输入${accepted}。`,
    unit: ({ unit, accepted }) =>
      `不认识的单位 "${unit}"：请用 B、K、M、G 或 T（KiB、MB 等写法也可以）。请输入${accepted}。`,
    precision: ({ accepted }) => `小数位过多。请输入${accepted}。`,
    range: ({ accepted }) => `超出范围。请输入${accepted}。`,
    choice: ({ accepted }) => `不是有效的选项。请输入${accepted}。`,
  },
  results: {
    heading: "建议设置",
    maxFromRam: ({ factor, ramBytes, divisor }) =>
      `内存 MiB 数 × ${integer(factor)}：MemTotal ${integer(ramBytes)} B ÷ ${integer(divisor)}，向下取整。`,
    maxExplicit: "你指定的目标值。",
    bucketsAsked: ({ ratio, asked }) => `nf_conntrack_max ÷ ${ratio}，向上取整：需要 ${integer(asked)} 个`,
    bucketsRounded: ({ headBytes, step }) =>
      `；内核按整页分配 ${headBytes} 字节的桶头，桶数取整为 ${integer(step)} 的倍数。`,
    bucketsExact: ({ headBytes }) => `；该内核按原数分配 ${headBytes} 字节的桶头，不取整。`,
    chainAtFull: ({ chain }) => `表满时平均链长：${decimal(chain)} 个条目（每条连接按两个方向各哈希一次）。`,
    memoryTitle: "表满时占用的内核内存",
    memoryShare: ({ totalBytes, share }) =>
      `${integer(totalBytes)} 字节，不可换出：占内存的 ${percent(share)}`,
    lowmemShare: ({ share }) => `，占 32 位低端内存 896 MiB 的 ${percent(share)}`,
    entries: ({ max, entryBytes, totalBytes }) =>
      `条目：${integer(max)} × ${entryBytes} B = ${bytes(totalBytes)}，随连接建立逐个分配。`,
    hashTable: ({ buckets, headBytes, totalBytes }) =>
      `哈希表：${integer(buckets)} × ${headBytes} B = ${bytes(totalBytes)}，预先一次性分配。`,
    hashTableFootprint: ({ footprintBytes }) =>
      `实际分配时可能占用 ${bytes(footprintBytes)}：4 MiB 以内的表来自一整块 2 的幂大小的连续页。`,
  },
  warnings: {
    "max-clamped": ({ unclamped, intMax }) =>
      `按内存会得到 ${integer(unclamped)}，超过内核上限：nf_conntrack_max 是 int 型内核参数（0 到 ${integer(intMax)}），因此取上限值。`,
    "buckets-clamped": ({ unclamped }) =>
      `内核拒绝分配超过 INT_MAX 字节的哈希表，因此 ${integer(unclamped)} 个哈希桶被限制为内核能分配的最大值。`,
    "long-chains": ({ chain }) =>
      `表满时平均每条链 ${decimal(chain)} 个条目（每条连接哈希两次）：查找变慢，且自 Linux 5.15 起链长达到 50 到 79 时新连接会插入失败。请减少每个哈希桶的条目数。`,
    "lowmem-large": ({ share }) =>
      `表满时占用 32 位内核全部低端内存（896 MiB）的 ${percent(share)}：远在内存用满之前，机器就可能分配失败或触发 OOM。请调低 nf_conntrack_max，或改用 64 位内核。`,
    "ram-share-large": ({ share }) =>
      `表满时占用内存的 ${percent(share)}，且内核内存不会被换出。请确认机器能腾出这么多内存。`,
    "ram-beyond-pae": () =>
      "32 位 x86 内核（开启 PAE）最多只能寻址 64 GiB，超出部分在 x86 上无法使用。（开启 LPAE 的 32 位 ARM 可达 1 TiB。）",
  },
  kernel: {
    heading: ({ version }) => `内核 ${version} 自己的默认值`,
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
  },
  uncertain: {
    "ip-or-nf-conntrack":
      "此版本存在不确定性：2.6.15 到 2.6.21 同时带有 ip_conntrack 和 nf_conntrack，请用 lsmod 确认。配置按 ip_conntrack 生成。",
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
    note: ({ suffix, vendor, version }) =>
      `\`${suffix}\` 表示这是${vendor}。发行版会向自己的内核移植改动，因此它计算 conntrack 的方式可能与这里显示的原版 ${version} 不同（Red Hat 的 el8、el9 内核移植了整批 netfilter 补丁）。请在下方粘贴主机的采集输出，查看它的实际行为。`,
  },
  charts: {
    heading: "表逐渐填满时的内存与查找开销",
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
  paste: {
    heading: "从主机采集开始",
    intro:
      "在主机上运行下面的命令（普通用户即可；需要 root 的部分会注明），然后把输出粘贴到下面。也可以只贴其中一部分，或者把这些命令分开运行、按任意顺序粘贴。",
    commandLabel: "采集命令",
    rootCommandLabel: "以 root 运行同样的命令，可读取 slab 信息和内核日志",
    copyCommand: "复制命令",
    boxLabel: "粘贴的输出",
    placeholder: "MemTotal:       24683620 kB\n6.8.0-45-generic x86_64\nPAGESIZE: 4096\n…",
    privacy:
      "粘贴的内容只留在这个输入框里：在浏览器本地解析，不会写入链接，也不会发送到任何地方。只有据此填写的数值（内存、架构、内核、页大小、每条目字节数）会像其他输入一样写入链接。",
    clear: "清空",
    nothingRecognised:
      "这段文本里没有可识别的内容。请粘贴采集命令的输出，或者类似 `MemTotal: 16318480 kB`、`net.netfilter.nf_conntrack_max = 262144` 的行，或 /proc/slabinfo 中的 `nf_conntrack` 行。上面的计算器照常可用。",
    truncated: "只读取了前 1 MiB 或前 20,000 行。",
    filled: ({ fields }) => `已根据粘贴内容填写：${fields}。`,
    slabCost: ({ objectBytes, effectiveBytes, perSlab, pages }) =>
      `Slab：对象大小 ${integer(objectBytes)} B，每个 slab（${integer(pages)} 页）放 ${integer(perSlab)} 个，计入 slab 的浪费后每个条目 ${integer(effectiveBytes)} B。`,
    pageAssumed: "（粘贴内容里没有页大小，按 4 KiB 计算）",
    unavailable: ({ sources }) => `这份粘贴中无法读取：${sources}。`,
    unavailableSources: {
      sysctl: "conntrack 内核参数（模块未加载？）",
      slabinfo: "slab 信息（需要 root）",
      stats: "各 CPU 的统计数据",
      "kernel-log": "内核日志（需要 root）",
    },
    linesSummary: ({ recognised, ignored }) =>
      `逐行查看解析结果：识别 ${integer(recognised)} 行，忽略 ${integer(ignored)} 行`,
    columns: { line: "行号", text: "内容", reading: "识别为" },
    moreLines: ({ lines }) => `……另有 ${integer(lines)} 行未列出。`,
    kinds: {
      meminfo: "MemTotal",
      "free-header": "free：表头",
      "free-mem": "free：Mem 行",
      uname: "内核版本与架构",
      "page-size": "页大小",
      "sysctl-max": "nf_conntrack_max",
      "sysctl-buckets": "nf_conntrack_buckets",
      "sysctl-count": "nf_conntrack_count",
      "sysctl-timeout": "超时参数",
      "sysctl-other": "其他 conntrack 参数",
      hashsize: "hashsize 参数",
      "bare-value": "上一条命令的输出值",
      slabinfo: "slab 行",
      "stat-header": "统计表头",
      "stat-row": "各 CPU 统计",
      "conntrack-stats": "conntrack -S 输出行",
      "table-full": "表满丢包日志",
      "table-full-count": "表满日志条数",
      "ratelimit-suppressed": "被限速抑制的内核日志",
      "boot-line": "启动日志",
      unavailable: "无法读取",
      ignored: "已忽略",
    },
    notes: {
      duplicate: "重复的值",
      conflict: "同一项出现了不同的值：采用第一个",
      superseded: "改用 MemTotal",
      command: "命令行",
      comment: "注释",
      "too-long": "行太长，未读取",
      "free-unit-unknown": "单位未知：请把 free 命令行一起贴上（free -b 或 free -k）",
      "free-unit-unsupported": "请用 free -b 或 free -k",
      "no-header": "统计数据缺少表头行",
      "unknown-machine": "未知的机器类型",
    },
    diagnosisHeading: "诊断",
    currentCount: "当前条目数（nf_conntrack_count）",
    currentMax: "当前上限（nf_conntrack_max）",
    findings: {
      fill: ({ share }) => `连接跟踪表已用 ${percent(share)}。`,
      "fill-high": ({ share }) =>
        `连接跟踪表已用 ${percent(share)}：超过 80%，新连接很快会被丢弃。请调大 nf_conntrack_max。`,
      "max-unlimited": () => "nf_conntrack_max 为 0：完全不限制，表会一直增长直到内存耗尽。",
      "table-full-seen": ({ details }) => `连接跟踪表曾经满过：${details}。`,
      "no-table-full": () => "没有表满的迹象：没有丢包计数，也没有表满日志。",
      drops: ({ drops }) => `因表满而丢弃的包：${integer(drops)}（各 CPU 合计）。`,
      "insert-failed": ({ inserts }) => `插入失败：${integer(inserts)}（各 CPU 合计）。`,
      "early-drops": ({ drops }) =>
        `提前丢弃（为腾出空间而淘汰的未确认条目）：${integer(drops)}（各 CPU 合计）。`,
      "chain-too-long": ({ inserts }) => `因哈希链过长而拒绝的插入：${integer(inserts)}。`,
      "chain-length": ({ average }) => `当前平均哈希链长：${decimal(average)}（2 × 条目数 ÷ 桶数）。`,
      "default-max": ({ max }) => `nf_conntrack_max ${integer(max)} 是该内核在这台机器上的默认值。`,
      "tuned-max": ({ max, kernelDefault }) =>
        `nf_conntrack_max ${integer(max)} 经过调整（该内核在此的默认值：${integer(kernelDefault)}）。`,
      "default-buckets": ({ buckets }) => `nf_conntrack_buckets ${integer(buckets)} 是该内核的默认值。`,
      "tuned-buckets": ({ buckets, kernelDefault }) =>
        `nf_conntrack_buckets ${integer(buckets)} 经过调整（该内核在此的默认值：${integer(kernelDefault)}）。`,
    },
    tableFullMessages: ({ messages }) => `内核日志中有 ${integer(messages)} 条表满消息`,
    droppedPackets: ({ packets }) => `丢弃了 ${integer(packets)} 个包`,
    suppressed: ({ messages }) => `另有 ${integer(messages)} 条被限速抑制的网络日志，可能也是这类消息`,
    change: ({ max, buckets, memoryBytes }) =>
      `按建议值将设置 nf_conntrack_max ${integer(max)}、nf_conntrack_buckets ${integer(buckets)}；表满时将占用 ${bytes(memoryBytes)}。`,
  },
  traffic: {
    heading: "按流量估算",
    intro:
      "按你的流量需要多少：稳态条目数 = 每秒新建连接数 ×（连接存续秒数 + 连接结束后内核保留条目的秒数）。",
    presetsLabel: "流量预设",
    presets: {
      "nat-gateway": "NAT 网关",
      "reverse-proxy": "反向代理 / 负载均衡",
      "docker-host": "Docker 主机",
      "small-router": "小型路由器",
      "kubernetes-node": "Kubernetes 节点",
    },
    assumptionsHeading: ({ preset }) => `「${preset}」预设的假设（各项均可修改）：`,
    assumptions: {
      "clients-browsing": "约一千个客户端在上网，每个每秒约新建 2 条 TCP 连接，每条持续约 30 秒。",
      "udp-mostly-dns": "UDP 主要是 DNS 查询：一问一答。",
      "quic-raises-udp-life": "QUIC、视频通话和 VPN 属于 UDP 长流：请把 UDP 流时长调到它们的实际时长。",
      "proxy-two-connections": "每个被代理的请求要跟踪两条连接（客户端侧和后端侧）；后端开启长连接可减半。",
      "short-http": "每条连接只承载一个短请求（约 1 秒）。",
      "published-ports": "容器通过发布端口（DNAT）对外提供服务，并经 NAT 访问外部。",
      "container-dns": "容器频繁解析域名。",
      "home-router": "一个家庭：几十台设备，部分在通过 UDP 看视频、打游戏。",
      "little-ram": "内存小：即使余量留得大，绝对开销也不多。",
      "service-traffic": "Pod 通过 kube-proxy 的 DNAT 访问 Service：每条连接一个条目。",
      "ndots-dns": "Pod 的 DNS 配置 ndots:5，每次解析会发出多次查询。",
      "kube-proxy-timeouts":
        "kube-proxy 启动时把 established 设为 86400 秒、close_wait 设为 3600 秒（1.23 至 1.28 只会调大，因此 established 保持 432000 秒）。",
    },
    none: "在上面填入速率，即可看到你的流量需要多大的表。",
    requiredTitle: "这些流量需要的 nf_conntrack_max",
    tcpTerm: ({ cpsMilli, openSeconds, keptSeconds, keptBy, entries }) =>
      `TCP：${milli(cpsMilli)}/秒 ×（存续 ${openSeconds} 秒 + ${keptBy} ${integer(keptSeconds)} 秒）= ${integer(entries)} 个条目`,
    udpTerm: ({ cpsMilli, openSeconds, keptSeconds, keptBy, entries }) =>
      `UDP：${milli(cpsMilli)}/秒 ×（有流量 ${openSeconds} 秒 + ${keptBy} ${integer(keptSeconds)} 秒）= ${integer(entries)} 个条目`,
    udpMode: {
      "request-response": "一问一答：最后一个包之后按 nf_conntrack_udp_timeout 保留",
      stream: ({ afterSeconds }) =>
        `长流：首包 ${afterSeconds} 秒后仍有流量，按 nf_conntrack_udp_timeout_stream 保留`,
    },
    withHeadroom: ({ total, headroom, required }) =>
      `${integer(total)} 个条目 + ${integer(headroom)}% 余量 = ${integer(required)}（向上取整）。`,
    dominant: { tcp: "以 TCP 为主。", udp: "以 UDP 为主。", tie: "TCP 与 UDP 需求相同。" },
    verdictAgainst: ({ limit, what }) => `与${what}（${integer(limit)}）相比：`,
    recommendedLimit: "建议值",
    kernelLimit: "内核默认值",
    verdicts: {
      fits: ({ share }) => `够用（占 ${percent(share)}）`,
      tight: ({ share }) => `偏紧（占 ${percent(share)}）：突发流量会把表占满`,
      "does-not-fit": ({ share }) => `不够（为其 ${percent(share)}）：表会溢出`,
    },
    memory: ({ memoryBytes, buckets }) =>
      `若设为 nf_conntrack_max，表满时占用 ${bytes(memoryBytes)}，哈希桶 ${integer(buckets)} 个。`,
    clamped: ({ unclamped }) =>
      `这些流量需要 ${integer(unclamped)} 个条目，超过 nf_conntrack_max 的上限（2,147,483,647）。`,
    apply: "设为 nf_conntrack_max",
  },
  timeouts: {
    heading: "超时",
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
    kubeProxySets: "kube-proxy 会设置",
  },
  kube: {
    heading: "Kubernetes 节点",
    intro:
      "kube-proxy 每次启动都会按节点 CPU 核数自行设置 nf_conntrack_max。填入核数，即可看到它会怎么做，以及能得到建议值的 kube-proxy 配置。",
    byItself: "kube-proxy 自己的设置",
    resultMax: ({ max }) => `nf_conntrack_max ${integer(max)}`,
    leavesAlone: "不修改 nf_conntrack_max",
    memory: ({ memoryBytes }) => `表满时 ${bytes(memoryBytes)}`,
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
    configOnlyRaises: ({ timeouts }) =>
      timeouts
        ? "此版本的 kube-proxy 只会调大 nf_conntrack_max 和 TCP 超时：节点上已设置的更大值会保留。要得到这些值，请先移除那项设置。"
        : "此版本的 kube-proxy 只会调大 nf_conntrack_max：节点上已设置的更大值会保留。要得到这个值，请先移除那项设置。",
    belowCores: "kube-proxy 无法设置少于核数的条目数：请把 maxPerCore 设为 0，改用 sysctl 文件。",
  },
  config: {
    heading: "适用于该内核的配置",
    downloadAll: ({ name }) => `全部下载（${name}）`,
    download: ({ name }) => `下载 ${name}`,
    copy: "复制",
    copyLink: "复制链接",
    copied: "已复制到剪贴板。",
    linkCopied: "链接已复制：打开即可复现全部输入。",
    copyFailedText: "无法访问剪贴板：文本已选中，请按 Ctrl+C。",
    copyFailedLink: "无法访问剪贴板：请直接复制地址栏。",
    blocks: {
      sysctl: { title: "sysctl.d 配置文件", why: "限制值本身，每次开机由 systemd-sysctl 应用。" },
      "modules-load": {
        title: "开机加载模块",
        why: "这些参数只有在模块加载后才存在；没有这个文件，开机时会被跳过。",
      },
      modprobe: {
        title: "模块加载时的表大小",
        why: "在模块加载时设置桶数：老内核只能这样设，所有内核开机时也都靠它。",
      },
      apply: { title: "立即生效", why: "无需重启，在运行中的主机上应用同样的设置。" },
    },
    commentsNote: "配置文件中的注释在任何语言下都保持英文，方便团队共用同一份文本，也便于搜索。",
    tabsLabel: "配置文件",
    tabs: {
      sysctl: "sysctl.d",
      "modules-load": "modules-load.d",
      modprobe: "modprobe.d",
      apply: "立即生效",
      script: "安装脚本",
    },
    script: {
      title: "安装脚本",
      why: "把上面每个文件和立即生效的命令合成一个 POSIX sh 脚本：先读一遍，再以 root 运行。",
    },
    scriptFirst: "该内核只能通过模块参数设置桶数，所以先显示写入全部文件的脚本。",
  },
  layout: {
    modeLegend: "计算依据",
    modes: { ram: "内存", traffic: "流量", paste: "粘贴的诊断输出" },
    modeHints: {
      ram: "像内核一样按主机内存计算，参数见下方。",
      traffic: "按主机承载的连接数计算：结果可直接用作 nf_conntrack_max。",
      paste: "按主机自己的输出计算：它会填好下面的输入框。",
    },
    summary: ({ ram, arch, kernel, page }) => `内存 ${ram}，${arch} 位，内核 ${kernel}，${page} KiB 页`,
    editInputs: "修改输入",
    hideInputs: "收起输入",
    arithmetic: "计算过程",
  },
};
