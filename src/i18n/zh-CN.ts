import type { Messages } from "./en";
import { formatsFor } from "./format";

const { integer, decimal, percent, bytes } = formatsFor("zh-CN");

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
    unknownVersion: ({ current }) =>
      `此链接标明的链接版本本页不认识；各参数按第 ${current} 版读取，并在各自的输入框中逐项校验。`,
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
    roleChoices: {
      host: "普通主机或防火墙（无 NAT）",
      nat: "NAT 网关或路由器",
      kubernetes: "Kubernetes 节点",
      docker: "Docker 主机",
    },
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
        label: "本计算器所依据的文章：每桶 4 条、352 B",
        title: "本计算器按内存比例计算的方法出自这篇文章；这是它使用的数值：每桶 4 条、每条目 352 字节",
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
    extensionByRole: ({ totalBytes }) =>
      `该主机做地址伪装（按所选角色），其条目带有 NAT 所加的 128 B 扩展区：共 ${totalBytes} B。`,
    articleSource: "本计算器所依据的那篇文章使用的数值；实测的内核都不是这个值。",
    ownFigure: "自定义数值。",
  },
  fields: {
    labels: {
      from: "按什么估算",
      role: "主机的角色",
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
      target: "生成给",
    },
    hints: {
      from: "决定答案的方式：按内存、按流量，或按粘贴的主机诊断信息。",
      role: "决定内核为每个条目实际分配多少内存（6.x 内核上 NAT 会多出 128 B 的扩展区），以及配置里附带的警告。",
      ram: "填 `free -g` 或 `grep MemTotal /proc/meminfo` 中的 MemTotal，而不是物理内存条的容量。单位：B、K、M、G、T（按 1024 进位）；只写数字表示 GiB。",
      arch: "内核的指针宽度：`uname -m`。",
      ratio:
        "nf_conntrack_max ÷ nf_conntrack_buckets。留空则用所选内核自身的值：5.15 起为 1，2.6.23 起为 4，更早为 8。原文用 4。",
      struct:
        "留空则用所选内核的实测值。在主机上查看：`sudo awk '/^nf_conntrack(_[0-9a-f]+)? /{print $4}' /proc/slabinfo`（对象大小；4.6 及更早每个网络命名空间一个缓存，名为 nf_conntrack_ 加编号或地址），或 `cat /sys/kernel/slab/nf_conntrack/slab_size`（含对齐）。",
      max: "可选：自己指定的 nf_conntrack_max 目标值。留空则按内存推算。不能填 0：6.18 及以前它表示不设上限（表会一直增长直到内存耗尽），6.19 起内核拒绝这个值。",
      kernel: "配置所针对的内核：`uname -r`。内核默认值和生成的配置都随之变化。",
      page: "`getconf PAGESIZE`：x86 为 4 KiB；arm64 和 ppc64le 内核可能是 16 或 64 KiB，哈希表会按更大的步长取整。",
      alert:
        "连接跟踪表的占用超过这个比例时，Prometheus 规则和检查脚本发出警告；75 是 node_exporter 自带告警的取值。",
      target: "同样的取值：纯配置文件、部署它们的工具，或监视连接跟踪表的告警。",
    },
  },
  fieldIssues: {
    accepted: {
      way: () => "ram、traffic 或 paste",
      role: () => "host、nat、kubernetes 或 docker",
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
      target: () => "files、ansible、cloud-init、nixos、talos 或 alerts",
    },
    empty: ({ label, accepted }) => `${label}不能为空。请输入${accepted}。`,
    syntax: ({ accepted }) => `无法识别。请输入${accepted}。`,
    unit: ({ accepted }) => `不认识的单位。请输入${accepted}。`,
    precision: ({ accepted }) => `小数位过多。请输入${accepted}。`,
    range: ({ accepted }) => `超出范围。请输入${accepted}。`,
    choice: ({ accepted }) => `不是有效的选项。请输入${accepted}。`,
  },
  results: {
    heading: "建议设置",
    maxFromRam: ({ factor, ramBytes, divisor }) =>
      `内存 MiB 数 × ${integer(factor)}：MemTotal ${integer(ramBytes)} B ÷ ${integer(divisor)}，向下取整。`,
    maxFromTraffic: ({ total, headroom }) =>
      `按流量所需：稳态 ${integer(total)} 个条目，加 ${headroom}% 余量，向上取整。`,
    maxFromHost: "按粘贴的主机诊断信息（其 MemTotal、内核和每条目大小）套用内存规则。",
    noTraffic: "尚未填写流量：在填写之前先用内存规则。",
    explicitOverTraffic: "你自己指定的 nf_conntrack_max 优先于流量所需；清空它即可按流量估算。",
    referenceKernel: ({ kernel }) => `供参考：内核自身的默认值为 ${integer(kernel)}。`,
    reference: ({ ramRule, kernel }) =>
      `供参考：内存规则给出 ${integer(ramRule)}，内核自身的默认值为 ${integer(kernel)}。`,
    trafficAgainst: ({ what, limit }) => `流量与${what}（${integer(limit)}）相比：`,
    againstAnswer: "此答案",
    againstKernel: "内核自身的默认值",
    verdicts: {
      fits: ({ share }) => `够用：稳态占 ${percent(share)}，余量也放得下`,
      tight: ({ share }) => `偏紧：稳态占 ${percent(share)}，剩余空间小于所要求的余量，突发流量会把表占满`,
      "does-not-fit": ({ share }) => `会溢出：仅稳态就需要其 ${percent(share)}`,
    },
    hostHolds: ({ count, max }) =>
      `该主机的连接跟踪表当前有 ${integer(count)} 个条目，上限为 ${integer(max)}。`,
    invalid: ({ fields }) => `${fields}无效，暂无答案：改正上面的输入框后数值即会恢复。`,
    invalidBlocks: ({ fields }) => `${fields}无效，没有可复制的内容：此时的配置与表单不符。`,
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
      `实际分配时可能占用 ${bytes(footprintBytes)}：一整块 2 的幂大小的连续页。`,
    hashTableRange: ({ fromBytes, upToBytes }) =>
      `实际分配时占用 ${bytes(fromBytes)} 到 ${bytes(upToBytes)}：大页映射可能向上取整。`,
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
  },
  charts: {
    heading: "表逐渐填满时的内存与查找开销",
  },
  timeouts: {
    heading: "超时",
  },
  kube: {
    heading: "Kubernetes 节点",
  },
  table: {
    heading: "表里装的是什么",
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
    targets: {
      files: "纯配置文件",
      ansible: "Ansible",
      "cloud-init": "cloud-init",
      nixos: "NixOS",
      talos: "Talos",
      alerts: "告警",
    },
  },
  punctuation: {
    sentenceEnd: "。",
    clauses: "；",
    label: "：",
  },
  layout: {
    modeLegend: "计算依据",
    modes: { ram: "内存", traffic: "流量", paste: "粘贴的诊断输出" },
    modeHints: {
      ram: "像内核一样按主机内存计算，参数见下方。",
      traffic: "按主机承载的连接数计算：这些连接在表中占用的条目数加上余量，就是答案。",
      paste: "按主机自己的输出计算：它会填好下面的输入框，再按其显示的数值套用内存规则。",
    },
    summary: ({ ram, arch, kernel, page }) => `内存 ${ram}，${arch} 位，内核 ${kernel}，${page} KiB 页`,
    editInputs: "修改输入",
    hideInputs: "收起输入",
    arithmetic: "计算过程",
  },
};
