import { describe, expect, it } from "vitest";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts, validateTimeout } from "../kernel/timeouts";
import { computeTrafficSizing } from "./traffic-sizing";
import { readTraffic, validateTraffic } from "./traffic-fields";
import { TRAFFIC_PRESET_IDS, TRAFFIC_PRESETS } from "./traffic-presets";

const modern = v(6, 12);

describe("presets", () => {
  it("one preset per id, in the offered order", () => {
    expect(TRAFFIC_PRESET_IDS.map((id) => TRAFFIC_PRESETS[id].id)).toEqual(TRAFFIC_PRESET_IDS);
    expect(Object.keys(TRAFFIC_PRESETS).sort()).toEqual([...TRAFFIC_PRESET_IDS].sort());
  });

  it.each(TRAFFIC_PRESET_IDS)("%s: valid fields and timeouts, some traffic, its assumptions", (id) => {
    const preset = TRAFFIC_PRESETS[id];
    expect(validateTraffic(preset.traffic)).toEqual({});
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
