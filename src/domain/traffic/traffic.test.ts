import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, INT_MAX, readInputs } from "../sizing/inputs";
import { v, type KernelVersion } from "../kernel/kernel-version";
import { computeSizing } from "../sizing/sizing";
import {
  defaultTimeouts,
  TIMEOUT_KEYS,
  TIMEOUT_LIMITS,
  validateTimeout,
  type Timeouts,
} from "../kernel/timeouts";
import {
  compareTraffic,
  computeTrafficSizing,
  DEFAULT_TRAFFIC_RAW,
  readTraffic,
  sizingForRequiredMax,
  TRAFFIC_FIELD_KEYS,
  TRAFFIC_LIMITS,
  TRAFFIC_PRESET_IDS,
  TRAFFIC_PRESETS,
  trafficVerdict,
  validateTraffic,
  validateTrafficField,
  type Traffic,
} from "./traffic";

/** The worked example's 4 entries per bucket and 352 bytes per entry, on the default page. */
const ARTICLE_RAW = { ...DEFAULT_RAW, ...ARTICLE_PRESET };

const modern = v(6, 12);
const old = v(4, 9);

/** Traffic in people's units: connections per second and seconds. */
const traffic = (t: {
  tcpCps?: number;
  tcpLife?: number;
  udpCps?: number;
  udpLife?: number;
  headroom?: number;
}): Traffic => ({
  tcpCpsMilli: Math.round((t.tcpCps ?? 0) * 1000),
  tcpLifeMs: Math.round((t.tcpLife ?? 0) * 1000),
  udpCpsMilli: Math.round((t.udpCps ?? 0) * 1000),
  udpLifeMs: Math.round((t.udpLife ?? 0) * 1000),
  headroomPercent: t.headroom ?? 0,
});

describe("computeTrafficSizing golden values", () => {
  // Each row by hand: entries = rate × (seconds open + seconds kept after the last packet).
  it.each([
    {
      name: "TCP only: 1000/s × (30 s + 120 s TIME_WAIT) = 150000",
      given: traffic({ tcpCps: 1000, tcpLife: 30 }),
      kernel: modern,
      tcp: 150000,
      udp: 0,
      requiredMax: 150000,
      dominant: "tcp",
    },
    {
      name: "TCP with 20 % headroom: 150000 × 1.2",
      given: traffic({ tcpCps: 1000, tcpLife: 30, headroom: 20 }),
      kernel: modern,
      tcp: 150000,
      udp: 0,
      requiredMax: 180000,
      dominant: "tcp",
    },
    {
      name: "UDP request/response (DNS): 5000/s × 30 s = 150000",
      given: traffic({ udpCps: 5000 }),
      kernel: modern,
      tcp: 0,
      udp: 150000,
      requiredMax: 150000,
      dominant: "udp",
    },
    {
      name: "UDP request/response on an old kernel too: a lone reply keeps the unreplied timeout",
      given: traffic({ udpCps: 5000 }),
      kernel: old,
      tcp: 0,
      udp: 150000,
      requiredMax: 150000,
      dominant: "udp",
    },
    {
      name: "UDP streams: 100/s × (60 s + 120 s) = 18000",
      given: traffic({ udpCps: 100, udpLife: 60 }),
      kernel: modern,
      tcp: 0,
      udp: 18000,
      requiredMax: 18000,
      dominant: "udp",
    },
    {
      name: "UDP streams before 5.0: 100/s × (60 s + 180 s) = 24000",
      given: traffic({ udpCps: 100, udpLife: 60 }),
      kernel: old,
      tcp: 0,
      udp: 24000,
      requiredMax: 24000,
      dominant: "udp",
    },
    {
      name: "UDP for exactly 2 s is not a stream (time_after is strict): 100 × (2 + 30)",
      given: traffic({ udpCps: 100, udpLife: 2 }),
      kernel: modern,
      tcp: 0,
      udp: 3200,
      requiredMax: 3200,
      dominant: "udp",
    },
    {
      name: "UDP for 2.001 s is a stream: 100 × (2.001 + 120) = 12200.1 → 12201",
      given: traffic({ udpCps: 100, udpLife: 2.001 }),
      kernel: modern,
      tcp: 0,
      udp: 12201,
      requiredMax: 12201,
      dominant: "udp",
    },
    {
      name: "UDP for 1 s before 5.0 is a stream already: 100 × (1 + 180)",
      given: traffic({ udpCps: 100, udpLife: 1 }),
      kernel: old,
      tcp: 0,
      udp: 18100,
      requiredMax: 18100,
      dominant: "udp",
    },
    {
      name: "headroom rounds up: 1/s × 120.001 s = 120.001 → 121, × 1.1 = 132.0011 → 133",
      given: traffic({ tcpCps: 1, tcpLife: 0.001, headroom: 10 }),
      kernel: modern,
      tcp: 121,
      udp: 0,
      requiredMax: 133,
      dominant: "tcp",
    },
    {
      name: "fractional rates: 0.5/s × (31 s + 120 s) = 75.5 → 76",
      given: traffic({ tcpCps: 0.5, tcpLife: 31 }),
      kernel: modern,
      tcp: 76,
      udp: 0,
      requiredMax: 76,
      dominant: "tcp",
    },
    {
      name: "NAT gateway preset: 300000 TCP + 30000 UDP, 30 % headroom = 429000",
      given: traffic({ tcpCps: 2000, tcpLife: 30, udpCps: 1000, headroom: 30 }),
      kernel: modern,
      tcp: 300000,
      udp: 30000,
      requiredMax: 429000,
      dominant: "tcp",
    },
    {
      name: "equal shares: a tie",
      given: traffic({ tcpCps: 1, tcpLife: 0, udpCps: 4, udpLife: 0 }),
      kernel: modern,
      tcp: 120,
      udp: 120,
      requiredMax: 240,
      dominant: "tie",
    },
    {
      name: "no traffic",
      given: traffic({ headroom: 50 }),
      kernel: modern,
      tcp: 0,
      udp: 0,
      requiredMax: 0,
      dominant: "none",
    },
  ])("$name", ({ given, kernel, tcp, udp, requiredMax, dominant }) => {
    const sizing = computeTrafficSizing(given, defaultTimeouts(kernel), kernel);
    expect(sizing.tcp.entries).toBe(tcp);
    expect(sizing.udp.entries).toBe(udp);
    expect(sizing.requiredMax).toBe(requiredMax);
    expect(sizing.dominant).toBe(dominant);
    expect(sizing.warnings).toEqual([]);
  });

  it("explains each term: the timeout that keeps it and for how long", () => {
    const sizing = computeTrafficSizing(
      traffic({ tcpCps: 10, tcpLife: 5, udpCps: 20, udpLife: 60 }),
      defaultTimeouts(modern),
      modern,
    );
    expect(sizing.tcp).toMatchObject({
      cpsMilli: 10000,
      openMs: 5000,
      keptBy: "tcp_timeout_time_wait",
      keptSeconds: 120,
    });
    expect(sizing.udp).toMatchObject({
      cpsMilli: 20000,
      openMs: 60000,
      keptBy: "udp_timeout_stream",
      keptSeconds: 120,
      mode: "stream",
      streamAfterMs: 2000,
    });
    const dns = computeTrafficSizing(traffic({ udpCps: 1 }), defaultTimeouts(old), old);
    expect(dns.udp).toMatchObject({ keptBy: "udp_timeout", mode: "request-response", streamAfterMs: 0 });
  });

  it("follows changed timeouts live", () => {
    const timeouts = { ...defaultTimeouts(modern), tcp_timeout_time_wait: 30, udp_timeout: 10 };
    const sizing = computeTrafficSizing(
      traffic({ tcpCps: 1000, tcpLife: 30, udpCps: 5000 }),
      timeouts,
      modern,
    );
    expect(sizing.tcp.entries).toBe(60000);
    expect(sizing.udp.entries).toBe(50000);
  });

  it("huge rates: 10^9/s × 10^7 s is clamped to INT_MAX, with the exact value in the warning", () => {
    const sizing = computeTrafficSizing(
      traffic({ tcpCps: 1e9, tcpLife: 1e7, udpCps: 1e9, udpLife: 1e7, headroom: 20 }),
      defaultTimeouts(modern),
      modern,
    );
    // (10^9 × (10^7 + 120) + 10^9 × (10^7 + 120)) × 1.2, computed by hand.
    const exact = 24000288000000000n;
    expect(sizing.requiredMaxUnclamped).toBe(exact);
    expect(sizing.requiredMax).toBe(INT_MAX);
    expect(sizing.total).toBe(INT_MAX);
    expect(sizing.tcp.entries).toBe(INT_MAX);
    expect(sizing.tcp.entriesMicro).toBe(10000120000000000n * 1_000_000n);
    expect(sizing.warnings).toEqual([{ code: "required-max-clamped", concerns: "max", unclamped: exact }]);
  });

  it("just below the clamp: no warning", () => {
    // 1 TCP connection/s kept 120 s, open INT_MAX − 120 s would exceed the life limit; use rates.
    const sizing = computeTrafficSizing(
      traffic({ udpCps: 71582788, udpLife: 0 }),
      defaultTimeouts(modern),
      modern,
    );
    expect(sizing.requiredMax).toBe(2147483640);
    expect(sizing.warnings).toEqual([]);
  });
});

const kernels: readonly KernelVersion[] = [
  v(2, 6, 32),
  v(3, 10),
  v(4, 9),
  v(4, 19),
  v(5, 0),
  v(5, 15),
  v(6, 12),
];
const kernelArb = fc.constantFrom(...kernels);
const cpsArb = fc.integer({ min: 0, max: TRAFFIC_LIMITS.cps.max * 1000 });
const lifeArb = fc.integer({ min: 0, max: TRAFFIC_LIMITS.lifeSeconds.max * 1000 });
const trafficArb: fc.Arbitrary<Traffic> = fc.record({
  tcpCpsMilli: cpsArb,
  tcpLifeMs: lifeArb,
  udpCpsMilli: cpsArb,
  udpLifeMs: lifeArb,
  headroomPercent: fc.integer({ min: 0, max: TRAFFIC_LIMITS.headroomPercent.max }),
});
const timeoutArb = fc.integer({ min: TIMEOUT_LIMITS.min, max: TIMEOUT_LIMITS.max });
const timeoutsArb: fc.Arbitrary<Timeouts> = fc
  .tuple(...TIMEOUT_KEYS.map(() => timeoutArb))
  .map((values) => Object.fromEntries(TIMEOUT_KEYS.map((key, i) => [key, values[i]])) as unknown as Timeouts);
/** Timeouts as the kernel orders them: a stream is kept at least as long as an unreplied flow. */
const orderedTimeoutsArb = timeoutsArb.map((t) => ({
  ...t,
  udp_timeout_stream: Math.max(t.udp_timeout, t.udp_timeout_stream),
}));

/** An independent reference in BigInt, written from the formula in the docs. */
function reference(t: Traffic, timeouts: Timeouts, kernel: KernelVersion): bigint {
  // d535c8a69c19, in 5.0 (docs/formulas.md).
  const twoSecondRule = kernel.major >= 5;
  const stream = twoSecondRule ? t.udpLifeMs > 2000 : t.udpLifeMs > 0;
  const udpKept = stream ? timeouts.udp_timeout_stream : timeouts.udp_timeout;
  // Thousandths of entries per second times milliseconds: entries in millionths.
  const tcp = BigInt(t.tcpCpsMilli) * (BigInt(t.tcpLifeMs) + 1000n * BigInt(timeouts.tcp_timeout_time_wait));
  const udp = BigInt(t.udpCpsMilli) * (BigInt(t.udpLifeMs) + 1000n * BigInt(udpKept));
  const scaled = (tcp + udp) * BigInt(100 + t.headroomPercent);
  const denominator = 100_000_000n;
  return scaled / denominator + (scaled % denominator === 0n ? 0n : 1n);
}

describe("computeTrafficSizing properties", () => {
  it("matches an exact BigInt reference, and clamps only above INT_MAX", () => {
    fc.assert(
      fc.property(trafficArb, timeoutsArb, kernelArb, (t, timeouts, kernel) => {
        const sizing = computeTrafficSizing(t, timeouts, kernel);
        const exact = reference(t, timeouts, kernel);
        expect(sizing.requiredMaxUnclamped).toBe(exact);
        expect(sizing.requiredMax).toBe(exact > BigInt(INT_MAX) ? INT_MAX : Number(exact));
        expect(sizing.warnings.length).toBe(exact > BigInt(INT_MAX) ? 1 : 0);
      }),
    );
  });

  it("matches the reference without precision loss for traffic below the clamp", () => {
    const small = fc.record({
      tcpCpsMilli: fc.integer({ min: 0, max: 10_000_000 }),
      tcpLifeMs: fc.integer({ min: 0, max: 1_000_000 }),
      udpCpsMilli: fc.integer({ min: 0, max: 10_000_000 }),
      udpLifeMs: fc.integer({ min: 0, max: 1_000_000 }),
      headroomPercent: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(small, kernelArb, (t, kernel) => {
        const timeouts = defaultTimeouts(kernel);
        const sizing = computeTrafficSizing(t, timeouts, kernel);
        const exact = reference(t, timeouts, kernel);
        if (exact <= BigInt(INT_MAX)) expect(BigInt(sizing.requiredMax)).toBe(exact);
      }),
    );
  });

  it("never NaN, never negative, every count a safe integer at most INT_MAX", () => {
    fc.assert(
      fc.property(trafficArb, timeoutsArb, kernelArb, (t, timeouts, kernel) => {
        const sizing = computeTrafficSizing(t, timeouts, kernel);
        for (const n of [sizing.total, sizing.requiredMax, sizing.tcp.entries, sizing.udp.entries]) {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(INT_MAX);
        }
        expect(sizing.requiredMax).toBeGreaterThanOrEqual(sizing.total);
      }),
    );
  });

  it("is monotonic in rates, lifetimes and headroom", () => {
    const bump = fc.integer({ min: 0, max: 1_000_000 });
    const field = fc.constantFrom<keyof Traffic>(
      "tcpCpsMilli",
      "tcpLifeMs",
      "udpCpsMilli",
      "udpLifeMs",
      "headroomPercent",
    );
    fc.assert(
      fc.property(trafficArb, orderedTimeoutsArb, kernelArb, field, bump, (t, timeouts, kernel, key, by) => {
        const more = { ...t, [key]: t[key] + by };
        const a = computeTrafficSizing(t, timeouts, kernel);
        const b = computeTrafficSizing(more, timeouts, kernel);
        expect(b.requiredMaxUnclamped >= a.requiredMaxUnclamped).toBe(true);
        expect(b.requiredMax).toBeGreaterThanOrEqual(a.requiredMax);
      }),
    );
  });
});

describe("traffic fields", () => {
  it.each([
    { key: "tcp_cps", text: "1000", value: 1_000_000 },
    { key: "tcp_cps", text: "1,000.5", value: 1_000_500 },
    { key: "tcp_cps", text: "0.001", value: 1 },
    { key: "tcp_cps", text: ".5", value: 500 },
    { key: "tcp_cps", text: "1.0000", value: 1_000 },
    { key: "tcp_cps", text: "2.50000", value: 2_500 },
    { key: "tcp_life", text: "1.000000 s", value: 1_000 },
    { key: "udp_cps", text: "5000/s", value: 5_000_000 },
    { key: "udp_cps", text: "1000000000", value: 1e12 },
    { key: "tcp_life", text: "30", value: 30_000 },
    { key: "tcp_life", text: "0", value: 0 },
    { key: "tcp_life", text: "300ms", value: 300 },
    { key: "tcp_life", text: "0.25", value: 250 },
    { key: "udp_life", text: "2.5 min", value: 150_000 },
    { key: "udp_life", text: "1h", value: 3_600_000 },
    { key: "udp_life", text: "1D", value: 86_400_000 },
    { key: "udp_life", text: "10000000", value: 1e10 },
    { key: "headroom", text: "20", value: 20 },
    { key: "headroom", text: "25 %", value: 25 },
    { key: "headroom", text: "1000", value: 1000 },
  ] as const)("$key accepts $text", ({ key, text, value }) => {
    expect(validateTrafficField(key, text)).toEqual({ ok: true, value });
  });

  it.each([
    { key: "tcp_cps", text: "", issue: { code: "empty" } },
    { key: "tcp_cps", text: "0.0001", issue: { code: "precision" } },
    { key: "tcp_cps", text: "1e3", issue: { code: "syntax" } },
    { key: "tcp_cps", text: "-1", issue: { code: "syntax" } },
    { key: "tcp_cps", text: "1000000000.001", issue: { code: "range" } },
    { key: "tcp_life", text: "0.5ms", issue: { code: "precision" } },
    { key: "tcp_life", text: "1.0005", issue: { code: "precision" } },
    { key: "tcp_life", text: "10000001", issue: { code: "range" } },
    { key: "tcp_life", text: "3 weeks", issue: { code: "unit", unit: "weeks" } },
    { key: "tcp_life", text: "5 constructor", issue: { code: "unit", unit: "constructor" } },
    { key: "tcp_life", text: "abc", issue: { code: "syntax" } },
    { key: "headroom", text: "1001", issue: { code: "range" } },
    { key: "headroom", text: "99999999999", issue: { code: "range" } },
    { key: "headroom", text: "2.5", issue: { code: "precision" } },
    { key: "headroom", text: "lots", issue: { code: "syntax" } },
  ] as const)("$key refuses $text", ({ key, text, issue }) => {
    expect(validateTrafficField(key, text)).toEqual({ ok: false, issue });
  });

  it("refuses 100,000-character hostile input with the right message", () => {
    expect(validateTrafficField("tcp_life", `${"1".repeat(100_000)}!`)).toEqual({
      ok: false,
      issue: { code: "syntax" },
    });
    expect(validateTrafficField("tcp_cps", "9".repeat(100_000))).toEqual({
      ok: false,
      issue: { code: "range" },
    });
    expect(validateTrafficField("udp_life", ` ${" ".repeat(100_000)}s`)).toEqual({
      ok: false,
      issue: { code: "syntax" },
    });
  });

  it("never throws on any string, and every accepted value is a safe integer in range", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRAFFIC_FIELD_KEYS), fc.string(), (key, text) => {
        const result = validateTrafficField(key, text);
        if (result.ok) {
          expect(Number.isSafeInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("round-trips rates and lifetimes written with 3 decimals", () => {
    fc.assert(
      fc.property(cpsArb, lifeArb, (milli, ms) => {
        const decimal = (n: number) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`;
        expect(validateTrafficField("tcp_cps", decimal(milli))).toEqual({ ok: true, value: milli });
        expect(validateTrafficField("udp_life", decimal(ms))).toEqual({ ok: true, value: ms });
      }),
    );
  });

  it("defaults are valid and mean no traffic", () => {
    expect(validateTraffic(DEFAULT_TRAFFIC_RAW)).toEqual({});
    const sizing = computeTrafficSizing(readTraffic(DEFAULT_TRAFFIC_RAW), defaultTimeouts(modern), modern);
    expect(sizing.dominant).toBe("none");
  });

  it("an invalid field falls back to its default alone", () => {
    const t = readTraffic({ ...DEFAULT_TRAFFIC_RAW, tcp_cps: "lots", udp_cps: "12" });
    expect(t.tcpCpsMilli).toBe(0);
    expect(t.udpCpsMilli).toBe(12_000);
  });
});

describe("verdicts", () => {
  it.each([
    { required: 80, limit: 100, verdict: "fits" },
    { required: 81, limit: 100, verdict: "tight" },
    { required: 100, limit: 100, verdict: "tight" },
    { required: 101, limit: 100, verdict: "does-not-fit" },
    { required: 180000, limit: 262144, verdict: "fits" },
    { required: 240000, limit: 262144, verdict: "tight" },
    { required: INT_MAX, limit: INT_MAX, verdict: "tight" },
    { required: 5, limit: 0, verdict: "fits" },
  ] as const)("$required against $limit: $verdict", ({ required, limit, verdict }) => {
    expect(trafficVerdict(required, limit)).toBe(verdict);
  });

  it("compares with the recommendation and with the kernel's default", () => {
    expect(compareTraffic(429000, 524288, 262144)).toEqual({
      recommended: { limit: 524288, verdict: "tight", share: 429000 / 524288 },
      kernelDefault: { limit: 262144, verdict: "does-not-fit", share: 429000 / 262144 },
    });
  });
});

describe("sizingForRequiredMax", () => {
  const inputs = readInputs(ARTICLE_RAW);

  it("is the calculator's sizing with that explicit max: 180000 on 64-bit, ratio 4, 352 B", () => {
    const sizing = sizingForRequiredMax(inputs, 180000);
    expect(sizing).toEqual(computeSizing({ ...inputs, max: 180000 }));
    // ceil(180000 / 4) = 45000 → 45056 buckets; 180000 × 352 + 45056 × 8.
    expect(sizing?.buckets).toBe(45056);
    expect(sizing?.memory.total).toBe(63720448);
    expect(sizing?.maxSource).toBe("explicit");
  });

  it.each([0, -1, 1.5, INT_MAX + 1, Number.NaN])("gives nothing for %s", (max) => {
    expect(sizingForRequiredMax(inputs, max)).toBeNull();
  });
});

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
