import type { KernelVersion } from "../kernel/kernel-version";
import { udpStreamNeedsTwoSeconds, type TimeoutKey, type Timeouts } from "../kernel/timeouts";
import { INT_MAX, type Inputs } from "../sizing/inputs";
import { computeSizing, type Sizing } from "../sizing/sizing";
import type { Traffic } from "./traffic-fields";

/**
 * How a UDP flow ends in the table:
 * - `request-response`: kept `udp_timeout` after its last packet. Every flow whose packets after the
 *   reply stop within 2 s of its first packet (on kernels since 5.0), and every single
 *   exchange on any kernel: the reply itself is refreshed with the unreplied timeout, because
 *   nf_conntrack_in() sets IPS_SEEN_REPLY only after the protocol handler ran.
 * - `stream`: kept `udp_timeout_stream` after its last packet: a packet after the reply, and (since
 *   5.0) more than 2 s after the first packet (nf_conntrack_udp_packet(),
 *   `time_after(jiffies, ct->proto.udp.stream_ts)` with `stream_ts = 2 * HZ + jiffies`).
 */
export type UdpMode = "request-response" | "stream";

/** One kind of traffic's share of the table: rate × (seconds open + seconds kept after). */
export interface TrafficTerm {
  readonly cpsMilli: number;
  /** How long the connection or flow carries traffic. */
  readonly openMs: number;
  /** The timeout that keeps the entry after the last packet. */
  readonly keptBy: Extract<TimeoutKey, "tcp_timeout_time_wait" | "udp_timeout" | "udp_timeout_stream">;
  readonly keptSeconds: number;
  /** Entries at steady state, exactly: this many millionths (cps × 1000 × (open ms + kept × 1000)). */
  readonly entriesMicro: bigint;
  /** ceil(entries), at most INT_MAX. */
  readonly entries: number;
}

export interface UdpTrafficTerm extends TrafficTerm {
  readonly mode: UdpMode;
  /**
   * The flow counts as a stream once it carries traffic past this many ms after its first packet:
   * 2000 on kernels with the 2 s rule, 0 (any later packet) before.
   */
  readonly streamAfterMs: number;
}

export type TrafficWarning = { code: "required-max-clamped"; concerns: "max"; unclamped: bigint };

export interface TrafficSizing {
  readonly tcp: TrafficTerm;
  readonly udp: UdpTrafficTerm;
  /** Entries at steady state, both kinds, rounded up; at most INT_MAX. */
  readonly total: number;
  /** The headroom asked for, in percent. */
  readonly headroomPercent: number;
  /** The nf_conntrack_max this traffic needs: ceil(total × (1 + headroom / 100)), at most INT_MAX. */
  readonly requiredMax: number;
  /** The same before the INT_MAX clamp, exact. */
  readonly requiredMaxUnclamped: bigint;
  /** Which kind needs more entries; "none" without traffic. */
  readonly dominant: "tcp" | "udp" | "tie" | "none";
  readonly warnings: readonly TrafficWarning[];
}

const MICRO = 1_000_000n;
const INT_MAX_BIG = BigInt(INT_MAX);

function ceilDivBig(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function clampToIntMax(n: bigint): number {
  return Number(n > INT_MAX_BIG ? INT_MAX_BIG : n);
}

function term(
  cpsMilli: number,
  openMs: number,
  keptSeconds: number,
): Pick<TrafficTerm, "entriesMicro" | "entries"> {
  // (cps × 1000) × (open ms + kept s × 1000) = entries × 10^6. BigInt: the product reaches 10^22.
  const entriesMicro = BigInt(cpsMilli) * (BigInt(openMs) + BigInt(keptSeconds) * 1000n);
  return { entriesMicro, entries: clampToIntMax(ceilDivBig(entriesMicro, MICRO)) };
}

/**
 * Entries the table holds at steady state for the given traffic (Little's law: arrivals per second
 * × seconds each entry lives), and the nf_conntrack_max that holds them with headroom.
 *
 * TCP: a connection closed normally (FIN both ways) ends in TIME_WAIT, kept
 * `tcp_timeout_time_wait` after the last ACK (tcp_conntracks[] in nf_conntrack_proto_tcp.c: LAST_ACK
 * + ACK → TIME_WAIT); the FIN_WAIT / CLOSE_WAIT / LAST_ACK steps between last only a round trip and
 * are left out. Not modelled: connections reset by RST (kept `tcp_timeout_close`, 10 s), half-closed
 * ones whose peer never closes (kept `tcp_timeout_close_wait`), and peers that vanish (kept
 * `tcp_timeout_established`).
 *
 * UDP: every flow is assumed to get a reply; see UdpMode for which timeout keeps it.
 *
 * All arithmetic is exact (BigInt); counts are clamped to INT_MAX, the largest nf_conntrack_max.
 *
 * @example
 * // 1000 TCP connections/s open 30 s: 1000 × (30 + 120) = 150000 entries; 20 % headroom → 180000.
 * computeTrafficSizing({ tcpCpsMilli: 1_000_000, tcpLifeMs: 30_000, udpCpsMilli: 0, udpLifeMs: 0,
 *   headroomPercent: 20 }, defaultTimeouts(v(6, 12)), v(6, 12)).requiredMax === 180000
 */
export function computeTrafficSizing(
  traffic: Traffic,
  timeouts: Timeouts,
  kernel: KernelVersion,
): TrafficSizing {
  const tcp: TrafficTerm = {
    cpsMilli: traffic.tcpCpsMilli,
    openMs: traffic.tcpLifeMs,
    keptBy: "tcp_timeout_time_wait",
    keptSeconds: timeouts.tcp_timeout_time_wait,
    ...term(traffic.tcpCpsMilli, traffic.tcpLifeMs, timeouts.tcp_timeout_time_wait),
  };

  const streamAfterMs = udpStreamNeedsTwoSeconds(kernel) ? 2000 : 0;
  // time_after() is strict: a packet exactly at stream_ts does not switch the flow to a stream.
  const mode: UdpMode = traffic.udpLifeMs > streamAfterMs ? "stream" : "request-response";
  const udpKeptBy = mode === "stream" ? "udp_timeout_stream" : "udp_timeout";
  const udp: UdpTrafficTerm = {
    cpsMilli: traffic.udpCpsMilli,
    openMs: traffic.udpLifeMs,
    keptBy: udpKeptBy,
    keptSeconds: timeouts[udpKeptBy],
    mode,
    streamAfterMs,
    ...term(traffic.udpCpsMilli, traffic.udpLifeMs, timeouts[udpKeptBy]),
  };

  const totalMicro = tcp.entriesMicro + udp.entriesMicro;
  // ceil(total × (100 + headroom) / 100), in millionths.
  const requiredMaxUnclamped = ceilDivBig(totalMicro * BigInt(100 + traffic.headroomPercent), MICRO * 100n);
  const warnings: TrafficWarning[] = [];
  if (requiredMaxUnclamped > INT_MAX_BIG) {
    // net.netfilter.nf_conntrack_max is an int sysctl bounded 0..INT_MAX (8b6861390ffe).
    warnings.push({ code: "required-max-clamped", concerns: "max", unclamped: requiredMaxUnclamped });
  }

  const dominant =
    totalMicro === 0n
      ? "none"
      : tcp.entriesMicro > udp.entriesMicro
        ? "tcp"
        : udp.entriesMicro > tcp.entriesMicro
          ? "udp"
          : "tie";

  return {
    tcp,
    udp,
    total: clampToIntMax(ceilDivBig(totalMicro, MICRO)),
    headroomPercent: traffic.headroomPercent,
    requiredMax: clampToIntMax(requiredMaxUnclamped),
    requiredMaxUnclamped,
    dominant,
    warnings,
  };
}

/**
 * The full sizing (buckets, memory at a full table, warnings) with nf_conntrack_max set to what the
 * traffic needs: exactly what applying it as the explicit max would show. Null without traffic.
 *
 * @example sizingForRequiredMax(inputs, 180000)?.memory.total
 */
export function sizingForRequiredMax(inputs: Inputs, requiredMax: number): Sizing | null {
  if (!Number.isSafeInteger(requiredMax) || requiredMax < 1 || requiredMax > INT_MAX) return null;
  return computeSizing({ ...inputs, max: requiredMax });
}
