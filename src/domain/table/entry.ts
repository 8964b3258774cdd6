import { ADDRESS_WORDS, readAddressText } from "./ipv6";

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
 * Names seen in a table (protocols, state words), each kept once and known by its index, so that
 * reading a line allocates no string for them: a line's word is compared in place with those held.
 * At most `limit` names: a table has a handful; past the limit a line with a new one is not read.
 */
export interface Names {
  readonly list: readonly string[];
  /** The index of the ASCII name in `bytes[from, to)`, added if new; -1 past the limit. */
  id(bytes: Uint8Array, from: number, to: number): number;
  /** The same for a name already a string (the -o xml and -o save readers'). */
  idOf(name: string): number;
}

/** Whether `bytes[from, to)` spell `name` (ASCII). */
function spells(bytes: Uint8Array, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i += 1) if (bytes[from + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** @example createNames(["tcp"], 64).idOf("udp") === 1 */
function createNames(known: readonly string[], limit: number): Names {
  const list = [...known];
  return {
    list,
    id(bytes, from, to) {
      for (let i = 0; i < list.length; i += 1) if (spells(bytes, from, to, list[i] ?? "")) return i;
      if (list.length >= limit) return -1;
      list.push(String.fromCharCode(...bytes.subarray(from, to)));
      return list.length - 1;
    },
    idOf(name) {
      const known = list.indexOf(name);
      if (known >= 0 || list.length >= limit) return known;
      list.push(name);
      return list.length - 1;
    },
  };
}

/**
 * The protocols conntrack names, first (their indices are fixed): the names of PROTOCOL_NUMBERS
 * and `unknown`.
 */
export const KNOWN_PROTOCOLS = [
  "tcp",
  "udp",
  "icmp",
  "icmpv6",
  "udplite",
  "sctp",
  "dccp",
  "gre",
  "unknown",
  "igmp",
];
export const TCP = 0;

/** How many protocol and state names one table may have (createNames). */
const NAMES_LIMIT = 64;

/** The names of one table: protocols (KNOWN_PROTOCOLS first) and state words. */
export interface TableNames {
  readonly protocols: Names;
  readonly states: Names;
}

export const createTableNames = (): TableNames => ({
  protocols: createNames(KNOWN_PROTOCOLS, NAMES_LIMIT),
  states: createNames([], NAMES_LIMIT),
});

/** Offsets of the four addresses in PackedEntry.addresses. */
export const ORIGINAL_SRC = 0;
export const ORIGINAL_DST = ADDRESS_WORDS;
export const REPLY_SRC = 2 * ADDRESS_WORDS;
export const REPLY_DST = 3 * ADDRESS_WORDS;

/** A port, ICMP type or state that is not there. */
export const ABSENT = -1;

/**
 * A TableEntry as numbers, written in place by the line reader and counted by the aggregator: one
 * object reused for every line, so reading a table allocates nothing per entry. Addresses as
 * readAddress() words, names as indices into the table's TableNames, ABSENT for what a TableEntry
 * has as null.
 */
export interface PackedEntry {
  ipv6: boolean;
  protocolId: number;
  protocolNumber: number;
  timeoutSeconds: number;
  stateId: number;
  /** Original source and destination, reply source and destination (ORIGINAL_SRC, ...). */
  readonly addresses: Uint32Array;
  hasReply: boolean;
  originalSport: number;
  originalDport: number;
  originalType: number;
  replySport: number;
  replyDport: number;
  replyType: number;
  assured: boolean;
  unreplied: boolean;
  offload: Offload;
  mark: number;
  zone: number;
}

export const createPackedEntry = (): PackedEntry => ({
  ipv6: false,
  protocolId: 0,
  protocolNumber: 0,
  timeoutSeconds: ABSENT,
  stateId: ABSENT,
  addresses: new Uint32Array(4 * ADDRESS_WORDS),
  hasReply: false,
  originalSport: ABSENT,
  originalDport: ABSENT,
  originalType: ABSENT,
  replySport: ABSENT,
  replyDport: ABSENT,
  replyType: ABSENT,
  assured: false,
  unreplied: false,
  offload: "none",
  mark: 0,
  zone: 0,
});

/**
 * Writes an entry read as a TableEntry (-o xml, -o save) into `out`; false when its protocol or
 * state is one name too many (createNames) or an address does not read back.
 */
export function packEntry(entry: TableEntry, names: TableNames, out: PackedEntry): boolean {
  const protocolId = names.protocols.idOf(entry.protocol);
  const stateId = entry.state === null ? ABSENT : names.states.idOf(entry.state);
  if (protocolId < 0 || (entry.state !== null && stateId < 0)) return false;
  const { original, reply } = entry;
  const { addresses } = out;
  if (
    !readAddressText(original.src, addresses, ORIGINAL_SRC) ||
    !readAddressText(original.dst, addresses, ORIGINAL_DST) ||
    (reply &&
      (!readAddressText(reply.src, addresses, REPLY_SRC) ||
        !readAddressText(reply.dst, addresses, REPLY_DST)))
  ) {
    return false;
  }
  out.ipv6 = entry.family === "ipv6";
  out.protocolId = protocolId;
  out.protocolNumber = entry.protocolNumber;
  out.timeoutSeconds = entry.timeoutSeconds ?? ABSENT;
  out.stateId = stateId;
  out.hasReply = reply !== null;
  out.originalSport = original.sport ?? ABSENT;
  out.originalDport = original.dport ?? ABSENT;
  out.originalType = original.icmpType ?? ABSENT;
  out.replySport = reply?.sport ?? ABSENT;
  out.replyDport = reply?.dport ?? ABSENT;
  out.replyType = reply?.icmpType ?? ABSENT;
  out.assured = entry.assured;
  out.unreplied = entry.unreplied;
  out.offload = entry.offload;
  out.mark = entry.mark;
  out.zone = entry.zone;
  return true;
}

/** Whether the addresses at `a` and `b` of `words` are the same. */
function sameAddress(words: Uint32Array, a: number, b: number): boolean {
  for (let i = 0; i < ADDRESS_WORDS; i += 1) if (words[a + i] !== words[b + i]) return false;
  return true;
}

/**
 * Whether the reply tuple is something other than the original one reversed: the kernel rewrote
 * an address or port (DNAT or SNAT; nf_nat_setup_info() changes the reply tuple).
 */
export function isNatted(entry: PackedEntry): boolean {
  return (
    entry.hasReply &&
    (!sameAddress(entry.addresses, REPLY_SRC, ORIGINAL_DST) ||
      !sameAddress(entry.addresses, REPLY_DST, ORIGINAL_SRC) ||
      entry.replySport !== entry.originalDport ||
      entry.replyDport !== entry.originalSport)
  );
}
