import { TIMEOUT_KEYS, type TimeoutKey, type Timeouts } from "../kernel/timeouts";
import { neededMax } from "./table-max";
import { IDLE_EDGES_SECONDS, type IdleClass } from "./table-stats";

/**
 * Shorter values offered per timeout, in seconds. Each is an edge of IDLE_EDGES_SECONDS, so "idle
 * at least this long" is an exact count of the bins. Why these:
 * - established: 1 day is what kube-proxy sets (conntrack.tcpEstablishedTimeout, 24h); 3 h is the
 *   shortest edge above Linux's own keep-alive (tcp_keepalive_time 7200 s + 9 probes × 75 s =
 *   7875 s), so a connection that uses keep-alive with the defaults keeps its entry; 1 h and
 *   10 min are for hosts whose applications send their own keep-alives sooner.
 * - close_wait: kube-proxy raises it to 1 h; the kernel's 60 s is the way back.
 * - time_wait, fin_wait: 2 MSL is 120 s; 60 s and 30 s are what busy NAT gateways run with (a
 *   late segment then finds no entry and is dropped as invalid, which TCP retransmits over).
 * - syn_sent: a connect's SYN retries (tcp_syn_retries 6) span 127 s; 60 s still covers four
 *   tries, 30 s three.
 * - syn_recv, udp, icmp: halved, then the shortest edge (10 s).
 * - udp_timeout_stream: 60 s and 30 s, above the 2 s after which a flow counts as a stream.
 * - generic: 5 min, 2 min, 1 min.
 * The kernel's default is offered too when the value in force is longer (a host or kube-proxy
 * raised it).
 */
const CANDIDATES: Readonly<Record<TimeoutKey, readonly number[]>> = {
  tcp_timeout_established: [86400, 10800, 3600, 600],
  tcp_timeout_time_wait: [60, 30],
  tcp_timeout_close_wait: [600, 60, 30],
  tcp_timeout_fin_wait: [60, 30],
  tcp_timeout_syn_sent: [60, 30],
  tcp_timeout_syn_recv: [30, 10],
  udp_timeout: [10],
  udp_timeout_stream: [60, 30],
  icmp_timeout: [10],
  generic_timeout: [300, 120, 60],
};

export interface TimeoutCandidate {
  readonly seconds: number;
  /** Entries of this timeout idle at least `seconds`: gone had the timeout been this value. */
  readonly gone: number;
  /** nf_conntrack_max for the table without them, with the headroom. */
  readonly neededMax: number;
  /** Whether this is the kernel's default for the timeout. */
  readonly kernelDefault: boolean;
}

export interface TimeoutWhatIf {
  readonly key: TimeoutKey;
  /** The value the idle times were computed against (the field's or the default, when read). */
  readonly assumedSeconds: number;
  /** Entries on this timeout. */
  readonly entries: number;
  readonly candidates: readonly TimeoutCandidate[];
}

const isFieldKey = (key: string): key is TimeoutKey => (TIMEOUT_KEYS as readonly string[]).includes(key);
const EDGES: ReadonlySet<number> = new Set(IDLE_EDGES_SECONDS);

/** Entries of an idle class idle at least `seconds`, an edge of IDLE_EDGES_SECONDS. */
function idleAtLeast(idle: IdleClass, seconds: number): number {
  return idle.bins.reduce(
    (sum, count, bin) => sum + ((IDLE_EDGES_SECONDS[bin] ?? 0) >= seconds ? count : 0),
    0,
  );
}

/**
 * For each timeout that has a field and entries in the table, what shorter values would have
 * done: with the timeout at T, every entry idle T or longer would have expired, so the table holds
 * that many fewer, and nf_conntrack_max (with the headroom) shrinks with it. Candidates are
 * CANDIDATES plus the kernel's default, shorter than the value in force, longest first. Timeouts
 * without a field (LAST_ACK, CLOSE, ICMPv6, GRE: at most 3 min, entry-timeout.ts) are left out.
 *
 * @example computeTimeoutWhatIf(stats.idle, stats.entries, 20, defaultTimeouts(v(6, 12)))[0].candidates[0]
 * // { seconds: 86400, gone: 10, neededMax: 108, kernelDefault: false }
 */
export function computeTimeoutWhatIf(
  idle: readonly IdleClass[],
  tableEntries: number,
  headroomPercent: number,
  kernelDefaults: Timeouts,
): TimeoutWhatIf[] {
  const result: TimeoutWhatIf[] = [];
  for (const key of TIMEOUT_KEYS) {
    const idleClass = idle.find((c) => c.timeoutKey === key);
    if (!idleClass || !isFieldKey(idleClass.timeoutKey)) continue;
    const assumed = idleClass.timeoutSeconds;
    const offered = new Set([kernelDefaults[key], ...CANDIDATES[key]]);
    const candidates = [...offered]
      .filter((seconds) => seconds < assumed && EDGES.has(seconds))
      .sort((a, b) => b - a)
      .map((seconds) => {
        const gone = idleAtLeast(idleClass, seconds);
        return {
          seconds,
          gone,
          neededMax: neededMax(tableEntries - gone, headroomPercent),
          kernelDefault: seconds === kernelDefaults[key],
        };
      });
    if (candidates.length === 0) continue;
    const entries = idleClass.bins.reduce((a, b) => a + b, 0);
    result.push({ key, assumedSeconds: assumed, entries, candidates });
  }
  return result;
}
