import type { TimeoutKey, Timeouts } from "../kernel/timeouts";
import type { TableEntry } from "./entry";

/**
 * The timeouts an entry can be on that the calculator has no field for: the kernel's defaults,
 * in seconds. Each name is the sysctl's after `net.netfilter.nf_conntrack_`.
 */
const FIXED_TIMEOUTS = {
  /** tcp_timeouts[TCP_CONNTRACK_LAST_ACK] = 30 SECS (net/netfilter/nf_conntrack_proto_tcp.c, 6.12). */
  tcp_timeout_last_ack: 30,
  /** tcp_timeouts[TCP_CONNTRACK_CLOSE] = 10 SECS (same file). */
  tcp_timeout_close: 10,
  /** nf_ct_icmpv6_timeout = 30*HZ (net/netfilter/nf_conntrack_proto_icmpv6.c, 6.12). */
  icmpv6_timeout: 30,
  /** gre_timeouts[GRE_CT_UNREPLIED] = 30*HZ (net/netfilter/nf_conntrack_proto_gre.c, 6.12). */
  gre_timeout: 30,
  /** gre_timeouts[GRE_CT_REPLIED] = 180*HZ (same file). */
  gre_timeout_stream: 180,
} as const;

type FixedTimeoutKey = keyof typeof FIXED_TIMEOUTS;

/** The timeout that set an entry's remaining seconds: a calculator field, or a fixed default. */
export type EntryTimeoutKey = TimeoutKey | FixedTimeoutKey;

/** TCP state words (tcp_conntrack_names[] in nf_conntrack_proto_tcp.c) → their timeout. */
const TCP_STATE_TIMEOUTS: Readonly<Record<string, EntryTimeoutKey>> = {
  SYN_SENT: "tcp_timeout_syn_sent",
  SYN_RECV: "tcp_timeout_syn_recv",
  ESTABLISHED: "tcp_timeout_established",
  FIN_WAIT: "tcp_timeout_fin_wait",
  CLOSE_WAIT: "tcp_timeout_close_wait",
  LAST_ACK: "tcp_timeout_last_ack",
  TIME_WAIT: "tcp_timeout_time_wait",
  CLOSE: "tcp_timeout_close",
};

/**
 * Which timeout an entry is on. UDP (and UDP-Lite, which nf_conntrack_proto_udp.c tracks the same
 * way): an assured entry got the stream timeout (nf_conntrack_udp_packet() sets IPS_ASSURED when it
 * extends to timeouts[UDP_CT_REPLIED]), any other the short one. Null where the table cannot say
 * (SCTP and DCCP states, TCP's SYN_SENT2, or an offloaded entry, which has no timeout).
 *
 * @example entryTimeoutKey({ protocol: "udp", assured: true, ... }) === "udp_timeout_stream"
 */
export function entryTimeoutKey(
  entry: Pick<TableEntry, "protocol" | "state" | "assured">,
): EntryTimeoutKey | null {
  switch (entry.protocol) {
    case "tcp":
      return TCP_STATE_TIMEOUTS[entry.state ?? ""] ?? null;
    case "udp":
    case "udplite":
      return entry.assured ? "udp_timeout_stream" : "udp_timeout";
    case "icmp":
      return "icmp_timeout";
    case "icmpv6":
      return "icmpv6_timeout";
    case "gre":
      return entry.assured ? "gre_timeout_stream" : "gre_timeout";
    case "unknown":
      return "generic_timeout";
    default:
      return null;
  }
}

/** The seconds of an entry's timeout: the field's value (the host's or the default), or the fixed default. */
export function timeoutSeconds(key: EntryTimeoutKey, timeouts: Timeouts): number {
  return key in FIXED_TIMEOUTS ? FIXED_TIMEOUTS[key as FixedTimeoutKey] : timeouts[key as TimeoutKey];
}
