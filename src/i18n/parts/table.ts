import type { Locale } from "../../domain/core/locale";
import type { Finding } from "../../domain/table/findings";
import type { WorkerStop } from "../../table-worker/protocol";
import type { StopReason } from "../../domain/table/table-reader";
import { formatsFor } from "../format";

type Stop = StopReason | WorkerStop;

function english() {
  const { integer, percent, plural } = formatsFor("en");
  const entries = (n: number) => plural(n, { one: "# entry", other: "# entries" });
  return {
    intro:
      "Read the table itself: what fills it, and the fix for that. The file is read in this page only; nothing is uploaded, stored or put in the link.",
    commandsLabel: "On the host (as root), write the table to a file:",
    commands: {
      conntrack: "conntrack -L 2>/dev/null | gzip > conntrack.txt.gz",
      proc: "gzip < /proc/net/nf_conntrack > conntrack.txt.gz",
      ipv6: "conntrack -L -f ipv6 2>/dev/null | gzip > conntrack6.txt.gz",
    },
    commandNotes: [
      "Without conntrack-tools, the second line reads the kernel's own listing (absent when the kernel was built without CONFIG_NF_CONNTRACK_PROCFS).",
      "conntrack-tools before 1.4.7 list IPv4 only: add the third line for IPv6.",
      "Listing a big table costs the host CPU for a few seconds.",
      "Run it on the host: inside a container's network namespace it lists that namespace only.",
    ],
    fileLabel: "Table file (conntrack -L, -o extended, -o xml, /proc/net/nf_conntrack; plain or .gz)",
    dropHint: "or drop the file here",
    pasteNote: "Entry lines pasted into the box above are read the same way.",
    progressLabel: "Reading the table",
    progress: ({ bytes, entries: n }: { bytes: string; entries: number }) => `${bytes} read, ${entries(n)}`,
    cancel: "Cancel",
    clear: "Clear",
    cancelled: "Reading cancelled.",
    stopped: {
      binary:
        "This file is not text (it holds binary data), so it is not a table listing. Nothing else changed.",
      "not-a-table":
        "The first 1,000 lines of this file are not table entries, so reading stopped. Nothing else changed.",
      "too-large": "Reading stopped after 1 GiB of text; the numbers below count that part only.",
      "gzip-bomb":
        "The file expands more than 100 times: not a table listing compressed with gzip. Reading stopped.",
      gzip: "The file looks like gzip but cannot be decompressed.",
      read: "The browser could not read the file.",
    } satisfies Record<Stop, string>,
    source: ({ name }: { name: string }) => (name === "" ? "From the paste box" : `From ${name}`),
    totalsHeading: "Totals",
    totals: {
      entries: "Entries",
      skipped: "Lines not understood",
      ipv4: "IPv4",
      ipv6: "IPv6",
      assured: "Assured",
      unreplied: "Unreplied",
      nat: "NAT'd",
      offloaded: "Offloaded",
    },
    summaryMismatch: ({ count }: { count: number }) =>
      `conntrack's own summary says ${entries(count)}; the difference is lines cut off or IPv6 left out by conntrack-tools before 1.4.7.`,
    skippedLine: ({ line, text }: { line: number; text: string }) => `line ${integer(line)}: ${text}`,
    protocolsHeading: "Protocols",
    statesHeading: "TCP states",
    zonesHeading: "Zones and marks (other than 0)",
    zone: ({ zone }: { zone: string }) => `zone ${zone}`,
    mark: ({ mark }: { mark: string }) => `mark ${mark}`,
    topHeading: {
      services: "Top destination services",
      sources: "Top sources",
      destinations: "Top destinations",
      nat: "NAT: original destination → backends",
    },
    share: ({ count, share }: { count: number; share: number }) => `${integer(count)} (${percent(share)})`,
    approximate: ({ bound }: { bound: number }) =>
      `Counted approximately (bounded memory): each count may be up to ${integer(bound)} too high.`,
    idleHeading: "Idle time",
    idleIntro:
      "Seconds since each entry last saw a packet: its timeout on the chosen kernel (or the value set above) minus the seconds it has left.",
    idleClass: "Timeout",
    idleChartLabel: ({ timeout }: { timeout: string }) => `Entries by idle time, ${timeout}`,
    idleBin: ({ from }: { from: string }) => `≥ ${from}`,
    longer: ({ count }: { count: number }) =>
      `${entries(count)} had more time left than this timeout: the host's value is longer than assumed.`,
    notrack: {
      heading: "Untrack stateless services",
      intro:
        "Tick services in the top list to get rules that stop tracking them: only to and from the addresses this table saw them on, in both directions.",
      pick: ({ service }: { service: string }) => `Untrack ${service}`,
      cannot: "Only tcp, udp and sctp services can be untracked by port.",
      saved: ({ count, share }: { count: number; share: number }) =>
        `These rules would have left ${entries(count)} (${percent(share)}) of this table untracked.`,
      caveats: [
        "NAT needs tracking: an untracked packet skips DNAT and SNAT, so do not untrack a service reached through NAT (a Service IP, a port forward, masquerade).",
        "Stateful filter rules (ct state, --ctstate, ESTABLISHED,RELATED) no longer match these packets: the rules accept UNTRACKED, and replies must be allowed by address and port.",
        "Untrack what is stateless and busy (DNS, NTP, syslog, metrics); keep long TCP connections tracked.",
      ],
      natted: ({ count, service }: { count: number; service: string }) =>
        `${entries(count)} of ${service} were NAT'd in this table: those would break without tracking.`,
      nftTitle: "nftables",
      nftWhy: "Load with nft -f; remove with nft delete table inet conntrack_notrack.",
      iptablesTitle: "iptables",
      iptablesWhy: "Run as root; it adds to the raw and filter tables (--noflush).",
    },
    fix: {
      stale: {
        heading: "Destinations that never answered",
        intro:
          "Every entry to these destinations is unreplied: a backend that went away. Deleting them frees the table now; remove the backend from its service first, or new ones take their place.",
        title: "conntrack -D",
        why: "Run as root where the table was listed (the host, or the network namespace it came from). It needs conntrack-tools.",
      },
      whatIf: {
        heading: "Shorter timeouts",
        intro:
          "An entry idle longer than a shorter timeout would already be gone. For each timeout with entries in this table: how many would be gone, and the nf_conntrack_max the rest needs with the headroom. Set puts the value in the timeout's field, so every config block and target carries it.",
        caption: ({ sysctl, now, count }: { sysctl: string; now: string; count: number }) =>
          `${sysctl}: ${now} when read, ${entries(count)}`,
        columns: { value: "Timeout", gone: "Entries gone", max: "Max needed", action: "Field" },
        now: "as read",
        kernelDefault: "kernel default",
        gone: ({ count, share }: { count: number; share: number }) => `${integer(count)} (${percent(share)})`,
        set: "Set",
        setLabel: ({ sysctl, seconds }: { sysctl: string; seconds: number }) =>
          `Set ${sysctl} to ${integer(seconds)} s`,
        isSet: "Set ✓",
        caveat:
          "A TCP connection idle longer than its timeout loses its entry: its next packet makes a new one (nf_conntrack_tcp_loose = 1, the default), but a NAT'd connection or a strict stateful rule drops it. Keep established above the keep-alive interval the applications use.",
      },
      useMax: {
        heading: "Back to sizing",
        explain: ({ count, headroom, max }: { count: number; headroom: number; max: number }) =>
          `${entries(count)} counted + ${integer(headroom)}% headroom (the traffic section's field) = ${integer(max)}.`,
        button: "Use as nf_conntrack_max",
        done: ({ max }: { max: number }) =>
          `nf_conntrack_max is now ${integer(max)} (the max field): every config block and target writes it.`,
        role: ({ nat, from, to }: { nat: number; from: number; to: number }) =>
          `This table holds ${entries(nat)} NAT'd, and each carries the 128-byte extension area: the host's role is now NAT gateway, and bytes per entry ${integer(from)} → ${integer(to)} B.`,
        roleOnly: ({ nat }: { nat: number }) =>
          `This table holds ${entries(nat)} NAT'd: the host's role is now NAT gateway.`,
      },
      summary: {
        heading: "Summary for a ticket",
        button: "Copy summary",
        mask: "Mask addresses",
        maskHint:
          "IPv4 keeps its first two octets (10.0.x.x#1), IPv6 its /48 prefix (2001:db8:ffff::/48#1); each address gets its own number, so groups still read. Ports and protocols stay.",
        preview: "Preview",
        words: {
          title: "conntrack table",
          maskedNote: "Addresses masked: network part and a number per address.",
          total: "Total",
          count: "Entries",
          share: "Share",
          protocols: "Protocol",
          states: "TCP state",
          findings: "What the table says",
          noFindings: "nothing stands out",
          services: "Destination service",
          sources: "Source",
          destinations: "Destination",
          nat: "NAT: original destination → backend",
          approximate: ({ bound }: { bound: number }) =>
            `Counted approximately: each count may be up to ${integer(bound)} too high.`,
        },
      },
    },
    findingsHeading: "What the table says",
    noFindings: "Nothing stands out.",
    findings: {
      "stateless-service": (f: Extract<Finding, { code: "stateless-service" }>) =>
        `${f.protocol} to port ${f.port} holds ${entries(f.count)} (${percent(f.share)}): a request/response service that needs no tracking; untrack it below.`,
      unreplied: (f: Extract<Finding, { code: "unreplied" }>) =>
        `${entries(f.count)} (${percent(f.share)}) never got a reply: scans, a SYN flood, a dead backend or asymmetric routing.`,
      "time-wait": (f: Extract<Finding, { code: "time-wait" }>) =>
        `${percent(f.share)} of TCP entries are TIME_WAIT (${integer(f.count)}): short connections that are not reused.`,
      "close-wait": (f: Extract<Finding, { code: "close-wait" }>) =>
        `${percent(f.share)} of TCP entries are CLOSE_WAIT (${integer(f.count)}): an application that does not close its sockets.`,
      "idle-established": (f: Extract<Finding, { code: "idle-established" }>) =>
        `${percent(f.share)} of ESTABLISHED entries (${integer(f.count)}) have been idle for an hour or more: the 5-day default keeps peers that went away.`,
      "dominant-source": (f: Extract<Finding, { code: "dominant-source" | "dominant-destination" }>) =>
        `One source, ${f.address}, holds ${percent(f.share)} of the table (${integer(f.count)}).`,
      "dominant-destination": (f: Extract<Finding, { code: "dominant-source" | "dominant-destination" }>) =>
        `One destination, ${f.address}, holds ${percent(f.share)} of the table (${integer(f.count)}).`,
      "not-assured": (f: Extract<Finding, { code: "not-assured" }>) =>
        `${percent(f.share)} of entries are not assured (${integer(f.count)}): early_drop can evict those when the table is full, so it is less full than it looks.`,
      "near-max": (f: Extract<Finding, { code: "near-max" }>) =>
        `The table holds ${entries(f.count)}, ${percent(f.share)} of nf_conntrack_max (${integer(f.max)}).`,
      "stale-destination": (f: Extract<Finding, { code: "stale-destination" }>) =>
        `All ${entries(f.count)} to ${f.address}${f.port === null ? "" : ` port ${f.port}`} (${f.protocol}${f.zone === 0 ? "" : `, zone ${f.zone}`}) are unreplied: a backend that went away; delete them below.`,
    },
  };
}

export type TableMessages = ReturnType<typeof english>;

const en: TableMessages = english();

function chinese(): TableMessages {
  const { integer, percent } = formatsFor("zh-CN");
  const entries = (n: number) => `${integer(n)} 个条目`;
  return {
    intro:
      "直接读取连接跟踪表：看清是什么占满了它，以及对应的修复办法。文件只在本页内读取，不会上传、保存或写进链接。",
    commandsLabel: "在主机上（以 root 身份）把表写入文件：",
    commands: en.commands,
    commandNotes: [
      "没有 conntrack-tools 时，第二行读取内核自己的列表（内核未启用 CONFIG_NF_CONNTRACK_PROCFS 时不存在）。",
      "1.4.7 之前的 conntrack-tools 只列出 IPv4：需要 IPv6 时再运行第三行。",
      "列出很大的表会占用主机几秒钟的 CPU。",
      "请在主机上运行：在容器的网络命名空间里只能列出该命名空间的条目。",
    ],
    fileLabel: "表文件（conntrack -L、-o extended、-o xml、/proc/net/nf_conntrack；纯文本或 gzip 压缩）",
    dropHint: "或把文件拖放到这里",
    pasteNote: "粘贴到上面输入框中的条目行也会以同样方式读取。",
    progressLabel: "正在读取表",
    progress: ({ bytes, entries: n }) => `已读取 ${bytes}，${entries(n)}`,
    cancel: "取消",
    clear: "清除",
    cancelled: "已取消读取。",
    stopped: {
      binary: "该文件不是文本（含二进制数据），因此不是表的列表。其他内容均未改变。",
      "not-a-table": "该文件前 1,000 行都不是表条目，已停止读取。其他内容均未改变。",
      "too-large": "读取 1 GiB 文本后已停止；下面的数字只统计了这一部分。",
      "gzip-bomb": "该文件解压后膨胀超过 100 倍，不是用 gzip 压缩的表列表。已停止读取。",
      gzip: "该文件看起来是 gzip，但无法解压。",
      read: "浏览器无法读取该文件。",
    },
    source: ({ name }) => (name === "" ? "来自粘贴框" : `来自 ${name}`),
    totalsHeading: "总计",
    totals: {
      entries: "条目",
      skipped: "无法识别的行",
      ipv4: "IPv4",
      ipv6: "IPv6",
      assured: "已确认（ASSURED）",
      unreplied: "未应答（UNREPLIED）",
      nat: "经过 NAT",
      offloaded: "已卸载（OFFLOAD）",
    },
    summaryMismatch: ({ count }) =>
      `conntrack 自己的汇总行显示 ${entries(count)}；差异来自被截断的行，或 1.4.7 之前的 conntrack-tools 未列出 IPv6。`,
    skippedLine: ({ line, text }) => `第 ${integer(line)} 行：${text}`,
    protocolsHeading: "协议",
    statesHeading: "TCP 状态",
    zonesHeading: "zone 与 mark（非 0）",
    zone: ({ zone }) => `zone ${zone}`,
    mark: ({ mark }) => `mark ${mark}`,
    topHeading: {
      services: "目的服务排行",
      sources: "源地址排行",
      destinations: "目的地址排行",
      nat: "NAT：原始目的地址 → 后端",
    },
    share: ({ count, share }) => `${integer(count)}（${percent(share)}）`,
    approximate: ({ bound }) => `为限制内存而近似统计：每个计数最多可能偏高 ${integer(bound)}。`,
    idleHeading: "空闲时长",
    idleIntro: "每个条目自上一个包以来的秒数：所选内核上该条目的超时（或上面设置的值）减去剩余秒数。",
    idleClass: "超时",
    idleChartLabel: ({ timeout }) => `按空闲时长统计的条目，${timeout}`,
    idleBin: ({ from }) => `≥ ${from}`,
    longer: ({ count }) => `${entries(count)} 的剩余时间超过该超时：主机上的值比假设的更长。`,
    notrack: {
      heading: "取消跟踪无状态服务",
      intro: "在上面的服务列表中勾选服务，即可得到取消跟踪它们的规则：只针对本表中该服务的地址，双向生效。",
      pick: ({ service }: { service: string }) => `取消跟踪 ${service}`,
      cannot: "只有 tcp、udp 和 sctp 服务可以按端口取消跟踪。",
      saved: ({ count, share }: { count: number; share: number }) =>
        `这些规则会让本表中 ${entries(count)}（${percent(share)}）不被跟踪。`,
      caveats: [
        "NAT 需要连接跟踪：未跟踪的数据包会跳过 DNAT 和 SNAT，因此不要取消跟踪经由 NAT 访问的服务（Service IP、端口转发、masquerade）。",
        "有状态的过滤规则（ct state、--ctstate、ESTABLISHED,RELATED）不再匹配这些数据包：规则中接受 UNTRACKED，应答需要按地址和端口放行。",
        "只取消跟踪无状态且繁忙的流量（DNS、NTP、syslog、指标）；长时间的 TCP 连接应继续跟踪。",
      ],
      natted: ({ count, service }: { count: number; service: string }) =>
        `本表中 ${service} 有 ${entries(count)} 经过了 NAT：取消跟踪后它们会失效。`,
      nftTitle: "nftables",
      nftWhy: "用 nft -f 加载；用 nft delete table inet conntrack_notrack 删除。",
      iptablesTitle: "iptables",
      iptablesWhy: "以 root 运行；它向 raw 表和 filter 表追加规则（--noflush）。",
    },
    fix: {
      stale: {
        heading: "从未应答的目的地址",
        intro:
          "发往这些目的地址的条目全部未应答：后端已经不在了。删除它们可以立即腾出表空间；请先把该后端从服务中移除，否则新的条目会再次出现。",
        title: "conntrack -D",
        why: "以 root 身份在列出该表的地方运行（主机，或该表所在的网络命名空间）。需要 conntrack-tools。",
      },
      whatIf: {
        heading: "缩短超时",
        intro:
          "空闲时间超过更短超时的条目本来早已过期。对本表中有条目的每个超时：会少掉多少条目，以及剩余条目加上余量所需的 nf_conntrack_max。“设置”会把该值填入对应的超时字段，所有配置块和目标都会带上它。",
        caption: ({ sysctl, now, count }) => `${sysctl}：读取时为 ${now}，${entries(count)}`,
        columns: { value: "超时", gone: "会过期的条目", max: "所需上限", action: "字段" },
        now: "读取时",
        kernelDefault: "内核默认值",
        gone: ({ count, share }) => `${integer(count)}（${percent(share)}）`,
        set: "设置",
        setLabel: ({ sysctl, seconds }) => `把 ${sysctl} 设为 ${integer(seconds)} 秒`,
        isSet: "已设置 ✓",
        caveat:
          "空闲超过超时的 TCP 连接会失去它的条目：下一个数据包会新建条目（nf_conntrack_tcp_loose = 1，默认值），但经过 NAT 的连接或严格的有状态规则会丢弃它。established 超时应高于应用使用的 keep-alive 间隔。",
      },
      useMax: {
        heading: "回到容量规划",
        explain: ({ count, headroom, max }) =>
          `统计到 ${entries(count)} + ${integer(headroom)}% 余量（流量部分的字段）= ${integer(max)}。`,
        button: "用作 nf_conntrack_max",
        done: ({ max }) => `nf_conntrack_max 现为 ${integer(max)}（max 字段）：所有配置块和目标都会写入它。`,
        role: ({ nat, from, to }) =>
          `本表中有 ${integer(nat)} 个条目经过 NAT，每个都带有 128 字节的扩展区：主机角色已改为 NAT 网关，每条目字节数 ${integer(from)} → ${integer(to)} B。`,
        roleOnly: ({ nat }) => `本表中有 ${integer(nat)} 个条目经过 NAT：主机角色已改为 NAT 网关。`,
      },
      summary: {
        heading: "用于工单的摘要",
        button: "复制摘要",
        mask: "隐藏地址",
        maskHint:
          "IPv4 保留前两段（10.0.x.x#1），IPv6 保留 /48 前缀（2001:db8:ffff::/48#1）；每个地址有自己的编号，分组依然清楚。端口和协议保留。",
        preview: "预览",
        words: {
          title: "conntrack 表",
          maskedNote: "地址已隐藏：保留网络部分，每个地址一个编号。",
          total: "总计",
          count: "条目",
          share: "占比",
          protocols: "协议",
          states: "TCP 状态",
          findings: "表中的发现",
          noFindings: "没有突出的问题",
          services: "目的服务",
          sources: "源地址",
          destinations: "目的地址",
          nat: "NAT：原始目的地址 → 后端",
          approximate: ({ bound }) => `近似统计：每个计数最多可能偏高 ${integer(bound)}。`,
        },
      },
    },
    findingsHeading: "表中的发现",
    noFindings: "没有突出的问题。",
    findings: {
      "stateless-service": (f) =>
        `发往 ${f.protocol} 端口 ${f.port} 的流量占 ${entries(f.count)}（${percent(f.share)}）：这是无需跟踪的一问一答服务，可在下面取消跟踪。`,
      unreplied: (f) =>
        `${entries(f.count)}（${percent(f.share)}）从未收到应答：扫描、SYN 洪水、后端失效或路由不对称。`,
      "time-wait": (f) =>
        `TCP 条目中 ${percent(f.share)} 处于 TIME_WAIT（${integer(f.count)}）：短连接且未复用。`,
      "close-wait": (f) =>
        `TCP 条目中 ${percent(f.share)} 处于 CLOSE_WAIT（${integer(f.count)}）：应用程序没有关闭套接字。`,
      "idle-established": (f) =>
        `ESTABLISHED 条目中 ${percent(f.share)}（${integer(f.count)}）已空闲一小时以上：5 天的默认值留住了已消失的对端。`,
      "dominant-source": (f) =>
        `单个源地址 ${f.address} 占了表的 ${percent(f.share)}（${integer(f.count)}）。`,
      "dominant-destination": (f) =>
        `单个目的地址 ${f.address} 占了表的 ${percent(f.share)}（${integer(f.count)}）。`,
      "not-assured": (f) =>
        `${percent(f.share)} 的条目未确认（${integer(f.count)}）：表满时 early_drop 可以淘汰它们，因此表没有看上去那么满。`,
      "near-max": (f) =>
        `表中有 ${entries(f.count)}，达到 nf_conntrack_max（${integer(f.max)}）的 ${percent(f.share)}。`,
      "stale-destination": (f) =>
        `发往 ${f.address}${f.port === null ? "" : ` 端口 ${f.port}`}（${f.protocol}${f.zone === 0 ? "" : `，zone ${f.zone}`}）的 ${entries(f.count)} 全部未应答：后端已经不在了，可在下面删除。`,
    },
  };
}

/** The words of the table panel, in every language; loaded with the panel. */
export const TABLE: Readonly<Record<Locale, TableMessages>> = { en, "zh-CN": chinese() };
