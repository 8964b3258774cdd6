import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, readInputs, type RawInputs } from "../sizing/inputs";
import { explainDifferences, hugeVmallocBytes, uncertainBoundaries } from "./kernel-compare";
import { defaultEntryBytes } from "./entry-size";
import { kernelRules } from "./kernel-defaults";
import { bytes } from "../core/units";
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
    // The worked example's table: 6302208 × 8 = 50,417,664 B, up to 25 × 2 MiB = 52,428,800 B.
    { tableBytes: 50417664, kernel: v(6, 12), arch: 64 as const, page: 4096, upTo: 52428800 },
    { tableBytes: 50417664, kernel: v(5, 18), arch: 64 as const, page: 4096, upTo: 52428800 },
    // Before 9becb6889130 (5.18) kvmalloc's vmalloc fallback maps 4 KiB pages only.
    { tableBytes: 50417664, kernel: v(5, 17), arch: 64 as const, page: 4096, upTo: null },
    // 32-bit x86 does not select HAVE_ARCH_HUGE_VMALLOC.
    { tableBytes: 50417664, kernel: v(6, 12), arch: 32 as const, page: 4096, upTo: null },
    // Up to 4 MiB the kmalloc path's power-of-two block already bounds it; an exact multiple stays.
    { tableBytes: 2097152, kernel: v(6, 12), arch: 64 as const, page: 4096, upTo: null },
    { tableBytes: 3 * 1048576, kernel: v(6, 12), arch: 64 as const, page: 4096, upTo: null },
    { tableBytes: 8388608, kernel: v(6, 12), arch: 64 as const, page: 4096, upTo: null },
    { tableBytes: 8392704, kernel: v(6, 12), arch: 64 as const, page: 4096, upTo: 10485760 },
    // Other page sizes have other PMD sizes: not modelled.
    { tableBytes: 50417664, kernel: v(6, 12), arch: 64 as const, page: 65536, upTo: null },
  ])("hugeVmallocBytes($tableBytes, $kernel.major.$kernel.minor, $arch-bit, $page) = $upTo", (row) => {
    expect(
      hugeVmallocBytes(row.tableBytes, { kernel: row.kernel, arch: row.arch, page: bytes(row.page) }),
    ).toBe(row.upTo);
  });

  it("the worked example on 6.12 says its table may take 52,428,800 B", () => {
    const inputs = readInputs({ ...ARTICLE_RAW, ram: "787752M" });
    const differences = explainDifferences(inputs, computeSizing(inputs), computeKernelDefault(inputs));
    expect(differences).toContainEqual({ code: "huge-vmalloc", tableBytes: 50417664, upToBytes: 52428800 });
  });

  it("7.2 has its own measured entry size, 256 B", () => {
    expect(defaultEntryBytes(v(7, 2), 64)).toMatchObject({ bytes: 256, exact: true });
    expect(defaultEntryBytes(v(7, 3), 64)).toMatchObject({ bytes: 256, exact: false });
  });
});
