import { describe, expect, it } from "vitest";
import fixtureJson from "../../../fixtures/kernel-lab.json";
import { bytes, MiB } from "../core/units";
import type { Arch } from "../sizing/inputs";
import { computeHashTableFootprint } from "./hash-table-footprint";
import { tryParseKernelVersion, v, type KernelVersion } from "./kernel-version";

const at = (kernel: KernelVersion, arch: Arch = 64, page = 4096) => ({ kernel, arch, page: bytes(page) });

describe("computeHashTableFootprint", () => {
  it.each([
    // hashsize=100000 on 64-bit: 100352 heads x 8 B = 802,816 B, an order-8 block of 1 MiB (4.6.2, 4.18).
    { table: 802816, page: 4096, via: "pages", least: 1048576, most: 1048576 },
    { table: 4096, page: 4096, via: "pages", least: 4096, most: 4096 },
    // hashsize=300000: 300032 x 8 = 2,400,256 B, one 4 MiB block (the lab's boots list no vmalloc area).
    { table: 2400256, page: 4096, via: "pages", least: 4 * MiB, most: 4 * MiB },
    { table: 4 * MiB, page: 4096, via: "pages", least: 4 * MiB, most: 4 * MiB },
    // hashsize=700000: 700416 x 8 = 5,603,328 B, vmalloc, 6 MiB with 2 MiB pages (measured on 6.12).
    { table: 5603328, page: 4096, via: "vmalloc", least: 5603328, most: 6 * MiB },
    // The worked example: 6302208 x 8 = 50,417,664 B, up to 25 x 2 MiB = 52,428,800 B.
    { table: 50417664, page: 4096, via: "vmalloc", least: 50417664, most: 52428800 },
    // A whole number of 2 MiB pages is not rounded.
    { table: 8 * MiB, page: 4096, via: "vmalloc", least: 8 * MiB, most: 8 * MiB },
    // 16 KiB pages: blocks up to 32 MiB (hashsize=700000 lists no vmalloc area there), PMD 32 MiB.
    { table: 5603328, page: 16384, via: "pages", least: 8 * MiB, most: 8 * MiB },
    // hashsize=5000000: 5001216 x 8 = 40,009,728 B, measured as a 64 MiB area on 6.12 arm64-16k.
    { table: 40009728, page: 16384, via: "vmalloc", least: 40009728, most: 64 * MiB },
  ])("$table B with $page-byte pages on 6.12: $via, $least to $most B", (row) => {
    expect(computeHashTableFootprint(bytes(row.table), at(v(6, 12), 64, row.page))).toMatchObject({
      via: row.via,
      bytes: row.least,
      upToBytes: row.most,
    });
  });

  it.each([
    // kvmalloc() passes VM_ALLOW_HUGE_VMAP from 5.18 (9becb6889130); x86-64 selects
    // HAVE_ARCH_HUGE_VMALLOC from 5.18 (fac54e2bfb5b), arm64 from 6.1 (e92072237e6c).
    { kernel: v(5, 17), arch: 64 as const, page: 4096, hugeOn: [] },
    { kernel: v(5, 18), arch: 64 as const, page: 4096, hugeOn: ["x86-64"] },
    { kernel: v(6, 0), arch: 64 as const, page: 4096, hugeOn: ["x86-64"] },
    { kernel: v(6, 1), arch: 64 as const, page: 4096, hugeOn: ["x86-64", "arm64"] },
    { kernel: v(7, 3), arch: 64 as const, page: 4096, hugeOn: ["x86-64", "arm64"] },
    // 16 KiB pages are arm64's only.
    { kernel: v(6, 0), arch: 64 as const, page: 16384, hugeOn: [] },
    { kernel: v(6, 12), arch: 64 as const, page: 16384, hugeOn: ["arm64"] },
    // 32-bit x86 selects it only `if X86_64`; 32-bit ARM never.
    { kernel: v(6, 12), arch: 32 as const, page: 4096, hugeOn: [] },
  ])("$kernel.major.$kernel.minor, $arch-bit, $page-byte pages: huge pages on $hugeOn", (row) => {
    const table = bytes(row.page === 4096 ? 50417664 : 40009728);
    const footprint = computeHashTableFootprint(table, at(row.kernel, row.arch, row.page));
    expect(footprint?.hugeOn).toEqual(row.hugeOn);
    expect(footprint?.upToBytes === footprint?.bytes).toBe(row.hugeOn.length === 0);
  });

  it("does not guess for 64 KiB pages (arm64 and ppc64le differ there)", () => {
    expect(computeHashTableFootprint(bytes(802816), at(v(6, 12), 64, 65536))).toBeNull();
  });
});

interface VmallocArea {
  readonly sizeBytes: number;
  readonly pages: number | null;
  readonly flags: readonly string[];
  readonly caller: string;
}
interface Boot {
  readonly id: string;
  readonly ok: boolean;
  readonly hashsize?: number | null;
  readonly machine: string;
  readonly measurements: {
    readonly uname: string;
    readonly pageSize: number;
    readonly buckets: number;
    readonly vmalloc?: readonly VmallocArea[] | null;
  } | null;
}

/** Boots that read /proc/vmallocinfo after loading nf_conntrack with a table past 2 MiB. */
const boots = (fixtureJson as unknown as { boots: readonly Boot[] }).boots.filter(
  (
    b,
  ): b is Boot & { measurements: NonNullable<Boot["measurements"]> & { vmalloc: readonly VmallocArea[] } } =>
    b.ok && (b.hashsize ?? 0) >= 300000 && Array.isArray(b.measurements?.vmalloc),
);

describe("the model against /proc/vmallocinfo on real kernels (fixtures/kernel-lab.json)", () => {
  it("has measured amd64 and arm64 kernels, with 4 and 16 KiB pages", () => {
    expect(new Set(boots.map((b) => `${b.machine} ${b.measurements.pageSize}`))).toEqual(
      new Set(["amd64 4096", "arm64 4096", "arm64 16384"]),
    );
  });

  it.each(boots.map((b) => [b.id, b] as const))("%s", (_id, b) => {
    const release = tryParseKernelVersion(b.measurements.uname.split(" ")[0] ?? "");
    if (!release.ok) throw new Error(b.measurements.uname);
    const page = b.measurements.pageSize;
    const tableBytes = bytes(b.measurements.buckets * 8);
    const model = computeHashTableFootprint(tableBytes, at(release.value, 64, page));
    // The table's own area: the largest line with this caller; kvmalloc's vmalloc also allocates
    // the area's page array (8 bytes per page, "vpages" marks the area that needed one).
    const areas = b.measurements.vmalloc.filter((a) => a.caller.startsWith("nf_ct_alloc_hashtable"));
    const table = [...areas].sort((x, y) => y.sizeBytes - x.sizeBytes)[0];
    if (model?.via === "pages") {
      // One block of pages from the kmalloc path: no vmalloc area at all.
      expect(areas).toEqual([]);
      return;
    }
    expect(model?.via).toBe("vmalloc");
    // vmallocinfo's size includes one guard page; pages= counts base pages.
    const mapped = (table?.sizeBytes ?? 0) - page;
    expect(table?.pages).toBe(mapped / page);
    // A fresh boot finds free huge pages: the kernel takes the top of the modelled range exactly.
    expect(mapped).toBe(model?.upToBytes);
  });
});
