import { lengthIssue, MAX_FIELD_TEXT_LENGTH, type FieldIssue, type FieldSpec } from "../core/field-spec";
import { tryParseGroupedInteger } from "../core/decimal";
import { kernelRules } from "./kernel-defaults";
import { atLeast, v, type KernelVersion } from "./kernel-version";
import { fail, ok, type Result } from "../core/result";

/**
 * The conntrack timeouts that decide how long an entry stays in the table, and so how many entries
 * a given traffic needs. Each key is the sysctl name after `net.netfilter.nf_conntrack_`
 * (Documentation/networking/nf_conntrack-sysctl.rst).
 */
export const TIMEOUT_KEYS = [
  "tcp_timeout_established",
  "tcp_timeout_time_wait",
  "tcp_timeout_close_wait",
  "tcp_timeout_fin_wait",
  "tcp_timeout_syn_sent",
  "tcp_timeout_syn_recv",
  "udp_timeout",
  "udp_timeout_stream",
  "icmp_timeout",
  "generic_timeout",
] as const;
export type TimeoutKey = (typeof TIMEOUT_KEYS)[number];

/** Seconds per timeout. */
export type Timeouts = Readonly<Record<TimeoutKey, number>>;

/**
 * URL query keys for timeouts the user changed: `to_` + the key, e.g.
 * `to_tcp_timeout_established=86400`. The prefix keeps them apart from every other input key.
 */
export type TimeoutUrlKey = `to_${TimeoutKey}`;

/** The URL key of a timeout. @example timeoutUrlKey("udp_timeout") === "to_udp_timeout" */
export function timeoutUrlKey(key: TimeoutKey): TimeoutUrlKey {
  return `to_${key}`;
}

/**
 * Kernel versions where a timeout default or rule changed.
 */
const TIMEOUT_BOUNDARIES = {
  /**
   * [UDP_CT_REPLIED] 180*HZ → 120*HZ: 294304e4c522 "netfilter: conntrack: udp: set stream timeout
   * to 2 minutes". Checked in the source: `nf_conntrack_proto_udp.c` at 4.20.1 has 180*HZ, at
   * 5.0.1 120*HZ.
   */
  udpStream120: v(5, 0),
  /**
   * d535c8a69c19 "netfilter: conntrack: udp: only extend timeout to stream mode after 2s": the
   * stream timeout needs a packet more than 2 s after the first (stream_ts = jiffies + 2 * HZ).
   * Checked as above: no `stream_ts` in `nf_conntrack_proto_udp.c` at 4.20.1, there at 5.0.1.
   */
  udpStreamAfterTwoSeconds: v(5, 0),
} as const;

/**
 * Why a timeout matters for sizing, as a code the page turns into one line of words:
 * - `idle-open-tcp`: an open connection that goes quiet keeps its entry this long (5 days by default);
 *   peers that vanish without FIN or RST leave entries behind for that long.
 * - `closed-tcp`: every normally closed connection keeps its entry this long after the last ACK;
 *   for short connections this term dominates the table.
 * - `half-closed-tcp`: one side closed, the other has not; an application that never closes its
 *   socket keeps the entry this long.
 * - `closing-tcp`: a FIN seen, the close not finished.
 * - `unanswered-syn`: a SYN without answer (scans, dead backends) keeps its entry this long.
 * - `half-open-tcp`: SYN answered, handshake not finished (SYN floods).
 * - `udp-short`: UDP flows without a reply, or request/response such as DNS, and (since 5.0) any
 *   flow that ends within 2 s of its first packet.
 * - `udp-stream`: UDP flows that keep exchanging packets (QUIC, VPN, VoIP, games).
 * - `icmp`: ping and other ICMP queries.
 * - `other-protocols`: protocols without a tracker of their own (ESP, OSPF, …).
 */
export type TimeoutReason =
  | "idle-open-tcp"
  | "closed-tcp"
  | "half-closed-tcp"
  | "closing-tcp"
  | "unanswered-syn"
  | "half-open-tcp"
  | "udp-short"
  | "udp-stream"
  | "icmp"
  | "other-protocols";

export interface TimeoutInfo {
  readonly reason: TimeoutReason;
  /** kube-proxy writes this sysctl when it starts (pkg/proxy/conntrack/sysctls.go). */
  readonly setByKubeProxy: boolean;
  /** The traffic sizing uses this timeout. */
  readonly usedByTrafficSizing: boolean;
}

export const TIMEOUT_INFO: Readonly<Record<TimeoutKey, TimeoutInfo>> = {
  tcp_timeout_established: { reason: "idle-open-tcp", setByKubeProxy: true, usedByTrafficSizing: false },
  tcp_timeout_time_wait: { reason: "closed-tcp", setByKubeProxy: false, usedByTrafficSizing: true },
  tcp_timeout_close_wait: { reason: "half-closed-tcp", setByKubeProxy: true, usedByTrafficSizing: false },
  tcp_timeout_fin_wait: { reason: "closing-tcp", setByKubeProxy: false, usedByTrafficSizing: false },
  tcp_timeout_syn_sent: { reason: "unanswered-syn", setByKubeProxy: false, usedByTrafficSizing: false },
  tcp_timeout_syn_recv: { reason: "half-open-tcp", setByKubeProxy: false, usedByTrafficSizing: false },
  // kube-proxy ≥ 1.29 writes the two UDP timeouts only when its config sets them (docs/kernel-facts.md §6).
  udp_timeout: { reason: "udp-short", setByKubeProxy: false, usedByTrafficSizing: true },
  udp_timeout_stream: { reason: "udp-stream", setByKubeProxy: false, usedByTrafficSizing: true },
  icmp_timeout: { reason: "icmp", setByKubeProxy: false, usedByTrafficSizing: false },
  generic_timeout: { reason: "other-protocols", setByKubeProxy: false, usedByTrafficSizing: false },
};

/**
 * The defaults that have not changed since 2.6 (seconds). TCP: tcp_timeouts[] in
 * nf_conntrack_proto_tcp.c (SYN_SENT 2 MINS, SYN_RECV 60 SECS, ESTABLISHED 5 DAYS, FIN_WAIT 2 MINS,
 * CLOSE_WAIT 60 SECS, TIME_WAIT 2 MINS), the same in ip_conntrack_proto_tcp.c of 2.6; UDP
 * unreplied: [UDP_CT_UNREPLIED] = 30*HZ; ICMP 30 s; generic 600 s. Measured on 6.18 (docs/kernel-facts.md §5).
 */
const STABLE_DEFAULTS: Omit<Timeouts, "udp_timeout_stream"> = {
  tcp_timeout_established: 432000,
  tcp_timeout_time_wait: 120,
  tcp_timeout_close_wait: 60,
  tcp_timeout_fin_wait: 120,
  tcp_timeout_syn_sent: 120,
  tcp_timeout_syn_recv: 60,
  udp_timeout: 30,
  icmp_timeout: 30,
  generic_timeout: 600,
};

/**
 * The kernel's default timeouts for a version, in seconds.
 *
 * @example defaultTimeouts(v(6, 12)).udp_timeout_stream === 120
 * @example defaultTimeouts(v(4, 9)).udp_timeout_stream === 180
 */
export function defaultTimeouts(kernel: KernelVersion): Timeouts {
  return {
    ...STABLE_DEFAULTS,
    // [UDP_CT_REPLIED] = 180*HZ before, 120*HZ after (TIMEOUT_BOUNDARIES.udpStream120).
    udp_timeout_stream: atLeast(kernel, TIMEOUT_BOUNDARIES.udpStream120) ? 120 : 180,
  };
}

/**
 * Whether a UDP flow needs traffic more than 2 s after its first packet before it gets the
 * stream timeout. nf_conntrack_udp_packet(): `if (time_after(jiffies, ct->proto.udp.stream_ts))
 * extra = timeouts[UDP_CT_REPLIED];` with `stream_ts = 2 * HZ + jiffies` set on the first
 * packet. Older kernels use the stream timeout for any packet once a reply was seen.
 *
 * @example udpStreamNeedsTwoSeconds(v(6, 12)) === true
 */
export function udpStreamNeedsTwoSeconds(kernel: KernelVersion): boolean {
  return atLeast(kernel, TIMEOUT_BOUNDARIES.udpStreamAfterTwoSeconds);
}

/**
 * The sysctl that holds a timeout on that kernel: `net.netfilter.nf_conntrack_<key>`, or
 * `net.ipv4.netfilter.ip_conntrack_<key>` on ip_conntrack kernels (before nf_conntrack replaced it).
 *
 * @example timeoutSysctlName("udp_timeout_stream", v(6, 12)) === "net.netfilter.nf_conntrack_udp_timeout_stream"
 *
 * @internal exported for its tests
 */
export function timeoutSysctlName(key: TimeoutKey, kernel: KernelVersion): string {
  return kernelRules(kernel).names.module === "ip_conntrack"
    ? `net.ipv4.netfilter.ip_conntrack_${key}`
    : `net.netfilter.nf_conntrack_${key}`;
}

/**
 * Accepted timeouts, whole seconds. The sysctls use proc_dointvec_jiffies(), whose conversion
 * refuses `*lvalp > INT_MAX / HZ` (kernel/sysctl.c, do_proc_dointvec_jiffies_conv()); with HZ up to
 * 1000 the largest value every kernel accepts is floor(2147483647 / 1000) = 2147483 s (24.8 days).
 * Kernels built with HZ=100/250/300 accept more, but a config must work on any of them. The kernel
 * also takes 0 (and negative values), which makes entries expire at once and breaks connections;
 * the calculator refuses those.
 *
 * @internal exported for its tests
 */
export const TIMEOUT_LIMITS = { min: 1, max: 2147483 } as const;

/**
 * Reads one timeout in whole seconds ("86400", "86,400").
 *
 * @example validateTimeout("86400") // { ok: true, value: 86400 }
 * @example validateTimeout("2147484") // { ok: false, issue: { code: "range" } }
 */
export function validateTimeout(text: string): Result<number, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return fail({ code: "empty" });
  const n = tryParseGroupedInteger(trimmed);
  if (n === null) return fail({ code: "syntax" });
  if (n < TIMEOUT_LIMITS.min || n > TIMEOUT_LIMITS.max) return fail({ code: "range" });
  return ok(n);
}

/**
 * The timeout fields, `to_<key>`: empty (the default) means the kernel's own; a link writes each
 * one that is set.
 */
export const TIMEOUT_FIELDS = Object.fromEntries(
  TIMEOUT_KEYS.map((key) => [
    timeoutUrlKey(key),
    {
      group: "timeouts",
      default: "",
      link: "when-changed",
      accepted: { kind: "timeout", params: { max: TIMEOUT_LIMITS.max } },
      validate: (text: string) =>
        text.length <= MAX_FIELD_TEXT_LENGTH && text.trim() === "" ? ok(null) : validateTimeout(text),
    } satisfies FieldSpec<number | null>,
  ]),
) as { readonly [K in TimeoutUrlKey]: FieldSpec<number | null> };

export interface ReadTimeouts {
  /** The value of every timeout: the user's where valid, the kernel's default otherwise. */
  readonly values: Timeouts;
  /** The issue with each invalid field, if any. */
  readonly issues: Partial<Record<TimeoutKey, FieldIssue>>;
}

/**
 * Reads the timeout fields the user filled in (absent or empty = the kernel's default); an invalid
 * field falls back to the default alone.
 *
 * @example readTimeouts({ udp_timeout: "10" }, v(6, 12)).values.udp_timeout === 10
 */
export function readTimeouts(
  raw: Readonly<Partial<Record<TimeoutKey, string>>>,
  kernel: KernelVersion,
): ReadTimeouts {
  const defaults = defaultTimeouts(kernel);
  const values: Record<TimeoutKey, number> = { ...defaults };
  const issues: Partial<Record<TimeoutKey, FieldIssue>> = {};
  for (const key of TIMEOUT_KEYS) {
    const text = raw[key];
    if (text === undefined || text.trim() === "") continue;
    const result = validateTimeout(text);
    if (result.ok) values[key] = result.value;
    else issues[key] = result.issue;
  }
  return { values, issues };
}

export interface ChangedTimeout {
  readonly key: TimeoutKey;
  /** The sysctl to write on this kernel. */
  readonly sysctl: string;
  readonly seconds: number;
  readonly kernelDefaultSeconds: number;
}

/**
 * The timeouts that differ from the kernel's defaults, in TIMEOUT_KEYS order: the lines the
 * sysctl snippet needs (and no others).
 *
 * @example changedTimeouts({ ...defaultTimeouts(v(6, 12)), udp_timeout: 10 }, v(6, 12))
 * // [{ key: "udp_timeout", sysctl: "net.netfilter.nf_conntrack_udp_timeout", seconds: 10, kernelDefaultSeconds: 30 }]
 */
export function changedTimeouts(values: Timeouts, kernel: KernelVersion): ChangedTimeout[] {
  const defaults = defaultTimeouts(kernel);
  return TIMEOUT_KEYS.filter((key) => values[key] !== defaults[key]).map((key) => ({
    key,
    sysctl: timeoutSysctlName(key, kernel),
    seconds: values[key],
    kernelDefaultSeconds: defaults[key],
  }));
}
