/** One connection-tracking entry, as read from any of the listing formats (read-entry-line.ts). */

/** One direction's tuple. Ports are null for protocols without them (icmp, gre, unknown). */
export interface Tuple {
  /** Canonical text (ipv6.ts), so that /proc's and conntrack's spellings compare equal. */
  readonly src: string;
  readonly dst: string;
  readonly sport: number | null;
  readonly dport: number | null;
  /** ICMP/ICMPv6 type (`type=`), else null. */
  readonly icmpType: number | null;
}

export type Family = "ipv4" | "ipv6";

/** `[OFFLOAD]` (software flowtable) or `[HW_OFFLOAD]`; such entries carry no timeout. */
export type Offload = "none" | "offload" | "hw-offload";

export interface TableEntry {
  readonly family: Family;
  /** The protocol's name as the kernel spells it (`tcp`, `udp`, `icmpv6`, `unknown`). */
  readonly protocol: string;
  readonly protocolNumber: number;
  /** Seconds left before the entry expires; null when not printed (offloaded entries). */
  readonly timeoutSeconds: number | null;
  /** The protocol's state word (TCP, SCTP, DCCP), else null. */
  readonly state: string | null;
  readonly original: Tuple;
  /** Null when the line has no reply tuple (a truncated event line). */
  readonly reply: Tuple | null;
  readonly assured: boolean;
  readonly unreplied: boolean;
  readonly offload: Offload;
  readonly mark: number;
  /** `zone=`, else `zone-orig=`, else 0. */
  readonly zone: number;
}

/** The protocol numbers the kernel and conntrack-tools name (include/uapi/linux/in.h, in6.h). */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  dccp: 33,
  gre: 47,
  icmpv6: 58,
  sctp: 132,
  udplite: 136,
};

/** Protocols whose tuples carry ports (`sport=`/`dport=`). */
export const PORT_PROTOCOLS: ReadonlySet<string> = new Set(["tcp", "udp", "udplite", "sctp", "dccp"]);

/**
 * Whether the reply tuple is something other than the original one reversed: the kernel rewrote
 * an address or port (DNAT or SNAT; nf_nat_setup_info() changes the reply tuple).
 */
export function isNatted(entry: TableEntry): boolean {
  const { original, reply } = entry;
  if (!reply) return false;
  return (
    reply.src !== original.dst ||
    reply.dst !== original.src ||
    reply.sport !== original.dport ||
    reply.dport !== original.sport
  );
}
