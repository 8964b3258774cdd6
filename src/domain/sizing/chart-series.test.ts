import { describe, expect, it } from "vitest";
import { CHART_POINTS, computeChainSeries, computeMemorySeries, computeNiceTicks } from "./chart-series";
import { ARTICLE_PRESET, DEFAULT_RAW, readInputs, type RawInputs } from "./inputs";
import { computeSizing } from "./sizing";

/** The worked example's 4 entries per bucket and 352 bytes per entry, on the default page. */
const ARTICLE_RAW = { ...DEFAULT_RAW, ...ARTICLE_PRESET };

const setup = (raw: Partial<RawInputs>) => {
  const inputs = readInputs({ ...ARTICLE_RAW, ...raw });
  const sizing = computeSizing(inputs);
  return {
    inputs,
    sizing,
    memory: computeMemorySeries(sizing, inputs.struct, inputs.ram),
    chain: computeChainSeries(sizing),
  };
};

describe("computeMemorySeries", () => {
  it("runs from an empty table to twice nf_conntrack_max, hash table first", () => {
    const { memory, sizing } = setup({});
    expect(memory.xMax).toBe(1048576);
    expect(memory.points[0]).toEqual({ connections: 0, entries: 0, total: 1048576 });
    expect(memory.points.at(-1)).toEqual({
      connections: 1048576,
      entries: 1048576 * 352,
      total: 1048576 * 352 + 1048576,
    });
    expect(memory.yMax).toBe(1048576 * 352 + 1048576);
    expect(memory.maxMarker).toEqual({
      connections: 524288,
      entries: 524288 * 352,
      total: sizing.memory.total,
    });
  });

  it("has CHART_POINTS + 1 ascending whole-number points that include max exactly", () => {
    const { memory } = setup({ ram: "787752 MiB" });
    const xs = memory.points.map((p) => p.connections);
    expect(xs).toContain(25208064);
    expect(xs.every((x, i) => Number.isSafeInteger(x) && (i === 0 || x > (xs[i - 1] ?? -1)))).toBe(true);
    expect(memory.points.length).toBe(CHART_POINTS + 1);
  });

  it("adds max as an extra point when the steps miss it", () => {
    // max 5 → xMax 10: the steps round to 0, 0, 0, 1, … so max must be added and duplicates dropped.
    const { memory } = setup({ max: "5" });
    const xs = memory.points.map((p) => p.connections);
    expect(xs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("marks the shares of RAM that fall in range", () => {
    // 16 GiB, default sizing: yMax ≈ 353 MiB = 2.15 % of RAM → only the 1 % line is in range.
    expect(setup({}).memory.ramMarkers).toEqual([{ share: 0.01, bytes: Math.round(17179869184 * 0.01) }]);
    // An explicit max of 50 M entries at 16 GiB reaches past 25 % of RAM.
    expect(setup({ max: "50000000" }).memory.ramMarkers.map((m) => m.share)).toEqual([0.01, 0.05, 0.1, 0.25]);
  });

  it("stays exact for the largest tables", () => {
    const { memory } = setup({ ram: "4096T", struct: "8192" });
    for (const p of memory.points) {
      expect(Number.isSafeInteger(p.total)).toBe(true);
      expect(p.total - p.entries).toBe(268434944 * 8);
    }
  });

  it("uses 4-byte heads on 32-bit", () => {
    const { memory } = setup({ arch: "32", ram: "1G" });
    expect(memory.points[0]?.total).toBe(16384 * 4);
  });
});

describe("computeChainSeries", () => {
  it("reaches 8 at a full table with 4 entries per bucket, and 2 with the kernel's 1", () => {
    expect(setup({}).chain.atMax).toEqual({ connections: 524288, chainLength: 8 });
    expect(setup({ ratio: "1" }).chain.atMax.chainLength).toBe(2);
  });

  it("grows linearly from 0 to twice the full-table length", () => {
    const { chain } = setup({});
    expect(chain.points[0]?.chainLength).toBe(0);
    expect(chain.points.at(-1)?.chainLength).toBe(16);
  });

  it("reflects page rounding: a tiny table has shorter chains than the ratio says", () => {
    // 1 MiB: max 32, 8 buckets asked, 512 allocated.
    expect(setup({ ram: "1M" }).chain.atMax.chainLength).toBe(0.125);
  });
});

describe("computeNiceTicks", () => {
  const MiB = 1024 * 1024;
  const GiB = 1024 * MiB;
  it.each([
    { max: 370147328, kind: "binary", cover: true, ticks: [0, 100, 200, 300, 400].map((n) => n * MiB) },
    { max: 8923656192, kind: "binary", cover: true, ticks: [0, 2.5, 5, 7.5, 10].map((n) => n * GiB) },
    { max: 1048576, kind: "decimal", cover: false, ticks: [0, 250000, 500000, 750000, 1000000] },
    { max: 50416128, kind: "decimal", cover: false, ticks: [0, 1e7, 2e7, 3e7, 4e7, 5e7] },
    { max: 16, kind: "decimal", cover: true, ticks: [0, 5, 10, 15, 20] },
    { max: 10, kind: "decimal", cover: false, ticks: [0, 2.5, 5, 7.5, 10] },
  ] as const)("$max ($kind)", ({ max, kind, cover, ticks }) => {
    expect(computeNiceTicks(max, kind, 4, cover)).toEqual(ticks);
  });

  it("gives one tick for an empty range", () => {
    expect(computeNiceTicks(0, "binary")).toEqual([0]);
  });
});
