import type { FindingCode } from "../../domain/diagnostics/diagnose";
import type { LineKind, LineNote, UnavailableSource } from "../../domain/diagnostics/dump";
import type { AlertReason } from "../../domain/config/targets/alerts-now";
import type { Locale } from "../../domain/core/locale";
import { formatsFor } from "../format";

type AlertParams<C extends AlertReason["code"]> = Omit<Extract<AlertReason, { code: C }>, "code">;
/** One sentence per reason an alert would fire now (alertsFiringNow()). */
type AlertMessages = { readonly [C in AlertReason["code"]]: (params: AlertParams<C>) => string };

function english() {
  const { integer, percent, bytes, plural, pluralDecimal } = formatsFor("en");
  return {
    heading: "Start from the machine",
    intro:
      "Run this on the host (an ordinary user is enough; the parts that need root say so), then paste its output below, or any part of it, or the same commands run separately in any order.",
    commandLabel: "Collector command",
    rootCommandLabel: "The same as root, for the slab line and the kernel log",
    copyCommand: "Copy command",
    boxLabel: "Pasted output",
    placeholder: "MemTotal:       24683620 kB\n6.8.0-45-generic x86_64\nPAGESIZE: 4096\n…",
    privacy:
      "The pasted text stays in this box: it is read in your browser, never put in the link and never sent anywhere. Only the values it fills in (RAM, architecture, kernel, page size, bytes per entry) become part of the link, like any field.",
    clear: "Clear",
    nothingRecognised:
      "Nothing in this text was recognised. Paste the collector's output, or lines such as `MemTotal: 16318480 kB`, `net.netfilter.nf_conntrack_max = 262144` or the `nf_conntrack` line of /proc/slabinfo. The calculator keeps working with the values above.",
    truncated: "Only the first 1 MiB or 20,000 lines were read.",
    filled: ({ fields }: { fields: string }) => `Filled in from the paste: ${fields}.`,
    slabCost: ({
      objectBytes,
      effectiveBytes,
      perSlab,
      pages,
    }: {
      objectBytes: number;
      effectiveBytes: number;
      perSlab: number;
      pages: number;
    }) =>
      `Slab: objects of ${integer(objectBytes)} B, ${integer(perSlab)} per ${integer(pages)}-page slab, so ${integer(effectiveBytes)} B per entry with the slab's waste.`,
    pageAssumed: "(4 KiB pages assumed: no page size in the paste)",
    unavailable: ({ sources }: { sources: string }) => `Not readable in this paste: ${sources}.`,
    unavailableSources: {
      sysctl: "the conntrack sysctls (module not loaded?)",
      slabinfo: "the slab line (needs root)",
      stats: "the per-CPU statistics",
      "kernel-log": "the kernel log (needs root)",
    } satisfies Record<UnavailableSource, string>,
    linesSummary: ({ recognised, ignored }: { recognised: number; ignored: number }) =>
      `Show what was read, line by line: ${integer(recognised)} recognised, ${integer(ignored)} ignored`,
    columns: { line: "Line", text: "Text", reading: "Read as" },
    moreLines: ({ lines }: { lines: number }) =>
      `…and ${plural(lines, { one: "# more line", other: "# more lines" })}, not listed.`,
    kinds: {
      meminfo: "MemTotal",
      "free-header": "free: header",
      "free-mem": "free: Mem row",
      uname: "kernel release and machine",
      "page-size": "page size",
      "sysctl-max": "nf_conntrack_max",
      "sysctl-buckets": "nf_conntrack_buckets",
      "sysctl-count": "nf_conntrack_count",
      "sysctl-timeout": "a timeout",
      "sysctl-other": "another conntrack sysctl",
      hashsize: "hashsize parameter",
      "bare-value": "the value of the command above",
      slabinfo: "slab line",
      "stat-header": "statistics header",
      "stat-row": "per-CPU statistics",
      "conntrack-stats": "conntrack -S row",
      "table-full": "table-full message",
      "table-full-count": "count of table-full messages",
      "ratelimit-suppressed": "suppressed kernel messages",
      "boot-line": "boot line",
      unavailable: "not readable",
      ignored: "ignored",
    } satisfies Record<LineKind, string>,
    notes: {
      duplicate: "same value again",
      conflict: "a different value for the same thing: the first one is used",
      superseded: "MemTotal is used instead",
      command: "a command",
      comment: "a comment",
      "too-long": "too long to read",
      "free-unit-unknown": "unit unknown: paste the free command line too (free -b or free -k)",
      "free-unit-unsupported": "use free -b or free -k",
      "no-header": "statistics without their header line",
      "unknown-machine": "unknown machine type",
    } satisfies Record<LineNote, string>,
    diagnosisHeading: "Diagnosis",
    alertsHeading: ({ threshold }: { threshold: number }) =>
      `Alerts that would fire now (threshold ${integer(threshold)} %)`,
    alertsNone: ({ unknown }: { unknown: boolean }): string =>
      unknown ? "None of those this paste can tell." : "None of the alerts.",
    alertsUnknown: ({ names }: { names: string }) => `Not known from this paste: ${names}.`,
    alertReasons: {
      "fill-above-threshold": ({ count, max, thresholdPercent }: AlertParams<"fill-above-threshold">) =>
        `${integer(count)} of ${integer(max)} entries in use: ${percent(count / max)}, above ${integer(thresholdPercent)} %.`,
      "no-limit": ({ count }: AlertParams<"no-limit">) =>
        `nf_conntrack_max is 0 with ${integer(count)} entries in use.`,
      "counter-since-boot": ({ counter, value }: AlertParams<"counter-since-boot">) =>
        `The ${counter} counter is at ${integer(value)}: it happened since boot, so the rule fired then.`,
      "table-full-logged": ({ messages }: AlertParams<"table-full-logged">) =>
        `The kernel logged "table full, dropping packet" ${plural(messages, { one: "once", other: "# times" })}.`,
    } satisfies AlertMessages,
    currentCount: "Entries now (nf_conntrack_count)",
    currentMax: "Limit now (nf_conntrack_max)",
    findings: {
      fill: ({ share }: { share: number }) => `The table is ${percent(share)} full.`,
      "fill-high": ({ share }: { share: number }) =>
        `The table is ${percent(share)} full: above 80 %, new connections will soon be dropped. Raise nf_conntrack_max.`,
      "max-unlimited": () =>
        "nf_conntrack_max is 0: no limit at all, the table can grow until memory runs out.",
      "table-full-seen": ({ details }: { details: string }) => `The table has overflowed: ${details}.`,
      "no-table-full": () => "No sign of a full table: no drops counted and no table-full message seen.",
      drops: ({ drops }: { drops: number }) =>
        `Packets dropped because the table was full: ${integer(drops)} (sum over CPUs).`,
      "insert-failed": ({ inserts }: { inserts: number }) =>
        `Failed inserts: ${integer(inserts)} (sum over CPUs).`,
      "early-drops": ({ drops }: { drops: number }) =>
        `Early drops (unconfirmed entries evicted to make room): ${integer(drops)} (sum over CPUs).`,
      "chain-too-long": ({ inserts }: { inserts: number }) =>
        `Inserts refused because a hash chain grew too long: ${integer(inserts)}.`,
      "chain-length": ({ average }: { average: number }) =>
        `Average hash chain now: ${pluralDecimal(average, { one: "# entry", other: "# entries" })} (2 × count ÷ buckets).`,
      "default-max": ({ max }: { max: number }) =>
        `nf_conntrack_max ${integer(max)} is this kernel's own default for this machine.`,
      "tuned-max": ({ max, kernelDefault }: { max: number; kernelDefault: number }) =>
        `nf_conntrack_max ${integer(max)} was tuned (this kernel's default here: ${integer(kernelDefault)}).`,
      "default-buckets": ({ buckets }: { buckets: number }) =>
        `nf_conntrack_buckets ${integer(buckets)} is this kernel's own default.`,
      "tuned-buckets": ({ buckets, kernelDefault }: { buckets: number; kernelDefault: number }) =>
        `nf_conntrack_buckets ${integer(buckets)} was tuned (this kernel's default here: ${integer(kernelDefault)}).`,
    } satisfies Record<FindingCode, (values: never) => string>,
    tableFullMessages: ({ messages }: { messages: number }) =>
      plural(messages, {
        one: "# table-full message in the kernel log",
        other: "# table-full messages in the kernel log",
      }),
    droppedPackets: ({ packets }: { packets: number }) =>
      `${plural(packets, { one: "# packet", other: "# packets" })} dropped`,
    suppressed: ({ messages }: { messages: number }) =>
      plural(messages, {
        one: "# more rate-limited network message suppressed, possibly this one",
        other: "# more rate-limited network messages suppressed, possibly these",
      }),
    change: ({ max, buckets, memoryBytes }: { max: number; buckets: number; memoryBytes: number }) =>
      `The recommendation would set nf_conntrack_max ${integer(max)} and nf_conntrack_buckets ${integer(buckets)}; a full table would then cost ${bytes(memoryBytes)}.`,
  };
}

const en = english();

export type PasteMessages = typeof en;

function chinese(): PasteMessages {
  const { integer, decimal, percent, bytes } = formatsFor("zh-CN");
  return {
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
    alertsHeading: ({ threshold }) => `现在会触发的告警（阈值 ${integer(threshold)} %）`,
    alertsNone: ({ unknown }) => (unknown ? "能从这段输出判断的告警都不会触发。" : "所有告警都不会触发。"),
    alertsUnknown: ({ names }) => `从这段输出无法判断：${names}。`,
    alertReasons: {
      "fill-above-threshold": ({ count, max, thresholdPercent }) =>
        `已用 ${integer(count)} / ${integer(max)} 个条目：${percent(count / max)}，超过 ${integer(thresholdPercent)} %。`,
      "no-limit": ({ count }) => `nf_conntrack_max 为 0，而已有 ${integer(count)} 个条目。`,
      "counter-since-boot": ({ counter, value }) =>
        `${counter} 计数器为 ${integer(value)}：开机以来发生过，规则当时已经触发。`,
      "table-full-logged": ({ messages }) =>
        `内核记录了 ${integer(messages)} 次 "table full, dropping packet"。`,
    },
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
  };
}

/** The words of this part of the page, in every language; loaded with the part. */
export const PASTE: Readonly<Record<Locale, PasteMessages>> = { en, "zh-CN": chinese() };
