import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, INT_MAX, readInputs, type Inputs } from "./inputs";
import { bucketStep } from "../kernel/table-geometry";
import { v } from "../kernel/kernel-version";
import { computeSizing, largestBucketCount, ramBytesPerEntry, ramEntriesPerMiB } from "./sizing";
import { bytes, GiB, MiB, TiB } from "../core/units";
import { HOST_ROLES } from "./role";

/** The worked example's 4 entries per bucket and 352 bytes per entry, on the default page. */
const ARTICLE_RAW = { ...DEFAULT_RAW, ...ARTICLE_PRESET };

const base = readInputs(ARTICLE_RAW);
const inputs = (overrides: Partial<Inputs>): Inputs => ({ ...base, ...overrides });
const ratio = (numerator: number, denominator = 1) => ({ numerator, denominator });

describe("ramEntriesPerMiB", () => {
  // docs/formulas.md section 1: RAM in MiB × 32 on 64-bit, × 64 on 32-bit.
  it.each([
    { arch: 64, perMiB: 32 },
    { arch: 32, perMiB: 64 },
  ] as const)("is $perMiB on $arch-bit, the same rule as RAM / ramBytesPerEntry()", ({ arch, perMiB }) => {
    expect(ramEntriesPerMiB(arch)).toBe(perMiB);
    expect(ramEntriesPerMiB(arch) * ramBytesPerEntry(arch)).toBe(MiB);
  });
});

describe("computeSizing golden values", () => {
  // Each row computed by hand (BigInt, independent of this code) from the rules of docs/formulas.md sections 1 to 3.
  it.each([
    {
      name: "the article's worked example: 787752 MiB, 64-bit, ratio 4, 352 B",
      given: inputs({ ram: bytes(787752 * MiB), arch: 64, ratio: ratio(4), struct: bytes(352) }),
      max: 25208064,
      requested: 6302016,
      buckets: 6302208,
      total: 8923656192,
    },
    {
      name: "defaults: 16 GiB, 64-bit",
      given: base,
      max: 524288,
      requested: 131072,
      buckets: 131072,
      total: 185597952,
    },
    {
      name: "32-bit, 4 GiB: RAM in MiB × 64, step 1024",
      given: inputs({ ram: bytes(4 * GiB), arch: 32 }),
      max: 262144,
      requested: 65536,
      buckets: 65536,
      total: 92536832,
    },
    {
      name: "32-bit, 1000 MiB: buckets rounded up to a multiple of 1024",
      given: inputs({ ram: bytes(1000 * MiB), arch: 32 }),
      max: 64000,
      requested: 16000,
      buckets: 16384,
      total: 22593536,
    },
    {
      name: "64 TiB, 64-bit: max clamped to INT_MAX, buckets to the largest table",
      given: inputs({ ram: bytes(64 * TiB) }),
      max: INT_MAX,
      requested: 536870912,
      buckets: 268434944,
      total: 758061723296,
    },
    {
      name: "64 TiB, 32-bit: the 32-bit table limit",
      given: inputs({ ram: bytes(64 * TiB), arch: 32 }),
      max: INT_MAX,
      requested: 536870912,
      buckets: 536869888,
      total: 758061723296,
    },
    {
      name: "ratio 0.5: twice as many buckets as entries",
      given: inputs({ ratio: ratio(5, 10) }),
      max: 524288,
      requested: 1048576,
      buckets: 1048576,
      total: 192937984,
    },
    {
      name: "ratio 1.5: ceil(524288 / 1.5) = 349526, rounded to 349696",
      given: inputs({ ratio: ratio(15, 10) }),
      max: 524288,
      requested: 349526,
      buckets: 349696,
      total: 187346944,
    },
    {
      name: "ratio 0.125, the smallest accepted",
      given: inputs({ ratio: ratio(125, 1000) }),
      max: 524288,
      requested: 4194304,
      buckets: 4194304,
      total: 218103808,
    },
    {
      name: "explicit max 1,000,000 overrides RAM",
      given: inputs({ max: 1000000 }),
      max: 1000000,
      requested: 250000,
      buckets: 250368,
      total: 354002944,
    },
    {
      name: "1 MiB, the smallest RAM: one page of buckets",
      given: inputs({ ram: bytes(MiB) }),
      max: 32,
      requested: 8,
      buckets: 512,
      total: 15360,
    },
  ])("$name", ({ given, max, requested, buckets, total }) => {
    const sizing = computeSizing(given);
    expect(sizing.max).toBe(max);
    expect(sizing.bucketsRequested).toBe(requested);
    expect(sizing.buckets).toBe(buckets);
    expect(sizing.memory.total).toBe(total);
  });

  it("follows an old kernel's two-pointer heads and unrounded tables (before 2.6.23)", () => {
    const sizing = computeSizing(
      inputs({ ram: bytes(1000 * MiB), kernel: { major: 2, minor: 6, patch: 18 } }),
    );
    expect(sizing.bucketsRequested).toBe(8000);
    expect(sizing.buckets).toBe(8000);
    expect(sizing.bucketStep).toBe(1);
    expect(sizing.headBytes).toBe(16);
    expect(sizing.memory.total).toBe(32000 * 352 + 8000 * 16);
  });

  it("splits the article's memory into entries and hash table", () => {
    const sizing = computeSizing(inputs({ ram: bytes(787752 * MiB) }));
    expect(sizing.memory.entries).toBe(25208064 * 352);
    expect(sizing.memory.hashTable).toBe(6302208 * 8);
    expect(sizing.memory.total / GiB).toBeCloseTo(8.31, 2);
    expect(sizing.maxSource).toBe("ram");
  });
});

describe("computeSizing warnings", () => {
  const codes = (given: Inputs) => computeSizing(given).warnings.map((warning) => warning.code);

  it("has none for the defaults", () => {
    expect(codes(base)).toEqual([]);
  });

  it("reports both clamps for 64 TiB", () => {
    const sizing = computeSizing(inputs({ ram: bytes(64 * TiB) }));
    expect(sizing.warnings).toContainEqual({ code: "max-clamped", concerns: "max", unclamped: 2147483648 });
    expect(sizing.warnings).toContainEqual({
      code: "buckets-clamped",
      concerns: "buckets",
      unclamped: 536870912,
    });
  });

  it("warns about low memory on a 32-bit 16 GiB machine, not on 4 GiB", () => {
    const large = computeSizing(inputs({ ram: bytes(16 * GiB), arch: 32 }));
    expect(large.lowmemShare).toBeCloseTo(370147328 / (896 * MiB), 10);
    expect(large.warnings.map((w) => w.code)).toContain("lowmem-large");
    expect(codes(inputs({ ram: bytes(4 * GiB), arch: 32 }))).not.toContain("lowmem-large");
  });

  it("has no low-memory share on 64-bit", () => {
    expect(computeSizing(base).lowmemShare).toBeNull();
  });

  it("warns when an explicit max takes a large share of RAM", () => {
    expect(codes(inputs({ max: 10_000_000 }))).toContain("ram-share-large");
  });

  it("warns about long chains above 8 entries per bucket, not at 8", () => {
    expect(codes(inputs({ ratio: ratio(8) }))).not.toContain("long-chains");
    expect(codes(inputs({ ratio: ratio(16) }))).toContain("long-chains");
  });

  it("warns that 32-bit kernels cannot use more than 64 GiB", () => {
    expect(codes(inputs({ ram: bytes(128 * GiB), arch: 32 }))).toContain("ram-beyond-pae");
    expect(codes(inputs({ ram: bytes(64 * GiB), arch: 32 }))).not.toContain("ram-beyond-pae");
  });

  it("computes the chain length at a full table from the allocated buckets", () => {
    expect(computeSizing(base).chainLengthAtFull).toBe(8);
    expect(computeSizing(inputs({ ratio: ratio(1) })).chainLengthAtFull).toBe(2);
  });
});

describe("kernel table limits", () => {
  it("rounds to whole 4 KiB pages of bucket heads", () => {
    expect(bucketStep(bytes(8), bytes(4096))).toBe(512);
    expect(bucketStep(bytes(4), bytes(4096))).toBe(1024);
  });
  it("rounds to 2048 and 8192 buckets with 16 and 64 KiB pages", () => {
    expect(bucketStep(bytes(8), bytes(16384))).toBe(2048);
    expect(bucketStep(bytes(8), bytes(65536))).toBe(8192);
    const sizing = computeSizing(inputs({ page: bytes(65536) }));
    expect(sizing.buckets).toBe(131072);
    expect(computeSizing(inputs({ page: bytes(65536), ram: bytes(GiB) })).buckets).toBe(8192);
  });
  it("caps the table below INT_MAX bytes (b541ba7d1f5a)", () => {
    expect(largestBucketCount(bytes(8), 512)).toBe(268434944);
    expect(largestBucketCount(bytes(4), 1024)).toBe(536869888);
  });
});

const arbitraryInputs = fc.record({
  ram: fc.integer({ min: MiB, max: 4 * 1024 * TiB }).map(bytes),
  arch: fc.constantFrom(32 as const, 64 as const),
  ratio: fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 64_000_000 }))
    .map(([decimals, numerator]) => ({ numerator, denominator: 10 ** decimals }))
    .filter((r) => r.numerator * 8 >= r.denominator && r.numerator <= 64 * r.denominator),
  struct: fc.integer({ min: 64, max: 8192 }).map(bytes),
  max: fc.option(fc.integer({ min: 1, max: INT_MAX }), { nil: null }),
  kernel: fc.constant(base.kernel),
  page: fc.constantFrom(4096, 16384, 65536).map(bytes),
  role: fc.constantFrom(...HOST_ROLES),
});

describe("computeSizing properties", () => {
  it("gives finite, exact, in-range numbers", () => {
    fc.assert(
      fc.property(arbitraryInputs, (given) => {
        const s = computeSizing(given);
        for (const n of [
          s.max,
          s.bucketsRequested,
          s.buckets,
          s.memory.total,
          s.memory.entries,
          s.memory.hashTable,
        ]) {
          expect(Number.isSafeInteger(n)).toBe(true);
        }
        expect(Number.isFinite(s.ramShare)).toBe(true);
        expect(Number.isFinite(s.chainLengthAtFull)).toBe(true);
        expect(s.max).toBeGreaterThanOrEqual(1);
        expect(s.max).toBeLessThanOrEqual(INT_MAX);
        expect(s.buckets).toBeGreaterThan(0);
        expect(s.buckets).toBeLessThanOrEqual(largestBucketCount(s.headBytes, s.bucketStep));
      }),
    );
  });

  it("rounds buckets to a multiple of the page step, never below what was asked unless clamped", () => {
    fc.assert(
      fc.property(arbitraryInputs, (given) => {
        const s = computeSizing(given);
        expect(s.buckets % s.bucketStep).toBe(0);
        const clamped = s.warnings.some((w) => w.code === "buckets-clamped");
        if (!clamped) {
          expect(s.buckets).toBeGreaterThanOrEqual(s.bucketsRequested);
          expect(s.buckets - s.bucketsRequested).toBeLessThan(s.bucketStep);
        }
      }),
    );
  });

  it("asks for exactly ceil(max / ratio) buckets", () => {
    fc.assert(
      fc.property(arbitraryInputs, (given) => {
        const s = computeSizing(given);
        const exact =
          (BigInt(s.max) * BigInt(given.ratio.denominator) + BigInt(given.ratio.numerator) - 1n) /
          BigInt(given.ratio.numerator);
        expect(BigInt(s.bucketsRequested)).toBe(exact);
      }),
    );
  });

  it("costs exactly max × bytes per entry + buckets × pointer size", () => {
    fc.assert(
      fc.property(arbitraryInputs, (given) => {
        const s = computeSizing(given);
        expect(s.memory.total).toBe(s.max * given.struct + s.buckets * (given.arch / 8));
      }),
    );
  });

  it("never lowers max, buckets or memory when RAM grows", () => {
    fc.assert(
      fc.property(arbitraryInputs, fc.integer({ min: 0, max: 1024 * TiB }), (given, extra) => {
        const bigger = { ...given, max: null, ram: bytes(Math.min(given.ram + extra, 4 * 1024 * TiB)) };
        const smaller = computeSizing({ ...given, max: null });
        const larger = computeSizing(bigger);
        expect(larger.max).toBeGreaterThanOrEqual(smaller.max);
        expect(larger.buckets).toBeGreaterThanOrEqual(smaller.buckets);
        expect(larger.memory.total).toBeGreaterThanOrEqual(smaller.memory.total);
      }),
    );
  });
});

describe("computeSizing's hashTableFootprint", () => {
  it("follows the chosen kernel: the worked example's table is a range on 6.12, page-exact on 5.10", () => {
    // 6302208 heads x 8 B = 50,417,664 B, up to 25 x 2 MiB = 52,428,800 B (hash-table-footprint.ts).
    const ram = bytes(787752 * MiB);
    expect(computeSizing(inputs({ ram })).hashTableFootprint).toMatchObject({
      bytes: 50417664,
      upToBytes: 52428800,
    });
    expect(computeSizing(inputs({ ram, kernel: v(5, 10) })).hashTableFootprint).toMatchObject({
      bytes: 50417664,
      upToBytes: 50417664,
    });
  });
});
