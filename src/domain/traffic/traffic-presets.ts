import { TIMEOUT_KEYS, timeoutUrlKey, type TimeoutKey, type TimeoutUrlKey } from "../kernel/timeouts";
import type { RawTraffic, TrafficFieldKey } from "./traffic-fields";
import type { HostRole } from "../sizing/role";

/**
 * Assumptions behind a preset, as codes the page turns into words (each names the fields it sets,
 * which stay editable):
 * - `clients-browsing`: about a thousand clients browsing; each opens about 2 TCP connections a second
 *   that last about 30 s (tcp_cps, tcp_life).
 * - `udp-mostly-dns`: UDP is mostly DNS lookups, one request and one reply (udp_life 0).
 * - `quic-raises-udp-life`: QUIC, video calls and VPNs are UDP streams: raise udp_life to their length.
 * - `proxy-two-connections`: each proxied request tracks two connections, client side and backend side
 *   (tcp_cps counts both); upstream keep-alive halves that.
 * - `short-http`: connections carry one short request each (tcp_life about 1 s).
 * - `published-ports`: containers reached through published ports (DNAT) and talking out through NAT.
 * - `container-dns`: containers resolve names often (udp_cps).
 * - `home-router`: a home router for a household: a few dozen devices, some streaming and gaming over
 *   UDP (udp_life).
 * - `little-ram`: a router with little RAM: a large headroom costs little in absolute terms.
 * - `service-traffic`: pods reach Services through kube-proxy's DNAT: one entry per connection.
 * - `ndots-dns`: pod DNS with `ndots:5` sends several queries per lookup (udp_cps is high).
 * - `kube-proxy-timeouts`: kube-proxy sets established 86400 s and close_wait 3600 s at start.
 */
export type PresetAssumption =
  | "clients-browsing"
  | "udp-mostly-dns"
  | "quic-raises-udp-life"
  | "proxy-two-connections"
  | "short-http"
  | "published-ports"
  | "container-dns"
  | "home-router"
  | "little-ram"
  | "service-traffic"
  | "ndots-dns"
  | "kube-proxy-timeouts";

export type TrafficPresetId =
  "nat-gateway" | "reverse-proxy" | "docker-host" | "small-router" | "kubernetes-node";

/**
 * A starting point for the traffic fields: the values are assumptions, shown with the reasons and
 * editable, not measurements.
 */
export interface TrafficPreset {
  readonly id: TrafficPresetId;
  /** The role of the host the preset describes (role.ts): it sets the bytes per entry and the warnings. */
  readonly role: HostRole;
  readonly traffic: RawTraffic;
  /** Timeouts the preset changes (as they would be typed; absent = the kernel's default). */
  readonly timeouts: Readonly<Partial<Record<TimeoutKey, string>>>;
  readonly assumptions: readonly PresetAssumption[];
}

/** The presets in the order they are offered. */
export const TRAFFIC_PRESET_IDS: readonly TrafficPresetId[] = [
  "nat-gateway",
  "reverse-proxy",
  "docker-host",
  "small-router",
  "kubernetes-node",
];

export const TRAFFIC_PRESETS: Readonly<Record<TrafficPresetId, TrafficPreset>> = {
  "nat-gateway": {
    id: "nat-gateway",
    role: "nat",
    traffic: { tcp_cps: "2000", tcp_life: "30", udp_cps: "1000", udp_life: "0", headroom: "30" },
    timeouts: {},
    assumptions: ["clients-browsing", "udp-mostly-dns", "quic-raises-udp-life"],
  },
  "reverse-proxy": {
    id: "reverse-proxy",
    role: "host",
    traffic: { tcp_cps: "10000", tcp_life: "1", udp_cps: "200", udp_life: "0", headroom: "50" },
    timeouts: {},
    assumptions: ["proxy-two-connections", "short-http", "udp-mostly-dns"],
  },
  "docker-host": {
    id: "docker-host",
    role: "docker",
    traffic: { tcp_cps: "500", tcp_life: "10", udp_cps: "200", udp_life: "0", headroom: "50" },
    timeouts: {},
    assumptions: ["published-ports", "container-dns", "udp-mostly-dns"],
  },
  "small-router": {
    id: "small-router",
    role: "nat",
    traffic: { tcp_cps: "30", tcp_life: "60", udp_cps: "50", udp_life: "10", headroom: "50" },
    timeouts: {},
    assumptions: ["home-router", "quic-raises-udp-life", "little-ram"],
  },
  "kubernetes-node": {
    id: "kubernetes-node",
    role: "kubernetes",
    traffic: { tcp_cps: "1000", tcp_life: "5", udp_cps: "1000", udp_life: "0", headroom: "50" },
    // kube-proxy's defaults (pkg/proxy/apis/config/v1alpha1/defaults.go): 24h and 1h.
    timeouts: { tcp_timeout_established: "86400", tcp_timeout_close_wait: "3600" },
    assumptions: ["service-traffic", "ndots-dns", "kube-proxy-timeouts"],
  },
};

/**
 * What choosing a preset writes: the host's role, its five traffic fields and every timeout field,
 * those the preset does not set emptied (back to the kernel's default), so no earlier preset's
 * timeouts linger.
 *
 * @example trafficPresetFields("kubernetes-node").to_tcp_timeout_established === "86400"
 */
export function trafficPresetFields(
  id: TrafficPresetId,
): Readonly<Record<"role" | TrafficFieldKey | TimeoutUrlKey, string>> {
  const preset = TRAFFIC_PRESETS[id];
  const timeouts = Object.fromEntries(
    TIMEOUT_KEYS.map((key) => [timeoutUrlKey(key), preset.timeouts[key] ?? ""]),
  ) as Record<TimeoutUrlKey, string>;
  return { role: preset.role, ...preset.traffic, ...timeouts };
}
