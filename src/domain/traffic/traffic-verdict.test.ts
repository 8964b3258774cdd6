import { describe, expect, it } from "vitest";
import { INT_MAX } from "../sizing/inputs";
import { compareTraffic, trafficVerdict } from "./traffic-verdict";

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
