import { describe, expect, it } from "vitest";
import { INT_MAX } from "../sizing/inputs";
import { compareTraffic, trafficVerdict } from "./traffic-verdict";

describe("verdicts", () => {
  it.each([
    { total: 150000, required: 180000, limit: 180000, verdict: "fits" },
    { total: 150000, required: 180000, limit: 262144, verdict: "fits" },
    { total: 150000, required: 180000, limit: 179999, verdict: "tight" },
    { total: 150000, required: 180000, limit: 150000, verdict: "tight" },
    { total: 150000, required: 180000, limit: 149999, verdict: "does-not-fit" },
    { total: 100, required: 100, limit: 100, verdict: "fits" },
    { total: INT_MAX, required: INT_MAX, limit: INT_MAX, verdict: "fits" },
  ] as const)(
    "$total ($required with headroom) against $limit: $verdict",
    ({ total, required, limit, verdict }) => {
      expect(trafficVerdict({ total, requiredMax: required }, limit)).toBe(verdict);
    },
  );

  it("never judges the traffic's own need too small: the headroom is counted once", () => {
    for (const { total, required } of [
      { total: 1, required: 1 },
      { total: 150000, required: 180000 },
      { total: 357500, required: 429000 },
      { total: INT_MAX - 1, required: INT_MAX },
    ]) {
      expect(trafficVerdict({ total, requiredMax: required }, required)).toBe("fits");
    }
  });

  it("compares with the answer and with the kernel's default, the share being the steady state's", () => {
    expect(compareTraffic({ total: 357500, requiredMax: 429000 }, 524288, 262144)).toEqual({
      answer: { limit: 524288, verdict: "fits", share: 357500 / 524288 },
      kernelDefault: { limit: 262144, verdict: "does-not-fit", share: 357500 / 262144 },
    });
  });
});
