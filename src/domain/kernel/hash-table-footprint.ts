import { roundUp } from "../core/integer";
import { bytes, MiB, type Bytes } from "../core/units";
import type { Arch } from "../sizing/inputs";
import { BOUNDARIES } from "./kernel-boundaries";
import { atLeast, type KernelVersion } from "./kernel-version";

/** The 64-bit architectures whose kvmalloc() may map a table with huge (PMD) pages. */
export type HugeVmallocArch = "x86-64" | "arm64";

/** What a hash table of a given size really occupies once the kernel has allocated it. */
export interface HashTableFootprint {
  /**
   * Where it comes from: one power-of-two block of pages (kvmalloc()'s kmalloc path, or
   * `__get_free_pages()` in 4.x), or vmalloc when it is larger than the largest block.
   */
  readonly via: "pages" | "vmalloc";
  /** The least it occupies: the whole block, or with vmalloc its page-exact size. */
  readonly bytes: Bytes;
  /**
   * The most it occupies: with vmalloc on a kernel that may map it with huge pages, its size
   * rounded up to a whole huge page (`hugePageBytes`); otherwise `bytes`.
   */
  readonly upToBytes: Bytes;
  /** PMD_SIZE of that huge mapping (2 MiB with 4 KiB pages, 32 MiB with 16 KiB); null when none applies. */
  readonly hugePageBytes: Bytes | null;
  /** The architectures on which this kernel version may map it so (empty when none). */
  readonly hugeOn: readonly HugeVmallocArch[];
}

/**
 * The page allocator's largest block and the PMD size, per page size. 4 KiB pages: blocks up to
 * order 10 (4 MiB; MAX_ORDER 11 before 6.4, MAX_PAGE_ORDER 10 after, on x86-64, i386 and arm64),
 * PMD 2 MiB on x86-64 and arm64. 16 KiB pages (arm64 only): order 11 (32 MiB,
 * CONFIG_ARCH_FORCE_MAX_ORDER=11 in Debian's 6.12 arm64-16k) and a PMD of 32 MiB. 64 KiB pages
 * (arm64 512 MiB, ppc64le another layout) are not modelled.
 */
const LAYOUT: Readonly<
  Partial<Record<number, { largestBlock: number; pmd: number; arches: readonly HugeVmallocArch[] }>>
> = {
  4096: { largestBlock: 4 * MiB, pmd: 2 * MiB, arches: ["x86-64", "arm64"] },
  16384: { largestBlock: 32 * MiB, pmd: 32 * MiB, arches: ["arm64"] },
};

/**
 * The first release in which kvmalloc()'s vmalloc fallback may use huge pages on each
 * architecture: kvmalloc passes VM_ALLOW_HUGE_VMAP from 5.18 (9becb6889130), and the architecture
 * must select HAVE_ARCH_HUGE_VMALLOC (x86-64 from 5.18, fac54e2bfb5b; arm64 from 6.1,
 * e92072237e6c). BOUNDARIES has the sources.
 */
const HUGE_FROM: Readonly<Record<HugeVmallocArch, KernelVersion>> = {
  "x86-64": BOUNDARIES.hugeVmallocX86,
  arm64: BOUNDARIES.hugeVmallocArm64,
};

/**
 * What a hash table of `tableBytes` occupies once nf_ct_alloc_hashtable() has it. A table up to
 * the largest block of pages takes one power-of-two block: `__get_free_pages(GFP_KERNEL |
 * __GFP_NOWARN, get_order(sz))` at 4.6.2, and kvmalloc()'s kmalloc path, which hands sizes above
 * KMALLOC_MAX_CACHE_SIZE to the page allocator with the same get_order(), later: 100352 heads of
 * 8 bytes (802,816 B) take a 1 MiB block. A larger table comes from vmalloc, which maps whole
 * pages: its own size, already a page multiple. From 5.18 on x86-64 and 6.1 on arm64 that mapping
 * may use PMD pages: __vmalloc_node_range() sizes a VM_ALLOW_HUGE_VMAP area of PMD_SIZE or more
 * `ALIGN(size, PMD_SIZE)` (mm/vmalloc.c). It does so when 2 MiB blocks are free (a fresh boot) and
 * falls back to base pages when they are not, so the figure is a range. Measured on Debian's 6.12
 * amd64 kernel (fixtures/kernel-lab.json): hashsize=700000 gives 700416 heads, 5,603,328 B, and
 * /proc/vmallocinfo lists a 6 MiB area (6,295,552 B with its guard page, pages=1536). 32-bit
 * kernels never select HAVE_ARCH_HUGE_VMALLOC (x86 only `if X86_64`). Null for page sizes not
 * modelled.
 *
 * @example computeHashTableFootprint(bytes(5603328), { kernel: v(6, 12), arch: 64, page: bytes(4096) })
 * // { via: "vmalloc", bytes: 5603328, upToBytes: 6291456, hugePageBytes: 2097152, hugeOn: ["x86-64", "arm64"] }
 */
export function computeHashTableFootprint(
  tableBytes: Bytes,
  { kernel, arch, page }: { kernel: KernelVersion; arch: Arch; page: Bytes },
): HashTableFootprint | null {
  const layout = LAYOUT[page];
  if (!layout) return null;
  let least: number = page;
  let most = 0;
  let hugeOn: readonly HugeVmallocArch[] = [];
  if (tableBytes <= layout.largestBlock) {
    // A vmalloc fallback of this size (no free block) rounds to no more than this block either.
    while (least < tableBytes) least *= 2;
  } else {
    least = roundUp(tableBytes, page);
    most = roundUp(least, layout.pmd);
    if (arch === 64 && most > least) hugeOn = layout.arches.filter((a) => atLeast(kernel, HUGE_FROM[a]));
  }
  const huge = hugeOn.length > 0;
  return {
    via: tableBytes > layout.largestBlock ? "vmalloc" : "pages",
    bytes: bytes(least),
    upToBytes: bytes(huge ? most : least),
    hugePageBytes: huge ? bytes(layout.pmd) : null,
    hugeOn,
  };
}
