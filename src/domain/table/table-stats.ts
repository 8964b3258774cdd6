import type { Timeouts } from "../kernel/timeouts";
import {
  ABSENT,
  isNatted,
  ORIGINAL_DST,
  ORIGINAL_SRC,
  PORT_PROTOCOLS,
  REPLY_SRC,
  TCP,
  type PackedEntry,
  type TableNames,
} from "./entry";
import { entryTimeoutKey, timeoutSeconds, type EntryTimeoutKey } from "./entry-timeout";
import { ADDRESS_WORDS, formatAddress } from "./ipv6";
import { createSpaceSaving, mergeTopLists, type TopList } from "./space-saving";

/**
 * Counters per top list. Space-Saving's overcount is at most entries / capacity (space-saving.ts):
 * with 4096 counters, at most 244 on a 1,000,000-entry table (0.025 %), for about 0.5 MB per
 * list; every count is exact while a list has seen fewer distinct keys than this.
 */
const TOP_CAPACITY = 4096;

/** How many items of each top list the result keeps. */
const TOP_SHOWN = 20;

/** Items kept per top list (TOP_SHOWN, more for the lists that findings filter further). */
const SHOWN: Readonly<Record<TopListKey, number>> = {
  services: TOP_SHOWN,
  serviceAddresses: TOP_SHOWN * 8,
  sources: TOP_SHOWN,
  destinations: TOP_SHOWN,
  natPairs: TOP_SHOWN * 4,
  unrepliedByDestination: TOP_SHOWN * 4,
};

/**
 * Keys of the small exact maps (zones, marks; protocols and TCP states are counted per name, of
 * which a table has at most 64: entry.ts) before the rest are counted under OTHER_KEY: a host has
 * a handful of zones and marks, so only a hostile input reaches it.
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
  /** Counts an entry; its protocol and state are indices into the TableNames given at creation. */
  add(entry: PackedEntry): void;
  /**
   * The counts. `whole`: every counter of the top lists, not only those shown, for
   * mergeTableStats (a part of a table read apart from the rest).
   */
  result(whole?: boolean): TableStats;
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

/** Copies the address at `words[from]` into `key[at]`. */
function copyAddress(words: Uint32Array, from: number, key: Uint32Array, at: number): void {
  for (let i = 0; i < ADDRESS_WORDS; i += 1) key[at + i] = words[from + i] ?? 0;
}

/** A port, ICMP type or protocol number that is not there, in a key (above any of them). */
const NO_NUMBER = 0xffffffff;

/** The text of a key's number: empty when it is not there. */
const numberText = (n: number | undefined) => (n === undefined || n === NO_NUMBER ? "" : String(n));

/** Numbers in the key of each top list (protocol, port or type, addresses of ADDRESS_WORDS). */
const SERVICE_WORDS = 2;
const SERVICE_ADDRESS_WORDS = SERVICE_WORDS + ADDRESS_WORDS;
const DESTINATION_WORDS = 1 + ADDRESS_WORDS + 3;
const NAT_PAIR_WORDS = 1 + ADDRESS_WORDS + 1 + ADDRESS_WORDS + 1;

/**
 * Counts a table in bounded memory: exact totals, Space-Saving top lists (TOP_CAPACITY counters
 * each), idle-time bins per timeout. `timeouts` are the host's (the paste's or the kernel's
 * defaults) at the time the table was listed: idle = timeout − seconds left.
 *
 * @example const a = createTableAggregator(defaultTimeouts(v(6, 12)), names); a.add(packed); a.result().entries === 1
 */
export function createTableAggregator(timeouts: Timeouts, names: TableNames): TableAggregator {
  let entries = 0;
  let ipv6 = 0;
  let assured = 0;
  let unreplied = 0;
  let nat = 0;
  let offloaded = 0;
  // Entries per protocol and per TCP state, by their index in `names` (at most 64 names each).
  const protocols: number[] = [];
  const tcpStates: number[] = [];
  const zones = new Map<string, number>();
  const marks = new Map<string, number>();
  const protocolName = (id: number | undefined) => names.protocols.list[id ?? 0] ?? "";
  const serviceText = (w: Uint32Array, at: number) => `${protocolName(w[at])}|${numberText(w[at + 1])}`;
  const services = createSpaceSaving(TOP_CAPACITY, SERVICE_WORDS, serviceText);
  const serviceAddresses = createSpaceSaving(
    TOP_CAPACITY,
    SERVICE_ADDRESS_WORDS,
    (w, at) => `${serviceText(w, at)}|${formatAddress(w, at + SERVICE_WORDS)}`,
  );
  const sources = createSpaceSaving(TOP_CAPACITY, ADDRESS_WORDS, formatAddress);
  const destinations = createSpaceSaving(TOP_CAPACITY, ADDRESS_WORDS, formatAddress);
  const natPairs = createSpaceSaving(TOP_CAPACITY, NAT_PAIR_WORDS, (w, at) => {
    const reply = at + 2 + ADDRESS_WORDS;
    return `${protocolName(w[at])}|${formatAddress(w, at + 1)}|${numberText(w[reply - 1])}|${formatAddress(w, reply)}|${numberText(w[reply + ADDRESS_WORDS])}`;
  });
  const unrepliedByDestination = createSpaceSaving(TOP_CAPACITY, DESTINATION_WORDS, (w, at) => {
    const after = at + 1 + ADDRESS_WORDS;
    return `${protocolName(w[at])}|${formatAddress(w, at + 1)}|${numberText(w[after])}|${w[after + 1] ?? 0}|${w[after + 2] ?? 0}`;
  });
  // Keys are built in these, reused for every entry.
  const serviceKey = new Uint32Array(SERVICE_ADDRESS_WORDS);
  const destinationKey = new Uint32Array(DESTINATION_WORDS);
  const natKey = new Uint32Array(NAT_PAIR_WORDS);
  const idle = new Map<
    EntryTimeoutKey,
    { timeoutSeconds: number; bins: number[]; longerThanAssumed: number }
  >();
  // The idle class of each protocol, state and assured bit seen (null: the table cannot say).
  const idleClasses = new Map<
    number,
    { timeoutSeconds: number; bins: number[]; longerThanAssumed: number } | null
  >();
  const idleClassOf = (entry: PackedEntry) => {
    const code = (entry.protocolId * 1024 + entry.stateId + 1) * 2 + (entry.assured ? 1 : 0);
    let idleClass = idleClasses.get(code);
    if (idleClass !== undefined) return idleClass;
    const key = entryTimeoutKey({
      protocol: protocolName(entry.protocolId),
      state: entry.stateId === ABSENT ? null : (names.states.list[entry.stateId] ?? null),
      assured: entry.assured,
    });
    idleClass = key === null ? null : (idle.get(key) ?? null);
    if (key !== null && !idleClass) {
      idleClass = {
        timeoutSeconds: timeoutSeconds(key, timeouts),
        bins: IDLE_EDGES_SECONDS.map(() => 0),
        longerThanAssumed: 0,
      };
      idle.set(key, idleClass);
    }
    idleClasses.set(code, idleClass);
    return idleClass;
  };
  const hasPorts = names.protocols.list.map((name) => PORT_PROTOCOLS.has(name));

  return {
    add(entry) {
      entries += 1;
      if (entry.ipv6) ipv6 += 1;
      if (entry.assured) assured += 1;
      if (entry.unreplied) unreplied += 1;
      if (entry.offload !== "none") offloaded += 1;
      protocols[entry.protocolId] = (protocols[entry.protocolId] ?? 0) + 1;
      if (entry.protocolId === TCP && entry.stateId !== ABSENT) {
        tcpStates[entry.stateId] = (tcpStates[entry.stateId] ?? 0) + 1;
      }
      if (entry.zone !== 0) bump(zones, String(entry.zone));
      if (entry.mark !== 0) bump(marks, String(entry.mark));
      const { addresses } = entry;
      const dport = entry.originalDport === ABSENT ? NO_NUMBER : entry.originalDport;
      // The service: protocol and port (ICMP: type; no port: protocol number).
      const ports = hasPorts[entry.protocolId] ?? false;
      serviceKey[0] = entry.protocolId;
      serviceKey[1] = ports
        ? dport
        : entry.originalType !== ABSENT
          ? entry.originalType
          : entry.protocolNumber;
      copyAddress(addresses, ORIGINAL_DST, serviceKey, SERVICE_WORDS);
      services.add(serviceKey);
      serviceAddresses.add(serviceKey);
      sources.add(addresses, false, ORIGINAL_SRC);
      destinations.add(addresses, false, ORIGINAL_DST);
      destinationKey[0] = entry.protocolId;
      copyAddress(addresses, ORIGINAL_DST, destinationKey, 1);
      destinationKey[1 + ADDRESS_WORDS] = dport;
      destinationKey[2 + ADDRESS_WORDS] = entry.zone;
      destinationKey[3 + ADDRESS_WORDS] = entry.protocolNumber;
      unrepliedByDestination.add(destinationKey, entry.unreplied);
      if (isNatted(entry)) {
        nat += 1;
        natKey[0] = entry.protocolId;
        copyAddress(addresses, ORIGINAL_DST, natKey, 1);
        natKey[1 + ADDRESS_WORDS] = dport;
        copyAddress(addresses, REPLY_SRC, natKey, 2 + ADDRESS_WORDS);
        natKey[2 + 2 * ADDRESS_WORDS] = entry.replySport === ABSENT ? NO_NUMBER : entry.replySport;
        natPairs.add(natKey);
      }
      if (entry.timeoutSeconds !== ABSENT) {
        const idleClass = idleClassOf(entry);
        if (idleClass) {
          const idleSeconds = idleClass.timeoutSeconds - entry.timeoutSeconds;
          if (idleSeconds < 0) idleClass.longerThanAssumed += 1;
          const bin = idleBin(Math.max(0, idleSeconds));
          idleClass.bins[bin] = (idleClass.bins[bin] ?? 0) + 1;
        }
      }
    },
    result(whole = false) {
      const shown = (key: TopListKey) => (whole ? Infinity : SHOWN[key]);
      const record = (map: Map<string, number>) =>
        Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
      const byName = (counts: readonly number[], list: readonly string[]) =>
        record(new Map(list.flatMap((name, id) => (counts[id] ? [[name, counts[id]] as const] : []))));
      return {
        entries,
        ipv4: entries - ipv6,
        ipv6,
        protocols: byName(protocols, names.protocols.list),
        tcpStates: byName(tcpStates, names.states.list),
        assured,
        unreplied,
        nat,
        offloaded,
        zones: record(zones),
        marks: record(marks),
        services: services.top(shown("services")),
        serviceAddresses: serviceAddresses.top(shown("serviceAddresses")),
        sources: sources.top(shown("sources")),
        destinations: destinations.top(shown("destinations")),
        natPairs: natPairs.top(shown("natPairs")),
        unrepliedByDestination: unrepliedByDestination.top(shown("unrepliedByDestination")),
        idle: [...idle]
          .map(([timeoutKey, value]) => ({ timeoutKey, ...value }))
          .sort((a, b) => (a.timeoutKey < b.timeoutKey ? -1 : 1)),
      };
    },
  };
}

type TopListKey =
  "services" | "serviceAddresses" | "sources" | "destinations" | "natPairs" | "unrepliedByDestination";

const TOP_LIST_KEYS = Object.keys(SHOWN) as TopListKey[];

/** Two exact maps' counts added, or null when a single reading could have counted them otherwise. */
function mergeRecords(
  first: Readonly<Record<string, number>>,
  second: Readonly<Record<string, number>>,
): Record<string, number> | null {
  // Past MAX_EXACT_KEYS, which keys fall under OTHER_KEY depends on the order they came in.
  if (OTHER_KEY in first || OTHER_KEY in second) return null;
  const merged = new Map(Object.entries(first));
  for (const [key, count] of Object.entries(second)) merged.set(key, (merged.get(key) ?? 0) + count);
  if (merged.size > MAX_EXACT_KEYS) return null;
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The counts of a table read in two parts (each `result(true)`, with every counter), as the
 * result of one reading: totals, exact maps and idle bins add; the top lists merge with their
 * error bounds added (mergeTopLists), so a list exact in both parts stays exact and equals one
 * reading's. Null when the parts' exact maps reached MAX_EXACT_KEYS: read the table in one part.
 *
 * @example mergeTableStats(first.result(true), second.result(true))?.entries
 */
export function mergeTableStats(first: TableStats, second: TableStats): TableStats | null {
  const protocols = mergeRecords(first.protocols, second.protocols);
  const tcpStates = mergeRecords(first.tcpStates, second.tcpStates);
  const zones = mergeRecords(first.zones, second.zones);
  const marks = mergeRecords(first.marks, second.marks);
  if (!protocols || !tcpStates || !zones || !marks) return null;
  const idle = new Map<EntryTimeoutKey, IdleClass>(first.idle.map((c) => [c.timeoutKey, c]));
  for (const c of second.idle) {
    const held = idle.get(c.timeoutKey);
    idle.set(
      c.timeoutKey,
      held
        ? {
            ...held,
            bins: held.bins.map((count, bin) => count + (c.bins[bin] ?? 0)),
            longerThanAssumed: held.longerThanAssumed + c.longerThanAssumed,
          }
        : c,
    );
  }
  const lists = Object.fromEntries(
    TOP_LIST_KEYS.map((key) => [key, mergeTopLists(first[key], second[key], SHOWN[key])]),
  ) as Record<TopListKey, TopList>;
  return {
    entries: first.entries + second.entries,
    ipv4: first.ipv4 + second.ipv4,
    ipv6: first.ipv6 + second.ipv6,
    protocols,
    tcpStates,
    assured: first.assured + second.assured,
    unreplied: first.unreplied + second.unreplied,
    nat: first.nat + second.nat,
    offloaded: first.offloaded + second.offloaded,
    zones,
    marks,
    ...lists,
    idle: [...idle.values()].sort((a, b) => (a.timeoutKey < b.timeoutKey ? -1 : 1)),
  };
}
