import type { PresetAssumption, TrafficPresetId } from "../../domain/traffic/traffic-presets";
import type { Locale } from "../../domain/core/locale";
import type { TrafficFieldKey } from "../../domain/traffic/traffic-fields";
import { formatsFor } from "../format";

/** One protocol's term of the traffic sum. */
interface TrafficTerm {
  cpsMilli: number;
  openSeconds: number;
  keptSeconds: number;
  keptBy: string;
  entries: number;
}

function english() {
  const { integer, milli, bytes, plural } = formatsFor("en");
  return {
    heading: "Size from traffic",
    intro:
      "What your traffic needs: entries at steady state = new connections per second × (seconds open + seconds the kernel keeps the entry afterwards).",
    hints: {
      tcp_cps: "New TCP connections that close normally, per second (both sides of a proxy count).",
      tcp_life: "Seconds from SYN to close. Units: ms, s, min, h, d; a bare number is seconds.",
      udp_cps: "New UDP flows per second (a DNS lookup is one).",
      udp_life: "Seconds of traffic per flow: 0 for request/response such as DNS.",
      headroom: "Percent on top of the steady state, for bursts.",
    } satisfies Record<TrafficFieldKey, string>,
    presetsLabel: "Traffic presets",
    presets: {
      "nat-gateway": "NAT gateway",
      "reverse-proxy": "Reverse proxy / load balancer",
      "docker-host": "Docker host",
      "small-router": "Small router",
      "kubernetes-node": "Kubernetes node",
    } satisfies Record<TrafficPresetId, string>,
    assumptionsHeading: ({ preset }: { preset: string }) =>
      `Assumptions of the ${preset} preset (edit any field):`,
    assumptions: {
      "clients-browsing":
        "About a thousand clients browsing; each opens about 2 TCP connections a second that last about 30 s.",
      "udp-mostly-dns": "UDP is mostly DNS lookups: one request, one reply.",
      "quic-raises-udp-life":
        "QUIC, video calls and VPNs are UDP streams: raise the UDP lifetime to their length.",
      "proxy-two-connections":
        "Each proxied request tracks two connections, client side and backend side; upstream keep-alive halves that.",
      "short-http": "Connections carry one short request each (about 1 s).",
      "published-ports": "Containers reached through published ports (DNAT) and talking out through NAT.",
      "container-dns": "Containers resolve names often.",
      "home-router": "A household: a few dozen devices, some streaming and gaming over UDP.",
      "little-ram": "Little RAM: a large headroom still costs little in absolute terms.",
      "service-traffic": "Pods reach Services through kube-proxy's DNAT: one entry per connection.",
      "ndots-dns": "Pod DNS with ndots:5 sends several queries per lookup.",
      "kube-proxy-timeouts":
        "kube-proxy sets established 86400 s and close_wait 3600 s when it starts (1.23 to 1.28 only raise them, so established stays at 432000 s).",
    } satisfies Record<PresetAssumption, string>,
    none: "Enter a rate above to see what your traffic needs.",
    requiredTitle: "nf_conntrack_max this traffic needs",
    tcpTerm: ({ cpsMilli, openSeconds, keptSeconds, keptBy, entries }: TrafficTerm) =>
      `TCP: ${milli(cpsMilli)}/s × (${openSeconds} s open + ${integer(keptSeconds)} s ${keptBy}) = ${plural(entries, { one: "# entry", other: "# entries" })}`,
    udpTerm: ({ cpsMilli, openSeconds, keptSeconds, keptBy, entries }: TrafficTerm) =>
      `UDP: ${milli(cpsMilli)}/s × (${openSeconds} s of traffic + ${integer(keptSeconds)} s ${keptBy}) = ${plural(entries, { one: "# entry", other: "# entries" })}`,
    udpMode: {
      "request-response":
        "request/response: the kernel keeps it nf_conntrack_udp_timeout after the last packet",
      stream: ({ afterSeconds }: { afterSeconds: number }) =>
        `stream: traffic past ${afterSeconds} s after the first packet earns nf_conntrack_udp_timeout_stream`,
    },
    withHeadroom: ({ total, headroom, required }: { total: number; headroom: number; required: number }) =>
      `${plural(total, { one: "# entry", other: "# entries" })} + ${integer(headroom)} % headroom = ${integer(required)}, rounded up.`,
    dominant: { tcp: "TCP dominates.", udp: "UDP dominates.", tie: "TCP and UDP need the same." },
    memory: ({ memoryBytes, buckets }: { memoryBytes: number; buckets: number }) =>
      `As nf_conntrack_max it would take ${bytes(memoryBytes)} at a full table, with ${plural(buckets, { one: "# bucket", other: "# buckets" })}.`,
    clamped: ({ unclamped }: { unclamped: number }) =>
      `This traffic needs ${plural(unclamped, { one: "# entry", other: "# entries" })}, above the largest nf_conntrack_max (2,147,483,647).`,
  };
}

const en = english();

export type TrafficMessages = typeof en;

function chinese(): TrafficMessages {
  const { integer, milli, bytes } = formatsFor("zh-CN");
  return {
    heading: "按流量估算",
    intro:
      "按你的流量需要多少：稳态条目数 = 每秒新建连接数 ×（连接存续秒数 + 连接结束后内核保留条目的秒数）。",
    hints: {
      tcp_cps: "每秒正常关闭的 TCP 新建连接数（代理的两侧都要算）。",
      tcp_life: "从 SYN 到关闭的秒数。单位：ms、s、min、h、d；只写数字表示秒。",
      udp_cps: "每秒新的 UDP 流（一次 DNS 查询算一个）。",
      udp_life: "每个流持续有流量的秒数：DNS 这类一问一答填 0。",
      headroom: "在稳态之上预留的百分比，用于应对突发。",
    },
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
    memory: ({ memoryBytes, buckets }) =>
      `若设为 nf_conntrack_max，表满时占用 ${bytes(memoryBytes)}，哈希桶 ${integer(buckets)} 个。`,
    clamped: ({ unclamped }) =>
      `这些流量需要 ${integer(unclamped)} 个条目，超过 nf_conntrack_max 的上限（2,147,483,647）。`,
  };
}

/** The words of this part of the page, in every language; loaded with the part. */
export const TRAFFIC: Readonly<Record<Locale, TrafficMessages>> = { en, "zh-CN": chinese() };
