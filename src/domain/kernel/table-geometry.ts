import { floorDiv } from "../core/integer";
import { bytes, type Bytes } from "../core/units";
import type { Arch } from "../sizing/inputs";
import { pointerBytes } from "./arch";
import { tableGeometry } from "./kernel-boundaries";
import type { KernelVersion } from "./kernel-version";

/** The hash table's shape on one kernel, architecture and page size. */
export interface TableGeometry {
  /** sizeof(bucket head): one pointer, two (struct list_head) before 2.6.23. */
  readonly headBytes: Bytes;
  /** The multiple the kernel rounds the bucket count to; 1 on kernels that do not round (before 2.6.23). */
  readonly bucketStep: number;
}

/**
 * A hash table's size is rounded up to whole pages of bucket heads:
 * nf_ct_alloc_hashtable(): `roundup(*sizep, PAGE_SIZE / sizeof(struct hlist_nulls_head))`,
 * i.e. 512 buckets on 64-bit with 4 KiB pages, 1024 on 32-bit, 8192 on 64-bit with 64 KiB pages.
 *
 * @internal exported for its tests
 */
export function bucketStep(headBytes: Bytes, page: Bytes): number {
  return floorDiv(page, headBytes);
}

/**
 * The one place the head size and the rounding step are derived, for the recommendation, the
 * kernel's own default and the table kube-proxy resizes alike.
 *
 * @example computeTableGeometry(v(6, 12), 64, bytes(4096)) // { headBytes: 8, bucketStep: 512 }
 */
export function computeTableGeometry(kernel: KernelVersion, arch: Arch, page: Bytes): TableGeometry {
  const { headPointers, roundsToPages } = tableGeometry(kernel);
  const headBytes = bytes(pointerBytes(arch) * headPointers);
  return { headBytes, bucketStep: roundsToPages ? bucketStep(headBytes, page) : 1 };
}
