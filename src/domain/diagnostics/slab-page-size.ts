/**
 * The page sizes Linux builds with on the architectures this tool models: 4 KiB (x86, most arm64),
 * 16 KiB and 64 KiB (arm64 CONFIG_ARM64_16K_PAGES / _64K_PAGES, ppc64le 64 KiB).
 */
const PAGE_SIZES = [4096, 16384, 65536] as const;

/**
 * The smallest page size a slabinfo line allows when no page size was pasted (busybox has no
 * `getconf`): a slab of `pagesPerSlab` pages holds `objectsPerSlab` objects of `objectSize` bytes, so
 * `objectsPerSlab × objectSize <= pagesPerSlab × PAGE_SIZE` (calculate_sizes() / calc_slab_order()
 * in mm/slub.c fit whole objects into 2^order pages). `nf_conntrack 0 0 256 64 1` (16 KiB arm64)
 * needs 16384: 64 × 256 B do not fit in 4 KiB. Null when no known page size fits (not a real line).
 *
 * @example inferSlabPageBytes({ objectSize: 256, objectsPerSlab: 16, pagesPerSlab: 1 }) // 4096
 * @example inferSlabPageBytes({ objectSize: 256, objectsPerSlab: 64, pagesPerSlab: 1 }) // 16384
 */
export function inferSlabPageBytes(slab: {
  readonly objectSize: number;
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
}): number | null {
  const needed = slab.objectsPerSlab * slab.objectSize;
  return PAGE_SIZES.find((page) => needed <= slab.pagesPerSlab * page) ?? null;
}
