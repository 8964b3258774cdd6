import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, readInputs, type RawInputs } from "../sizing/inputs";
import { explainDifferences, kernelWarns, uncertainBoundaries } from "./kernel-compare";
import { defaultEntryBytes } from "./entry-size";
import { kernelRules } from "./kernel-defaults";
import { computeKernelDefault } from "./kernel-defaults";
import { v } from "./kernel-version";
import { computeSizing } from "../sizing/sizing";

/** The worked example's 4 entries per bucket and 352 bytes per entry, on the default page. */
const ARTICLE_RAW = { ...DEFAULT_RAW, ...ARTICLE_PRESET };

const codes = (raw: Partial<RawInputs>) => {
  const inputs = readInputs({ ...ARTICLE_RAW, ...raw });
  return explainDifferences(inputs, computeSizing(inputs), computeKernelDefault(inputs)).map((d) => d.code);
};

describe("explainDifferences", () => {
  it("warns that the article's ratio shrinks a modern kernel's 262144-bucket table", () => {
    const inputs = readInputs(ARTICLE_RAW);
    const differences = explainDifferences(inputs, computeSizing(inputs), computeKernelDefault(inputs));
    expect(differences).toContainEqual({ code: "shrinks-table", kernelBuckets: 262144, buckets: 131072 });
    expect(differences).toContainEqual({ code: "raises-max", kernelMax: 262144, max: 524288 });
    expect(differences).toContainEqual({ code: "kernel-capped", capBuckets: 262144, aboveGiB: 4 });
    expect(differences).toContainEqual({ code: "ratio-differs", kernelRatio: 1 });
    expect(differences).toContainEqual({ code: "hashsize-factor-8", buckets: 131072, impliedMax: 1048576 });
  });

  it("finds nothing to change when the inputs reproduce the kernel's own rule", () => {
    // 6.x, 512 MiB, ratio 1, explicit max = the kernel's 4096: the same table.
    expect(codes({ ram: "512M", ratio: "1", max: "4096" })).toContain("same-as-kernel");
  });

  it('explains the "4 GB" VM', () => {
    expect(codes({ ram: "4015148 kB", kernel: "6.8" })).toContain("four-gb-vm");
    expect(codes({ ram: "8 GiB", kernel: "6.8" })).not.toContain("four-gb-vm");
    // No 4 GiB threshold before 3.19.
    expect(codes({ ram: "4015148 kB", kernel: "3.10" })).not.toContain("four-gb-vm");
    // No 4 GiB threshold in 3.19 either: the 65536 cap is new in 4.0 (E3).
    expect(codes({ ram: "4015148 kB", kernel: "3.19" })).not.toContain("four-gb-vm");
    expect(codes({ ram: "4015148 kB", kernel: "4.0" })).toContain("four-gb-vm");
  });

  it("says 32-bit never gets 262144 on 5.15 and later", () => {
    expect(codes({ ram: "16G", arch: "32", kernel: "6.1" })).toContain("no-262144-on-32-bit");
    expect(codes({ ram: "16G", arch: "64", kernel: "6.1" })).not.toContain("no-262144-on-32-bit");
  });

  it("names what matters about old kernels", () => {
    expect(codes({ kernel: "4.4" })).toEqual(
      expect.arrayContaining(["table-per-namespace", "buckets-sysctl-read-only"]),
    );
    expect(codes({ kernel: "4.9" })).not.toContain("table-per-namespace");
    expect(codes({ kernel: "2.6.18" })).toEqual(
      expect.arrayContaining(["ip-conntrack", "list-head", "num-physpages"]),
    );
    expect(codes({ ram: "990M", kernel: "4.4" })).toContain("max-from-unrounded");
    expect(codes({ kernel: "6.12", ram: "64M" })).toContain("kernel-floor");
  });
});

describe("kernelWarns (whether the kernel's section opens by itself)", () => {
  it.each([
    { raw: { ram: "16G", ratio: "4", kernel: "6.12" }, warns: true, why: "the ratio shrinks the table" },
    { raw: { ram: "16G", ratio: "1", kernel: "7.3" }, warns: false, why: "a bigger table, all checked" },
    { raw: { ram: "16G", ratio: "1", kernel: "7.4" }, warns: true, why: "newer than checked" },
    { raw: { ram: "16G", ratio: "1", kernel: "2.6.18" }, warns: true, why: "ip_conntrack or nf_conntrack" },
  ])("$raw.kernel, ratio $raw.ratio: $warns ($why)", ({ raw, warns }) => {
    const inputs = readInputs({ ...ARTICLE_RAW, ...raw });
    expect(kernelWarns(inputs, computeSizing(inputs), computeKernelDefault(inputs))).toBe(warns);
  });
});

describe("uncertainBoundaries", () => {
  it.each([
    [v(6, 12), []],
    // Every boundary of the corrections in docs/kernel-facts.md is now read in the source; only the module a 2.6.15 to
    // 2.6.21 build used depends on its configuration (both were in the tree until 587aa64163b, v2.6.22).
    [v(5, 14), []],
    [v(3, 19), []],
    [v(3, 10), []],
    [v(4, 7), []],
    [v(4, 15), []],
    [v(2, 6, 23), []],
    [v(2, 6, 14), []],
    [v(2, 6, 15), ["ip-or-nf-conntrack"]],
    [v(2, 6, 18), ["ip-or-nf-conntrack"]],
    [v(2, 6, 22), []],
    // NEWEST_KERNEL is 7.3 (read in Debian's 7.3.4 source): 7.3.x is checked, 7.4 on is not.
    [v(7, 3, 4), []],
    [v(7, 4), ["newer-than-checked"]],
    [v(8, 0), ["newer-than-checked"]],
  ])("%j → %j", (version, expected) => {
    expect(uncertainBoundaries(version)).toEqual(expected);
  });
});

describe("newer kernels, to 7.3", () => {
  it.each([
    // 2b749f257645 is in the net-next-6.19 pull: 6.18 accepts 0 (no limit), 6.19 refuses it.
    [v(6, 12), true],
    [v(6, 18), true],
    [v(6, 19), false],
    [v(7, 3), false],
  ])("nf_conntrack_max = 0 means no limit on %j: %s", (version, accepted) => {
    expect(kernelRules(version).maxZeroMeansNoLimit).toBe(accepted);
    expect(codes({ kernel: `${version.major}.${version.minor}` }).includes("max-zero-refused")).toBe(
      !accepted,
    );
  });

  it.each([
    // x86-64 from 5.18 (9becb6889130, fac54e2bfb5b), arm64 from 6.1 (e92072237e6c); the worked
    // example's 50,417,664-byte table may take 25 x 2 MiB = 52,428,800 B.
    { kernel: "6.12", hugeOn: ["x86-64", "arm64"] },
    { kernel: "6.1", hugeOn: ["x86-64", "arm64"] },
    { kernel: "6.0", hugeOn: ["x86-64"] },
    { kernel: "5.18", hugeOn: ["x86-64"] },
    { kernel: "5.17", hugeOn: null },
  ])("the worked example on $kernel: the table's range names $hugeOn", ({ kernel, hugeOn }) => {
    const inputs = readInputs({ ...ARTICLE_RAW, ram: "787752M", kernel });
    const differences = explainDifferences(inputs, computeSizing(inputs), computeKernelDefault(inputs));
    const huge = differences.find((d) => d.code === "huge-vmalloc");
    if (hugeOn === null) expect(huge).toBeUndefined();
    else
      expect(huge).toEqual({
        code: "huge-vmalloc",
        tableBytes: 50417664,
        upToBytes: 52428800,
        hugePageBytes: 2097152,
        hugeOn,
      });
  });

  it("a table within the largest page block has no huge-page range (it already takes the block)", () => {
    expect(codes({ ram: "16G", kernel: "6.12" })).not.toContain("huge-vmalloc");
  });

  it("7.2 has its own measured entry size, 256 B", () => {
    expect(defaultEntryBytes(v(7, 2), 64)).toMatchObject({ bytes: 256, exact: true });
    expect(defaultEntryBytes(v(7, 3), 64)).toMatchObject({ bytes: 256, exact: false });
  });
});
