import type { IdleClass, TableStats } from "./table-stats";
import { IDLE_EDGES_SECONDS } from "./table-stats";
import type { TopItem } from "./space-saving";

/**
 * Below this many entries no share-based finding is given: a share of a handful of lines says
 * nothing about a table that holds hundreds of thousands.
 */
const MIN_ENTRIES_FOR_SHARES = 20;

/**
 * UDP services that are request/response or one-way and need no state: DNS 53, NTP 123, syslog
 * 514, StatsD 8125, VXLAN 4789, SNMP 161 (IANA service-names-port-numbers). These are what
 * operators exempt from tracking (the NOTRACK recipes in docs/table.md).
 */
const STATELESS_UDP_PORTS: ReadonlySet<number> = new Set([53, 123, 161, 514, 4789, 8125]);

/** A stateless service holding this share of the table is worth untracking: a tenth is a lot for one port. */
const STATELESS_SHARE = 0.1;

/**
 * Unreplied entries above this share: a quarter of the table waiting for answers that do not come
 * is scans, SYN floods, a dead backend or asymmetric routing, not ordinary traffic (where
 * almost every flow gets a reply within a round trip).
 */
const UNREPLIED_SHARE = 0.25;

/**
 * TIME_WAIT above half of the TCP entries: short connections dominate (each keeps its entry
 * tcp_timeout_time_wait, 120 s, after it closed), a client that does not reuse connections.
 */
const TIME_WAIT_SHARE = 0.5;

/** CLOSE_WAIT above a tenth of TCP: an application not closing its sockets (it is normally fleeting). */
const CLOSE_WAIT_SHARE = 0.1;

/** ESTABLISHED idle at least this long (1 h) counts as idle: no keep-alive is that slow by default (Linux's tcp_keepalive_time is 7200 s, but applications that use it set less). */
const IDLE_ESTABLISHED_SECONDS = 3600;

/** A quarter of ESTABLISHED entries idle that long: the 5-day default keeps dead peers. */
const IDLE_ESTABLISHED_SHARE = 0.25;

/** One source or destination with half the table: a single talker decides the size. */
const DOMINANT_SHARE = 0.5;

/**
 * Entries not assured above this share: early_drop (nf_conntrack_core.c, early_drop_list())
 * evicts only entries without IPS_ASSURED when the table is full, so that much of the table can
 * make room for new connections.
 */
const NOT_ASSURED_SHARE = 0.3;

/** The table at 80 % of nf_conntrack_max: bursts will fill it. */
const NEAR_MAX_SHARE = 0.8;

/**
 * A destination needs this many entries, all unreplied, to be called gone. A dead backend collects
 * one entry per connect or datagram for the whole SYN_SENT (120 s) or UDP (30 s) timeout: a single
 * client retrying every 10 s leaves 12. Below 10, a few unreplied entries are a SYN or a datagram
 * in flight or one failed connect: normal churn, and not worth a delete.
 */
const STALE_MIN_ENTRIES = 10;

/**
 * UDP services that are one-way by design (syslog 514, VXLAN 4789, StatsD 8125; IANA): their
 * entries are all unreplied with a healthy receiver, so they are no sign of a backend that went
 * away, and deleting them frees nothing for long. The stateless-service finding covers them.
 */
const ONE_WAY_UDP_PORTS: ReadonlySet<number> = new Set([514, 4789, 8125]);

export type Finding =
  | {
      readonly code: "stateless-service";
      readonly protocol: string;
      readonly port: number;
      readonly count: number;
      readonly share: number;
    }
  | { readonly code: "unreplied"; readonly count: number; readonly share: number }
  | { readonly code: "time-wait"; readonly count: number; readonly share: number }
  | { readonly code: "close-wait"; readonly count: number; readonly share: number }
  | {
      readonly code: "idle-established";
      readonly count: number;
      readonly share: number;
      readonly idleSeconds: number;
    }
  | {
      readonly code: "dominant-source" | "dominant-destination";
      readonly address: string;
      readonly count: number;
      readonly share: number;
    }
  | { readonly code: "not-assured"; readonly count: number; readonly share: number }
  | { readonly code: "near-max"; readonly count: number; readonly max: number; readonly share: number }
  | ({ readonly code: "stale-destination" } & StaleDestination);

/** A destination whose entries are all unreplied, counted exactly (a backend that went away). */
export interface StaleDestination {
  readonly protocol: string;
  readonly protocolNumber: number;
  readonly address: string;
  readonly port: number | null;
  /** The conntrack zone of these entries (0: none). */
  readonly zone: number;
  readonly count: number;
}

/**
 * Destinations whose every entry is unreplied, at least STALE_MIN_ENTRIES of them, one-way UDP
 * services aside; only exact counters qualify (error 0), so "every entry" is a fact.
 *
 * @example staleDestinations(stats)[0] // { protocol: "tcp", address: "10.0.0.9", port: 8080, zone: 0, count: 30, ... }
 */
export function staleDestinations(stats: TableStats): StaleDestination[] {
  return stats.unrepliedByDestination.items
    .filter(
      (item: TopItem) => item.error === 0 && item.flagged === item.count && item.count >= STALE_MIN_ENTRIES,
    )
    .map((item) => {
      const [protocol = "", address = "", port = "", zone = "0", number = "0"] = item.key.split("|");
      return {
        protocol,
        protocolNumber: Number(number),
        address,
        port: port === "" ? null : Number(port),
        zone: Number(zone),
        count: item.count,
      };
    })
    .filter(
      (stale) => !(stale.protocol === "udp" && stale.port !== null && ONE_WAY_UDP_PORTS.has(stale.port)),
    );
}

/** Entries of an idle class idle at least `seconds` (an edge of IDLE_EDGES_SECONDS: exact). */
function idleAtLeast(idle: IdleClass, seconds: number): number {
  return idle.bins.reduce(
    (sum, count, bin) => sum + ((IDLE_EDGES_SECONDS[bin] ?? 0) >= seconds ? count : 0),
    0,
  );
}

/**
 * What the table says, each with its numbers. `max` is nf_conntrack_max read from the same paste,
 * if any.
 *
 * @example tableFindings(stats, null).map((f) => f.code) // ["stateless-service", "unreplied"]
 */
export function tableFindings(stats: TableStats, max: number | null): Finding[] {
  const findings: Finding[] = [];
  const { entries } = stats;
  if (max !== null && max > 0 && entries / max >= NEAR_MAX_SHARE) {
    findings.push({ code: "near-max", count: entries, max, share: entries / max });
  }
  if (entries >= MIN_ENTRIES_FOR_SHARES) {
    for (const item of stats.services.items) {
      const [protocol = "", port = ""] = item.key.split("|");
      const share = item.count / entries;
      if (protocol === "udp" && STATELESS_UDP_PORTS.has(Number(port)) && share >= STATELESS_SHARE) {
        findings.push({ code: "stateless-service", protocol, port: Number(port), count: item.count, share });
      }
    }
    if (stats.unreplied / entries >= UNREPLIED_SHARE) {
      findings.push({ code: "unreplied", count: stats.unreplied, share: stats.unreplied / entries });
    }
    const tcp = stats.protocols.tcp ?? 0;
    const timeWait = stats.tcpStates.TIME_WAIT ?? 0;
    const closeWait = stats.tcpStates.CLOSE_WAIT ?? 0;
    if (tcp > 0 && timeWait / tcp >= TIME_WAIT_SHARE) {
      findings.push({ code: "time-wait", count: timeWait, share: timeWait / tcp });
    }
    if (tcp > 0 && closeWait / tcp >= CLOSE_WAIT_SHARE) {
      findings.push({ code: "close-wait", count: closeWait, share: closeWait / tcp });
    }
    const established = stats.idle.find((c) => c.timeoutKey === "tcp_timeout_established");
    const establishedCount = established?.bins.reduce((a, b) => a + b, 0) ?? 0;
    if (established && establishedCount > 0) {
      const idleCount = idleAtLeast(established, IDLE_ESTABLISHED_SECONDS);
      if (idleCount / establishedCount >= IDLE_ESTABLISHED_SHARE) {
        findings.push({
          code: "idle-established",
          count: idleCount,
          share: idleCount / establishedCount,
          idleSeconds: IDLE_ESTABLISHED_SECONDS,
        });
      }
    }
    for (const [code, list] of [
      ["dominant-source", stats.sources],
      ["dominant-destination", stats.destinations],
    ] as const) {
      const top = list.items[0];
      if (top && top.count / entries >= DOMINANT_SHARE) {
        findings.push({ code, address: top.key, count: top.count, share: top.count / entries });
      }
    }
    const notAssured = entries - stats.assured;
    if (notAssured / entries >= NOT_ASSURED_SHARE) {
      findings.push({ code: "not-assured", count: notAssured, share: notAssured / entries });
    }
  }
  for (const stale of staleDestinations(stats)) findings.push({ code: "stale-destination", ...stale });
  return findings;
}
