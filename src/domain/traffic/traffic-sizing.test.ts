import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, INT_MAX, readInputs } from "../sizing/inputs";
import { v, type KernelVersion } from "../kernel/kernel-version";
import { computeSizing } from "../sizing/sizing";
import { defaultTimeouts, TIMEOUT_KEYS, TIMEOUT_LIMITS, type Timeouts } from "../kernel/timeouts";
import { computeTrafficSizing, sizingForRequiredMax } from "./traffic-sizing";
import { TRAFFIC_LIMITS, type Traffic } from "./traffic-fields";

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
