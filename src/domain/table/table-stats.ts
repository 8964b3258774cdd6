import type { Timeouts } from "../kernel/timeouts";
import { isNatted, PORT_PROTOCOLS, type TableEntry } from "./entry";
import { entryTimeoutKey, timeoutSeconds, type EntryTimeoutKey } from "./entry-timeout";
import { createSpaceSaving, type TopList } from "./space-saving";

/**
 * Counters per top list. Space-Saving's overcount is at most entries / capacity (space-saving.ts):
 * with 4096 counters, at most 244 on a 1,000,000-entry table (0.025 %), for about 0.5 MB per
 * list; every count is exact while a list has seen fewer distinct keys than this.
 */
const TOP_CAPACITY = 4096;

/** How many items of each top list the result keeps. */
const TOP_SHOWN = 20;

/**
 * Keys of the small exact maps (protocols, TCP states, zones, marks) before the rest are counted
 * under OTHER_KEY: the kernel has 12 TCP states and a handful of protocols, so only a hostile
 * input reaches it.
 */
const MAX_EXACT_KEYS = 64;
const OTHER_KEY = "other";

/**
 * Lower edges (seconds) of the idle-time bins. They are also the timeouts the what-if offers, so
 * "entries idle at least this long" is an exact count: 10 s to 4 days, the range between the
 * shortest default (tcp_timeout_close, 10 s) and the longest (tcp_timeout_established, 5 days).
 */
export const IDLE_EDGES_SECONDS = [
  0, 10, 30, 60, 120, 300, 600, 1800, 3600, 10800, 21600, 43200, 86400, 172800, 345600,
] as const;

export interface IdleClass {
  readonly timeoutKey: EntryTimeoutKey;
  /** The timeout assumed for these entries (the host's value from the paste, or the default). */
  readonly timeoutSeconds: number;
  /** Entries per bin of IDLE_EDGES_SECONDS. */
  readonly bins: readonly number[];
  /** Entries with more seconds left than the assumed timeout: the host's timeout is longer. */
  readonly longerThanAssumed: number;
}

export interface TableStats {
  readonly entries: number;
  readonly ipv4: number;
  readonly ipv6: number;
  readonly protocols: Readonly<Record<string, number>>;
  readonly tcpStates: Readonly<Record<string, number>>;
  readonly assured: number;
  readonly unreplied: number;
  readonly nat: number;
  readonly offloaded: number;
  /** Entries per zone and per mark, for the values other than 0 (exact up to MAX_EXACT_KEYS keys). */
  readonly zones: Readonly<Record<string, number>>;
  readonly marks: Readonly<Record<string, number>>;
  /** `protocol|port` of the original direction (ICMP: `icmp|type`; no port: `unknown|number`). */
  readonly services: TopList;
  /** `protocol|port|address`: a service's own destination addresses, to scope rules to them. */
  readonly serviceAddresses: TopList;
  readonly sources: TopList;
  readonly destinations: TopList;
  /** NAT'd entries: `protocol|original dst|port|reply src|port`, frontend to backend. */
  readonly natPairs: TopList;
  /**
   * `protocol|original dst|port|zone|protocol number`, with `flagged` = the unreplied ones (for
   * stale destinations and the `conntrack -D` that removes them: the zone, because conntrack -D
   * deletes in every zone unless told `-w`; the number, for protocols conntrack has no name for).
   */
  readonly unrepliedByDestination: TopList;
  readonly idle: readonly IdleClass[];
}

export interface TableAggregator {
  add(entry: TableEntry): void;
  result(): TableStats;
}

function bump(map: Map<string, number>, key: string): void {
  const current = map.get(key);
  if (current !== undefined) map.set(key, current + 1);
  else if (map.size < MAX_EXACT_KEYS) map.set(key, 1);
  else map.set(OTHER_KEY, (map.get(OTHER_KEY) ?? 0) + 1);
}

/** The bin of an idle time: the last edge at or below it. */
function idleBin(idleSeconds: number): number {
  let bin = 0;
  while (bin + 1 < IDLE_EDGES_SECONDS.length && (IDLE_EDGES_SECONDS[bin + 1] ?? Infinity) <= idleSeconds)
    bin += 1;
  return bin;
}

/** The service key of an entry's original direction. */
function serviceKey(entry: TableEntry): string {
  const { original } = entry;
  if (PORT_PROTOCOLS.has(entry.protocol)) return `${entry.protocol}|${original.dport ?? ""}`;
  if (original.icmpType !== null) return `${entry.protocol}|${original.icmpType}`;
  return `${entry.protocol}|${entry.protocolNumber}`;
}

/**
 * Counts a table in bounded memory: exact totals, Space-Saving top lists (TOP_CAPACITY counters
 * each), idle-time bins per timeout. `timeouts` are the host's (the paste's or the kernel's
 * defaults) at the time the table was listed: idle = timeout − seconds left.
 *
 * @example const a = createTableAggregator(defaultTimeouts(v(6, 12))); a.add(entry); a.result().entries === 1
 */
export function createTableAggregator(timeouts: Timeouts): TableAggregator {
  let entries = 0;
  let ipv6 = 0;
  let assured = 0;
  let unreplied = 0;
  let nat = 0;
  let offloaded = 0;
  const protocols = new Map<string, number>();
  const tcpStates = new Map<string, number>();
  const zones = new Map<string, number>();
  const marks = new Map<string, number>();
  const services = createSpaceSaving(TOP_CAPACITY);
  const serviceAddresses = createSpaceSaving(TOP_CAPACITY);
  const sources = createSpaceSaving(TOP_CAPACITY);
  const destinations = createSpaceSaving(TOP_CAPACITY);
  const natPairs = createSpaceSaving(TOP_CAPACITY);
  const unrepliedByDestination = createSpaceSaving(TOP_CAPACITY);
  const idle = new Map<
    EntryTimeoutKey,
    { timeoutSeconds: number; bins: number[]; longerThanAssumed: number }
  >();

  return {
    add(entry) {
      entries += 1;
      if (entry.family === "ipv6") ipv6 += 1;
      if (entry.assured) assured += 1;
      if (entry.unreplied) unreplied += 1;
      if (entry.offload !== "none") offloaded += 1;
      bump(protocols, entry.protocol);
      if (entry.protocol === "tcp" && entry.state !== null) bump(tcpStates, entry.state);
      if (entry.zone !== 0) bump(zones, String(entry.zone));
      if (entry.mark !== 0) bump(marks, String(entry.mark));
      const { original, reply } = entry;
      const service = serviceKey(entry);
      services.add(service);
      serviceAddresses.add(`${service}|${original.dst}`);
      sources.add(original.src);
      destinations.add(original.dst);
      unrepliedByDestination.add(
        `${entry.protocol}|${original.dst}|${original.dport ?? ""}|${entry.zone}|${entry.protocolNumber}`,
        entry.unreplied,
      );
      if (reply && isNatted(entry)) {
        nat += 1;
        natPairs.add(
          `${entry.protocol}|${original.dst}|${original.dport ?? ""}|${reply.src}|${reply.sport ?? ""}`,
        );
      }
      const key = entryTimeoutKey(entry);
      if (key !== null && entry.timeoutSeconds !== null) {
        let idleClass = idle.get(key);
        if (!idleClass) {
          idleClass = {
            timeoutSeconds: timeoutSeconds(key, timeouts),
            bins: IDLE_EDGES_SECONDS.map(() => 0),
            longerThanAssumed: 0,
          };
          idle.set(key, idleClass);
        }
        const idleSeconds = idleClass.timeoutSeconds - entry.timeoutSeconds;
        if (idleSeconds < 0) idleClass.longerThanAssumed += 1;
        const bin = idleBin(Math.max(0, idleSeconds));
        idleClass.bins[bin] = (idleClass.bins[bin] ?? 0) + 1;
      }
    },
    result() {
      const record = (map: Map<string, number>) =>
        Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
      return {
        entries,
        ipv4: entries - ipv6,
        ipv6,
        protocols: record(protocols),
        tcpStates: record(tcpStates),
        assured,
        unreplied,
        nat,
        offloaded,
        zones: record(zones),
        marks: record(marks),
        services: services.top(TOP_SHOWN),
        serviceAddresses: serviceAddresses.top(TOP_SHOWN * 8),
        sources: sources.top(TOP_SHOWN),
        destinations: destinations.top(TOP_SHOWN),
        natPairs: natPairs.top(TOP_SHOWN * 4),
        unrepliedByDestination: unrepliedByDestination.top(TOP_SHOWN * 4),
        idle: [...idle]
          .map(([timeoutKey, value]) => ({ timeoutKey, ...value }))
          .sort((a, b) => (a.timeoutKey < b.timeoutKey ? -1 : 1)),
      };
    },
  };
}
