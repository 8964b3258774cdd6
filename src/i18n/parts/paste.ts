import type { CauseCode, Finding, FindingCode, RaceResolution } from "../../domain/diagnostics/diagnose";
import type { LineKind, LineNote, UnavailableSource } from "../../domain/diagnostics/dump";
import type { PasteEntryBytes } from "../../domain/diagnostics/paste-entry-bytes";
import type { AlertReason } from "../../domain/config/targets/alerts-now";
import type { Locale } from "../../domain/core/locale";
import { formatsFor } from "../format";

type AlertParams<C extends AlertReason["code"]> = Omit<Extract<AlertReason, { code: C }>, "code">;
/** One sentence per reason an alert would fire now (alertsFiringNow()). */
type AlertMessages = { readonly [C in AlertReason["code"]]: (params: AlertParams<C>) => string };

/** What one entry costs, from the pasted slab line (paste-entry-bytes.ts), with the slab's size in KiB. */
type EntryCost = PasteEntryBytes & { readonly slabKiB: number };

/** A cause as the page says it: what happened, with its numbers, then the fixes that work for it. */
export interface CauseText {
  readonly summary: string;
  readonly fixes: readonly string[];
}
type CauseOf<C extends CauseCode> = Extract<Finding, { code: C }>;
/**
 * Per cause (diagnose() causes()): what happened, with its numbers, and the fixes that work for it;
 * for the insert race also what the pasted kernel resolves by itself, which leads its fixes.
 */
type CauseMessages = {
  readonly [C in CauseCode]: {
    readonly summary: (finding: CauseOf<C>) => string;
    readonly fixes: readonly string[];
  };
} & { readonly "cause-insert-race": { readonly resolution: Readonly<Record<RaceResolution, string>> } } & {
  readonly "cause-other-namespace": {
    /** When the log names namespaces: the one with the most messages, and how many others. */
    readonly named: (params: NamedNamespace) => string;
    /** The first fix when the log names the namespace (its inode number). */
    readonly find: (params: { inum: number }) => string;
  };
};

interface NamedNamespace {
  readonly inum: number;
  readonly messages: number;
  readonly others: number;
}

function english() {
  const { integer, percent, bytes, plural, pluralDecimal } = formatsFor("en");
  const tableFullMessages = ({ messages }: { messages: number }) =>
    plural(messages, {
      one: "# table-full message in the kernel log",
      other: "# table-full messages in the kernel log",
    });
  return {
    heading: "Start from the machine",
    intro:
      "Run this on the host (an ordinary user is enough; the parts that need root say so), then paste its output below, or any part of it, or the same commands run separately in any order.",
    commandLabel:
      "Collector command: run it on the host, not in a pod or container (a dump there reads that namespace only)",
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
    entryCost: (e: EntryCost) =>
      `slabinfo: ${integer(e.objectBytes)}-byte objects, ${integer(e.objectsPerSlab)} per ${integer(e.slabKiB)} KiB slab = ${integer(e.slabBytes)} B${
        e.extensionBytes === 0
          ? " per entry"
          : `; + ${integer(e.extensionBytes)} B extension area ${e.extensionReason === "kernel" ? `on ${e.kernelLabel}` : "for NAT (the host's role)"} = ${integer(e.totalBytes)} B per entry`
      }${e.matchesModel ? ", the figure measured for this kernel: bytes per entry stay the kernel's own and follow the role." : "."}`,
    pageAssumed: ({ pageBytes }: { pageBytes: number }) =>
      `(${integer(pageBytes / 1024)} KiB pages: no page size in the paste, so the smallest the slab line allows)`,
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
      "counter-since-boot": ({ counter, value }: AlertParams<"counter-since-boot">) =>
        `The ${counter} counter is at ${integer(value)}: it happened since boot, so the rule fired then.`,
      "table-full-logged": ({ messages }: AlertParams<"table-full-logged">) =>
        `The kernel logged "table full, dropping packet" ${plural(messages, { one: "once", other: "# times" })}.`,
    } satisfies AlertMessages,
    currentCount: "Entries now (nf_conntrack_count)",
    currentMax: "Limit now (nf_conntrack_max)",
    /** Between the items of a list inside a sentence, and between clauses. */
    listSeparator: ", ",
    clauseSeparator: "; ",
    tableFullLogged: "Table-full messages",
    netnsShare: ({ netns }: { netns: number }) =>
      ` (${plural(netns, { one: "# names another namespace", other: "# name another namespace" })})`,
    findings: {
      fill: ({ share }: { share: number }) => `The table is ${percent(share)} full.`,
      "fill-high": ({ share }: { share: number }) =>
        `The table is ${percent(share)} full: above 80 %, new connections will soon be dropped. Raise nf_conntrack_max.`,
      "max-unlimited": ({ kernel }: { kernel: "accepts" | "refuses" | "unknown" }): string =>
        kernel === "refuses"
          ? "nf_conntrack_max reads 0, which this kernel refuses (6.19 and later): the values pasted come from different hosts or kernels."
          : kernel === "accepts"
            ? "nf_conntrack_max is 0: no limit at all on this kernel, the table can grow until memory runs out. Kernels from 6.19 refuse 0: after such an upgrade a sysctl.d line setting 0 fails and the kernel's own default applies."
            : "nf_conntrack_max is 0: no limit at all up to 6.18, the table can grow until memory runs out; kernels from 6.19 refuse 0.",
      "count-zero-namespace": () =>
        "The count is 0 with a limit set: this dump was probably taken in a pod or container, whose network namespace counts only its own entries. Run the collector on the host.",
      "no-table-full": () =>
        "No sign of a full table, an insert race or overlong chains: no such drop or failed insert counted and no table-full message seen.",
      drops: ({ drops }: { drops: number }) =>
        `drop: ${integer(drops)} packets dropped by conntrack (sum over CPUs): a full table, a lost insert race (counted here too since 5.x) or a packet a tracker refused.`,
      "insert-failed": ({ inserts, clashResolve }: { inserts: number; clashResolve: number | null }) =>
        `insert_failed: ${integer(inserts)} inserts lost (sum over CPUs)${clashResolve === null ? "" : `; clash_resolve: ${integer(clashResolve)} clashes the kernel resolved without a drop`}.`,
      "early-drops": ({ drops }: { drops: number }) =>
        `early_drop: ${integer(drops)} entries evicted to make room at the limit (sum over CPUs).`,
      "chain-too-long": ({ inserts }: { inserts: number }) =>
        `chaintoolong: ${integer(inserts)} inserts refused because a hash chain grew too long.`,
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
    } satisfies Record<Exclude<FindingCode, CauseCode>, (values: never) => string>,
    fixesLabel: "What helps:",
    causes: {
      "cause-table-full": {
        summary: ({ share, earlyDrop, tableFullDrops, messages, suppressedCallbacks }) =>
          `A full table: ${[
            earlyDrop
              ? `${plural(earlyDrop, { one: "# early drop", other: "# early drops" })} (entries evicted to make room, which the kernel does only at the limit)`
              : null,
            tableFullDrops
              ? `${plural(tableFullDrops, { one: "# packet", other: "# packets" })} dropped beyond those of the insert race`
              : null,
            messages ? tableFullMessages({ messages }) : null,
            suppressedCallbacks
              ? plural(suppressedCallbacks, {
                  one: "# more rate-limited network message suppressed, possibly this one",
                  other: "# more rate-limited network messages suppressed, possibly these",
                })
              : null,
            share === null ? null : `${percent(share)} full now`,
          ]
            .filter((part) => part !== null)
            .join("; ")}. New connections were dropped because this namespace reached nf_conntrack_max.`,
        fixes: [
          "Raise nf_conntrack_max: the recommendation below sets it for this machine, with what it costs in memory; raise the buckets with it so chains stay short.",
          "Or let entries leave sooner: shorter timeouts for what fills the table (the timeouts below), NOTRACK for traffic that needs no state.",
        ],
      },
      "cause-other-namespace": {
        summary: ({ messages, netnsMessages, share, countersRead }) =>
          countersRead
            ? `Another network namespace was full, not this one: ${[
                messages
                  ? plural(messages, { one: "# table-full message", other: "# table-full messages" })
                  : null,
                netnsMessages
                  ? `${plural(netnsMessages, { one: "# message names", other: "# messages name" })} another namespace ("table full in netns", 6.17 and later)`
                  : null,
              ]
                .filter((part) => part !== null)
                .join(
                  "; ",
                )} in the kernel log, but this namespace counts no early drop and no drop beyond the insert race${share === null ? "" : `, and its table is ${percent(share)} full`}. Each namespace (a container, a pod) counts its own entries against the one nf_conntrack_max.`
            : `${plural((messages ?? 0) + (netnsMessages ?? 0), { one: "# table-full message", other: "# table-full messages" })} in the kernel log${share === null ? "" : ` while the table is ${percent(share)} full`}: a burst that has passed, or another network namespace (a container, a pod) that reached the limit, since each counts its own entries against the one nf_conntrack_max. This namespace's counters (conntrack -S or /proc/net/stat/nf_conntrack) would tell which.`,
        named: ({ inum, messages: count, others }: NamedNamespace) =>
          ` The log names netns ${inum} most (${plural(count, { one: "# message", other: "# messages" })})${others > 0 ? `, and ${plural(others, { one: "# other namespace", other: "# other namespaces" })}` : ""}.`,
        find: ({ inum }: { inum: number }) =>
          `Find it: \`lsns -t net | grep ${inum}\` gives a process in namespace ${inum} (its PID) and its command; \`ls -l /proc/<PID>/ns/net\` shows the same number.`,
        fixes: [
          'Find the namespace: `lsns -t net` lists them; the number after "in netns" is the inode that `ls -l /proc/<pid>/ns/net` shows.',
          "Look inside it: `nsenter -t <pid> -n conntrack -C` and `conntrack -S`. Fix what fills it (a flood, short-lived UDP, long timeouts: timeouts are per namespace and start from the kernel's defaults in each).",
          "nf_conntrack_max is one value for every namespace: raise it only if that namespace needs the room; this host's own numbers do not show a need.",
        ],
      },
      "cause-insert-race": {
        summary: ({ insertFailed, drop, clashResolve, share, earlyDrop, messages, tableFull }) =>
          `${tableFull ? "Also an insert race" : "Insert race, not a full table"}: ${[
            `insert_failed ${integer(insertFailed)}${drop === insertFailed ? " = drop" : `, drop ${integer(drop)}`}`,
            clashResolve === null ? null : `clash_resolve ${integer(clashResolve)}`,
            share === null ? null : `table ${percent(share)} full`,
            earlyDrop === 0
              ? "no early drops"
              : plural(earlyDrop, { one: "# early drop", other: "# early drops" }),
            messages === null
              ? null
              : messages === 0
                ? "no table-full lines"
                : plural(messages, { one: "# table-full line", other: "# table-full lines" }),
          ]
            .filter((part) => part !== null)
            .join(
              ", ",
            )}. Two packets of one new flow reached the table at the same moment and the second lost: typically parallel UDP, such as a resolver's A and AAAA queries from one socket, through NAT on a Kubernetes node. A bigger table does nothing for it.`,
        resolution: {
          resolves:
            "This kernel resolves most such clashes itself (clash_resolve counts them): UDP without NAT, and with NAT when only the original direction clashes (nf_ct_resolve_clash_harder()). The failures counted are those it could not resolve.",
          none: "This kernel (4.0 or older) resolves no clash: every lost race drops the packet. 5.10 and later resolve most UDP clashes, also through NAT: a newer kernel helps.",
          unknown:
            "5.10 and later resolve most UDP clashes themselves, also through NAT (nf_ct_resolve_clash_harder()); 4.0 resolves none. Which release between first did is not pinned here.",
        },
        fixes: [
          "DNS on glibc: `options single-request` in /etc/resolv.conf sends A and AAAA one after the other, so they never race; `single-request-reopen` retries on a new socket when a reply goes missing. On Kubernetes put them in the pod's dnsConfig.options. musl (Alpine) supports neither.",
          "DNS over TCP (`options use-vc` on glibc): a TCP flow is set up once, by its SYN, so it does not race.",
          "On Kubernetes: NodeLocal DNSCache. Pods ask a cache on their own node at a link-local address that is not tracked, and the cache asks the cluster DNS over TCP.",
          "Raising nf_conntrack_max changes nothing here.",
        ],
      },
      "cause-chain-too-long": {
        summary: ({ chainTooLong, average }) =>
          `Chains too long: ${plural(chainTooLong, { one: "# insert", other: "# inserts" })} refused because its hash chain already held 50 to 79 entries (a limit of 5.15 and later)${average === null ? "" : `; the average chain now is ${pluralDecimal(average, { one: "# entry", other: "# entries" })}`}. Too few buckets for the entries, or many entries in a few buckets.`,
        fixes: [
          "Raise nf_conntrack_buckets, up to one bucket per entry (the kernel's own factor since 5.15): the buckets, not nf_conntrack_max, set the chain length.",
          "If the average chain is short, the entries crowd into a few buckets: look in conntrack -L for one source opening very many flows.",
          "A bigger nf_conntrack_max makes it worse: more entries in the same buckets.",
        ],
      },
      "cause-invalid": {
        summary: ({ invalid }) =>
          `INVALID packets: ${integer(invalid)} since boot that conntrack could not track: no layer-4 header it could read, or its protocol tracker refused them; for TCP mostly segments outside the window it expects (asymmetric routing, lost or reordered packets). They get no entry: a "ct state invalid drop" rule drops them, and NAT does not translate them.`,
        fixes: [
          "`net.netfilter.nf_conntrack_log_invalid = 6` logs each invalid TCP packet with the reason (the value is the protocol number).",
          "`net.netfilter.nf_conntrack_tcp_be_liberal = 1` stops marking out-of-window TCP segments invalid. The trade-off: conntrack no longer checks TCP windows, so stale or forged segments pass too. Use it where routing is asymmetric or reordering is known.",
          "A bigger table does not help: these packets never get an entry.",
        ],
      },
    } satisfies CauseMessages,
    tableFullMessages,
    change: ({ max, buckets, memoryBytes }: { max: number; buckets: number; memoryBytes: number }) =>
      `The recommendation would set nf_conntrack_max ${integer(max)} and nf_conntrack_buckets ${integer(buckets)}; a full table would then cost ${bytes(memoryBytes)}.`,
  };
}

const en = english();

export type PasteMessages = typeof en;

function chinese(): PasteMessages {
  const { integer, decimal, percent, bytes } = formatsFor("zh-CN");
  const zhTableFullMessages = ({ messages }: { messages: number }) =>
    `内核日志中有 ${integer(messages)} 条表满消息`;
  return {
    heading: "从主机采集开始",
    intro:
      "在主机上运行下面的命令（普通用户即可；需要 root 的部分会注明），然后把输出粘贴到下面。也可以只贴其中一部分，或者把这些命令分开运行、按任意顺序粘贴。",
    commandLabel: "采集命令：请在主机上运行，不要在 Pod 或容器里运行（在那里只能读到该命名空间的数据）",
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
    entryCost: (e) =>
      `slabinfo：对象 ${integer(e.objectBytes)} 字节，每个 ${integer(e.slabKiB)} KiB 的 slab 放 ${integer(e.objectsPerSlab)} 个 = 每个条目 ${integer(e.slabBytes)} B${
        e.extensionBytes === 0
          ? ""
          : `；加上 ${integer(e.extensionBytes)} B 扩展区（${e.extensionReason === "kernel" ? `${e.kernelLabel} 内核默认分配` : "主机角色做 NAT"}）= 每个条目 ${integer(e.totalBytes)} B`
      }${e.matchesModel ? "，与该内核的实测值相同：每条目字节数保持为内核自己的值，并随主机角色变化。" : "。"}`,
    pageAssumed: ({ pageBytes }) =>
      `（按 ${integer(pageBytes / 1024)} KiB 页计算：粘贴内容里没有页大小，取 slab 行所允许的最小页大小）`,
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
      "counter-since-boot": ({ counter, value }) =>
        `${counter} 计数器为 ${integer(value)}：开机以来发生过，规则当时已经触发。`,
      "table-full-logged": ({ messages }) =>
        `内核记录了 ${integer(messages)} 次 "table full, dropping packet"。`,
    },
    currentCount: "当前条目数（nf_conntrack_count）",
    currentMax: "当前上限（nf_conntrack_max）",
    listSeparator: "、",
    clauseSeparator: "；",
    tableFullLogged: "表满消息",
    netnsShare: ({ netns }: { netns: number }) => `（其中 ${integer(netns)} 条指明另一个命名空间）`,
    findings: {
      fill: ({ share }) => `连接跟踪表已用 ${percent(share)}。`,
      "fill-high": ({ share }) =>
        `连接跟踪表已用 ${percent(share)}：超过 80%，新连接很快会被丢弃。请调大 nf_conntrack_max。`,
      "max-unlimited": ({ kernel }) =>
        kernel === "refuses"
          ? "nf_conntrack_max 读出为 0，而这个内核（6.19 及以后）拒绝这个值：粘贴的数据来自不同的主机或内核。"
          : kernel === "accepts"
            ? "nf_conntrack_max 为 0：这个内核上完全不限制，表会一直增长直到内存耗尽。6.19 起内核拒绝 0：升级后 sysctl.d 中设为 0 的那一行会失败，内核自己的默认值生效。"
            : "nf_conntrack_max 为 0：6.18 及以前完全不限制，表会一直增长直到内存耗尽；6.19 起内核拒绝 0。",
      "count-zero-namespace": () =>
        "设置了上限而条目数为 0：这份数据多半是在 Pod 或容器里采集的，其网络命名空间只计算自己的条目。请在主机上运行采集命令。",
      "no-table-full": () =>
        "没有表满、插入竞争或哈希链过长的迹象：没有这类丢包或插入失败的计数，也没有表满日志。",
      drops: ({ drops }) =>
        `drop：conntrack 丢弃了 ${integer(drops)} 个包（各 CPU 合计）：表满、插入竞争失败（5.x 起也计入这里）或被协议跟踪器拒绝的包。`,
      "insert-failed": ({ inserts, clashResolve }) =>
        `insert_failed：${integer(inserts)} 次插入失败（各 CPU 合计）${clashResolve === null ? "" : `；clash_resolve：内核无丢包地化解了 ${integer(clashResolve)} 次冲突`}。`,
      "early-drops": ({ drops }) =>
        `early_drop：到达上限时为腾出空间淘汰了 ${integer(drops)} 个条目（各 CPU 合计）。`,
      "chain-too-long": ({ inserts }) => `chaintoolong：因哈希链过长而拒绝了 ${integer(inserts)} 次插入。`,
      "chain-length": ({ average }) => `当前平均哈希链长：${decimal(average)}（2 × 条目数 ÷ 桶数）。`,
      "default-max": ({ max }) => `nf_conntrack_max ${integer(max)} 是该内核在这台机器上的默认值。`,
      "tuned-max": ({ max, kernelDefault }) =>
        `nf_conntrack_max ${integer(max)} 经过调整（该内核在此的默认值：${integer(kernelDefault)}）。`,
      "default-buckets": ({ buckets }) => `nf_conntrack_buckets ${integer(buckets)} 是该内核的默认值。`,
      "tuned-buckets": ({ buckets, kernelDefault }) =>
        `nf_conntrack_buckets ${integer(buckets)} 经过调整（该内核在此的默认值：${integer(kernelDefault)}）。`,
    },
    fixesLabel: "有效的做法：",
    causes: {
      "cause-table-full": {
        summary: ({ share, earlyDrop, tableFullDrops, messages, suppressedCallbacks }) =>
          `连接跟踪表满了：${[
            earlyDrop ? `提前丢弃 ${integer(earlyDrop)} 次（只有到达上限时内核才会淘汰条目腾出空间）` : null,
            tableFullDrops ? `除插入竞争外还丢弃了 ${integer(tableFullDrops)} 个包` : null,
            messages ? zhTableFullMessages({ messages }) : null,
            suppressedCallbacks
              ? `另有 ${integer(suppressedCallbacks)} 条被限速抑制的网络日志，可能也是这类消息`
              : null,
            share === null ? null : `当前已用 ${percent(share)}`,
          ]
            .filter((part) => part !== null)
            .join("；")}。这个网络命名空间到达了 nf_conntrack_max，新连接被丢弃。`,
        fixes: [
          "调大 nf_conntrack_max：下面的建议值按这台机器给出，并注明内存开销；同时调大桶数，让哈希链保持短。",
          "或者让条目更早离开：缩短占满表的那类连接的超时（见下面的超时），对不需要状态的流量使用 NOTRACK。",
        ],
      },
      "cause-other-namespace": {
        summary: ({ messages, netnsMessages, share, countersRead }) =>
          countersRead
            ? `满的是另一个网络命名空间，不是这个：内核日志中有${[
                messages ? ` ${integer(messages)} 条表满消息` : null,
                netnsMessages
                  ? ` ${integer(netnsMessages)} 条消息指明了另一个命名空间（“table full in netns”，6.17 起）`
                  : null,
              ]
                .filter((part) => part !== null)
                .join(
                  "；",
                )}，但这个命名空间没有提前丢弃，也没有插入竞争之外的丢包${share === null ? "" : `，表只用了 ${percent(share)}`}。每个命名空间（容器、Pod）各自计数，都以同一个 nf_conntrack_max 为上限。`
            : `内核日志中有 ${integer((messages ?? 0) + (netnsMessages ?? 0))} 条表满消息${share === null ? "" : `，而表现在只用了 ${percent(share)}`}：可能是已经过去的突发，也可能是另一个网络命名空间（容器、Pod）到达了上限——每个命名空间各自计数，都以同一个 nf_conntrack_max 为上限。这个命名空间的计数器（conntrack -S 或 /proc/net/stat/nf_conntrack）可以分辨是哪一种。`,
        named: ({ inum, messages: count, others }: NamedNamespace) =>
          `日志中最多的是 netns ${inum}（${integer(count)} 条消息）${others > 0 ? `，另有 ${integer(others)} 个命名空间` : ""}。`,
        find: ({ inum }: { inum: number }) =>
          `找到它：\`lsns -t net | grep ${inum}\` 给出命名空间 ${inum} 中的一个进程（PID）和它的命令；\`ls -l /proc/<PID>/ns/net\` 显示同一个数字。`,
        fixes: [
          "找到那个命名空间：`lsns -t net` 列出所有命名空间；“in netns” 后面的数字就是 `ls -l /proc/<pid>/ns/net` 显示的 inode。",
          "进去看：`nsenter -t <pid> -n conntrack -C` 和 `conntrack -S`。解决占满它的原因（洪泛、短命的 UDP、过长的超时：超时按命名空间设置，每个命名空间都从内核默认值开始）。",
          "nf_conntrack_max 对所有命名空间是同一个值：只有那个命名空间确实需要时才调大；这台主机自己的数字并不需要。",
        ],
      },
      "cause-insert-race": {
        summary: ({ insertFailed, drop, clashResolve, share, earlyDrop, messages, tableFull }) =>
          `${tableFull ? "同时存在插入竞争" : "是插入竞争，不是表满"}：${[
            `insert_failed ${integer(insertFailed)}${drop === insertFailed ? " = drop" : `，drop ${integer(drop)}`}`,
            clashResolve === null ? null : `clash_resolve ${integer(clashResolve)}`,
            share === null ? null : `表已用 ${percent(share)}`,
            earlyDrop === 0 ? "没有提前丢弃" : `提前丢弃 ${integer(earlyDrop)} 次`,
            messages === null ? null : messages === 0 ? "没有表满日志" : `${integer(messages)} 条表满日志`,
          ]
            .filter((part) => part !== null)
            .join(
              "，",
            )}。同一个新流的两个包同时到达连接跟踪表，后到的那个失败了：典型情况是并行的 UDP，例如解析器从同一个套接字同时发出的 A 和 AAAA 查询，在 Kubernetes 节点上还经过 NAT。调大表对此毫无作用。`,
        resolution: {
          resolves:
            "这个内核自己会化解大多数这类冲突（clash_resolve 计数）：没有 NAT 的 UDP，以及有 NAT 但只在原方向冲突的情况（nf_ct_resolve_clash_harder()）。计入的失败是它无法化解的那些。",
          none: "这个内核（4.0 或更早）不化解任何冲突：每次竞争失败都会丢包。5.10 及以后的内核能化解大多数 UDP 冲突，包括经过 NAT 的：升级内核有帮助。",
          unknown:
            "5.10 及以后的内核能自己化解大多数 UDP 冲突，包括经过 NAT 的（nf_ct_resolve_clash_harder()）；4.0 一个也不化解。两者之间从哪个版本开始，这里没有确认。",
        },
        fixes: [
          "glibc 的 DNS：在 /etc/resolv.conf 中设置 `options single-request`，A 和 AAAA 依次发送，不再竞争；`single-request-reopen` 在收不到回复时换一个新套接字重试。在 Kubernetes 上写进 Pod 的 dnsConfig.options。musl（Alpine）两者都不支持。",
          "DNS 走 TCP（glibc 的 `options use-vc`）：TCP 流只由 SYN 建立一次，不会竞争。",
          "在 Kubernetes 上：NodeLocal DNSCache。Pod 向本节点上的缓存查询（一个不被跟踪的链路本地地址），缓存再通过 TCP 查询集群 DNS。",
          "调大 nf_conntrack_max 在这里没有任何作用。",
        ],
      },
      "cause-chain-too-long": {
        summary: ({ chainTooLong, average }) =>
          `哈希链过长：${integer(chainTooLong)} 次插入被拒绝，因为所在的哈希链已有 50 到 79 个条目（5.15 及以后的限制）${average === null ? "" : `；当前平均链长 ${decimal(average)}`}。桶数相对条目太少，或者条目挤在少数几个桶里。`,
        fixes: [
          "调大 nf_conntrack_buckets，最多到每个条目一个桶（5.15 起内核自己的比例）：决定链长的是桶数，而不是 nf_conntrack_max。",
          "如果平均链长很短，说明条目挤在少数几个桶里：在 conntrack -L 中查找打开了大量流的单个来源。",
          "调大 nf_conntrack_max 只会更糟：更多条目挤进同样的桶。",
        ],
      },
      "cause-invalid": {
        summary: ({ invalid }) =>
          `INVALID 包：开机以来 ${integer(invalid)} 个 conntrack 无法跟踪的包：读不到四层头，或者被协议跟踪器拒绝；TCP 大多是不在预期窗口内的报文段（非对称路由、丢包或乱序）。它们不会得到条目：“ct state invalid drop” 规则会丢弃它们，NAT 也不会转换它们。`,
        fixes: [
          "`net.netfilter.nf_conntrack_log_invalid = 6` 会记录每个无效 TCP 包及其原因（取值是协议号）。",
          "`net.netfilter.nf_conntrack_tcp_be_liberal = 1` 不再把窗口外的 TCP 报文段标为无效。代价是：conntrack 不再检查 TCP 窗口，过期或伪造的报文段也会通过。适用于路由非对称或已知存在乱序的场合。",
          "调大表没有帮助：这些包根本不会得到条目。",
        ],
      },
    },
    tableFullMessages: zhTableFullMessages,
    change: ({ max, buckets, memoryBytes }) =>
      `按建议值将设置 nf_conntrack_max ${integer(max)}、nf_conntrack_buckets ${integer(buckets)}；表满时将占用 ${bytes(memoryBytes)}。`,
  };
}

/** The words of this part of the page, in every language; loaded with the part. */
export const PASTE: Readonly<Record<Locale, PasteMessages>> = { en, "zh-CN": chinese() };
