import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAnswer, fieldsBehind } from "./answer";
import { DEFAULT_RAW, readInputs } from "./inputs";
import { computeTrafficSizing } from "../traffic/traffic-sizing";
import { defaultTimeouts } from "../kernel/timeouts";
import { v } from "../kernel/kernel-version";
import { trafficVerdict } from "../traffic/traffic-verdict";

const inputs = readInputs(DEFAULT_RAW);
const modern = v(6, 12);
/** 1000 TCP/s open 30 s and 5000 DNS/s: 300,000 entries, 360,000 with 20 % headroom. */
const traffic = computeTrafficSizing(
  { tcpCpsMilli: 1_000_000, tcpLifeMs: 30_000, udpCpsMilli: 5_000_000, udpLifeMs: 0, headroomPercent: 20 },
  defaultTimeouts(modern),
  modern,
);
const none = computeTrafficSizing(
  { tcpCpsMilli: 0, tcpLifeMs: 10_000, udpCpsMilli: 0, udpLifeMs: 0, headroomPercent: 20 },
  defaultTimeouts(modern),
  modern,
);

describe("computeAnswer", () => {
  it.each([
    { way: "ram", given: null, basis: "ram", max: 524288, noTraffic: false },
    { way: "traffic", given: traffic, basis: "traffic", max: 360000, noTraffic: false },
    { way: "traffic", given: none, basis: "ram", max: 524288, noTraffic: true },
    { way: "paste", given: null, basis: "ram", max: 524288, noTraffic: false },
  ] as const)("from $way: $basis, max $max", ({ way, given, basis, max, noTraffic }) => {
    const answer = computeAnswer({ inputs, way, traffic: given, kernelMax: 262144 });
    expect(answer).toMatchObject({
      way,
      basis,
      noTraffic,
      reference: { ramRuleMax: 524288, kernelMax: 262144 },
    });
    expect(answer.sizing.max).toBe(max);
  });

  it("sizes buckets and memory from the traffic's need as from any max", () => {
    const answer = computeAnswer({ inputs, way: "traffic", traffic, kernelMax: 262144 });
    // 360,000 buckets at 1 per bucket, rounded up to a multiple of 512: 360,448.
    expect(answer.sizing.buckets).toBe(360448);
    expect(answer.sizing.memory.total).toBe(360000 * 256 + 360448 * 8);
    expect(answer.sizing.maxSource).toBe("traffic");
  });

  it("lets the reader's own max win in every way", () => {
    for (const way of ["ram", "traffic", "paste"] as const) {
      const answer = computeAnswer({ inputs: { ...inputs, max: 20000 }, way, traffic, kernelMax: 262144 });
      expect(answer.basis).toBe("explicit");
      expect(answer.sizing.max).toBe(20000);
    }
  });

  it("never lets its own traffic verdict call the traffic's answer too small", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (cpsMilli, headroomPercent) => {
          const need = computeTrafficSizing(
            { tcpCpsMilli: cpsMilli, tcpLifeMs: 1000, udpCpsMilli: 0, udpLifeMs: 0, headroomPercent },
            defaultTimeouts(modern),
            modern,
          );
          const answer = computeAnswer({ inputs, way: "traffic", traffic: need, kernelMax: 262144 });
          expect(trafficVerdict(need, answer.sizing.max)).toBe("fits");
        },
      ),
    );
  });
});

describe("fieldsBehind", () => {
  it("adds the traffic and the timeouts to the answer only when the traffic decides it", () => {
    expect(fieldsBehind("ram", "answer")).toEqual(["way", "sizing"]);
    expect(fieldsBehind("traffic", "answer")).toEqual(["way", "sizing", "traffic", "timeouts"]);
    expect(fieldsBehind("ram", "config")).toEqual(["way", "sizing", "timeouts", "kube"]);
    expect(fieldsBehind("paste", "targets")).toEqual(["way", "sizing", "timeouts", "kube", "alerts"]);
  });
});
