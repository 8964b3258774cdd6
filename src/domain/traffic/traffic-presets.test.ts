import { describe, expect, it } from "vitest";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts, validateTimeout } from "../kernel/timeouts";
import { computeTrafficSizing } from "./traffic-sizing";
import { readTraffic } from "./traffic-fields";
import { DEFAULT_ALL_RAW, validateAllFields } from "../sizing/fields";
import { TRAFFIC_PRESET_IDS, TRAFFIC_PRESETS, trafficPresetFields } from "./traffic-presets";
import { TRAFFIC_FIELD_KEYS } from "./traffic-fields";

const modern = v(6, 12);

describe("presets", () => {
  it("one preset per id, in the offered order", () => {
    expect(TRAFFIC_PRESET_IDS.map((id) => TRAFFIC_PRESETS[id].id)).toEqual(TRAFFIC_PRESET_IDS);
    expect(Object.keys(TRAFFIC_PRESETS).sort()).toEqual([...TRAFFIC_PRESET_IDS].sort());
  });

  it.each(TRAFFIC_PRESET_IDS)("%s: valid fields and timeouts, some traffic, its assumptions", (id) => {
    const preset = TRAFFIC_PRESETS[id];
    expect(validateAllFields({ ...DEFAULT_ALL_RAW, ...preset.traffic })).toEqual({});
    for (const text of Object.values(preset.timeouts)) expect(validateTimeout(text).ok).toBe(true);
    const sizing = computeTrafficSizing(readTraffic(preset.traffic), defaultTimeouts(modern), modern);
    expect(sizing.requiredMax).toBeGreaterThan(0);
    expect(preset.assumptions.length).toBeGreaterThan(0);
  });

  it.each([
    { id: "nat-gateway", requiredMax: 429000 },
    // 10000 × (1 + 120) + 200 × 30 = 1216000, × 1.5
    { id: "reverse-proxy", requiredMax: 1824000 },
    // 500 × 130 + 200 × 30 = 71000, × 1.5
    { id: "docker-host", requiredMax: 106500 },
    // 30 × 180 + 50 × (10 + 120) = 11900, × 1.5
    { id: "small-router", requiredMax: 17850 },
    // 1000 × 125 + 1000 × 30 = 155000, × 1.5
    { id: "kubernetes-node", requiredMax: 232500 },
  ] as const)("$id on 6.12 needs $requiredMax", ({ id, requiredMax }) => {
    const sizing = computeTrafficSizing(
      readTraffic(TRAFFIC_PRESETS[id].traffic),
      defaultTimeouts(modern),
      modern,
    );
    expect(sizing.requiredMax).toBe(requiredMax);
  });
});

describe("trafficPresetFields", () => {
  /** Every timeout field empty: the kernel's own timeouts. */
  const kernelTimeouts = {
    to_tcp_timeout_established: "",
    to_tcp_timeout_time_wait: "",
    to_tcp_timeout_close_wait: "",
    to_tcp_timeout_fin_wait: "",
    to_tcp_timeout_syn_sent: "",
    to_tcp_timeout_syn_recv: "",
    to_udp_timeout: "",
    to_udp_timeout_stream: "",
    to_icmp_timeout: "",
    to_generic_timeout: "",
  };

  it("writes a preset's traffic and empties every timeout it does not set", () => {
    expect(trafficPresetFields("nat-gateway")).toEqual({
      role: "nat",
      tcp_cps: "2000",
      tcp_life: "30",
      udp_cps: "1000",
      udp_life: "0",
      headroom: "30",
      ...kernelTimeouts,
    });
  });

  it("writes the timeouts a preset sets: kube-proxy's 24 h established and 1 h close_wait", () => {
    expect(trafficPresetFields("kubernetes-node")).toEqual({
      role: "kubernetes",
      tcp_cps: "1000",
      tcp_life: "5",
      udp_cps: "1000",
      udp_life: "0",
      headroom: "50",
      ...kernelTimeouts,
      to_tcp_timeout_established: "86400",
      to_tcp_timeout_close_wait: "3600",
    });
  });

  it.each(TRAFFIC_PRESET_IDS)("%s: writes the role and every traffic and timeout field", (id) => {
    expect(Object.keys(trafficPresetFields(id)).sort()).toEqual(
      ["role", ...TRAFFIC_FIELD_KEYS, ...Object.keys(kernelTimeouts)].sort(),
    );
  });
});
