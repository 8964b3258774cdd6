import {
  ABSENT,
  createPackedEntry,
  createTableNames,
  ORIGINAL_DST,
  ORIGINAL_SRC,
  REPLY_DST,
  REPLY_SRC,
  type PackedEntry,
  type TableEntry,
  type Tuple,
} from "./entry";
import { formatAddress } from "./ipv6";
import { readEntryText } from "./read-entry-line";

/** One line read as the reader reads it (readEntryText), its entry written out as a TableEntry for tests to compare. */
export type LineReading =
  | { readonly kind: "entry"; readonly entry: TableEntry }
  | { readonly kind: "summary"; readonly version: string; readonly count: number }
  | { readonly kind: "blank" }
  | { readonly kind: "unknown" };

const orNull = (n: number) => (n === ABSENT ? null : n);

function tuple(packed: PackedEntry, src: number, dst: number, ports: [number, number, number]): Tuple {
  return {
    src: formatAddress(packed.addresses, src),
    dst: formatAddress(packed.addresses, dst),
    sport: orNull(ports[0]),
    dport: orNull(ports[1]),
    icmpType: orNull(ports[2]),
  };
}

export function readEntryLine(line: string): LineReading {
  const names = createTableNames();
  const packed = createPackedEntry();
  const reading = readEntryText(line, names, packed);
  if (reading.kind !== "entry") return reading;
  return {
    kind: "entry",
    entry: {
      family: packed.ipv6 ? "ipv6" : "ipv4",
      protocol: names.protocols.list[packed.protocolId] ?? "",
      protocolNumber: packed.protocolNumber,
      timeoutSeconds: orNull(packed.timeoutSeconds),
      state: packed.stateId === ABSENT ? null : (names.states.list[packed.stateId] ?? null),
      original: tuple(packed, ORIGINAL_SRC, ORIGINAL_DST, [
        packed.originalSport,
        packed.originalDport,
        packed.originalType,
      ]),
      reply: packed.hasReply
        ? tuple(packed, REPLY_SRC, REPLY_DST, [packed.replySport, packed.replyDport, packed.replyType])
        : null,
      assured: packed.assured,
      unreplied: packed.unreplied,
      offload: packed.offload,
      mark: packed.mark,
      zone: packed.zone,
    },
  };
}

/** Whether an entry's reply tuple is other than its original one reversed (NAT), on TableEntry. */
export function isNattedEntry(entry: TableEntry): boolean {
  const { original, reply } = entry;
  if (!reply) return false;
  return (
    reply.src !== original.dst ||
    reply.dst !== original.src ||
    reply.sport !== original.dport ||
    reply.dport !== original.sport
  );
}
