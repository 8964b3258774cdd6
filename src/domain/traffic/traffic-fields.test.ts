import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts } from "../kernel/timeouts";
import { computeTrafficSizing } from "./traffic-sizing";
import {
  DEFAULT_TRAFFIC_RAW,
  readTraffic,
  TRAFFIC_FIELD_KEYS,
  TRAFFIC_LIMITS,
  validateTrafficField,
} from "./traffic-fields";
import { DEFAULT_ALL_RAW, validateAllFields } from "../sizing/fields";

const modern = v(6, 12);
const cpsArb = fc.integer({ min: 0, max: TRAFFIC_LIMITS.cps.max * 1000 });
const lifeArb = fc.integer({ min: 0, max: TRAFFIC_LIMITS.lifeSeconds.max * 1000 });

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
    { key: "tcp_life", text: "3 weeks", issue: { code: "unit" } },
    { key: "tcp_life", text: "5 constructor", issue: { code: "unit" } },
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
    expect(validateAllFields({ ...DEFAULT_ALL_RAW, ...DEFAULT_TRAFFIC_RAW })).toEqual({});
    const sizing = computeTrafficSizing(readTraffic(DEFAULT_TRAFFIC_RAW), defaultTimeouts(modern), modern);
    expect(sizing.dominant).toBe("none");
  });

  it("an invalid field falls back to its default alone", () => {
    const t = readTraffic({ ...DEFAULT_TRAFFIC_RAW, tcp_cps: "lots", udp_cps: "12" });
    expect(t.tcpCpsMilli).toBe(0);
    expect(t.udpCpsMilli).toBe(12_000);
  });
});
