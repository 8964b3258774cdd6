import type { Arch } from "../sizing/inputs";
import type { HostRole } from "../sizing/role";
import { atLeast, compareKernelVersions, v, type KernelVersion } from "./kernel-version";

/**
 * Kernel memory one conntrack entry takes, as measured on real booted kernels by the kernel lab
 * (scripts/kernel-lab/, which writes fixtures/kernel-lab.json; docs/kernel-facts.md §4): the table was
 * filled with a known number of UDP flows and /proc/slabinfo read before and after.
 *
 * The figure is the `nf_conntrack` slab's footprint per object, PAGE_SIZE × pages per slab /
 * objects per slab (the slab packs whole objects into pages, so a 320-byte object costs 341.3
 * bytes when 12 fit in 4 KiB), rounded up to a whole byte, plus the extension area where the
 * kernel gives every entry one by default. An extension (nf_ct_ext_add(): NAT, accounting,
 * timestamps, event cache) is one kmalloc-128 object per entry, whatever the number of
 * extensions, because NF_CT_EXT_PREALLOC is 128.
 */
export interface EntrySizeMeasurement {
  /** The kernel release measured (major.minor). */
  readonly kernel: KernelVersion;
  /** Debian architecture of the measured kernel. */
  readonly machine: "amd64" | "i386" | "arm64";
  readonly arch: Arch;
  /** Size of one nf_conntrack slab object (slabinfo's objsize). */
  readonly objectBytes: number;
  /** Objects per slab and pages per slab, as /proc/slabinfo printed them (4 KiB pages). */
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
  /** Whether every entry also gets one 128-byte extension with no NAT, accounting or timestamps set up. */
  readonly extensionByDefault: boolean;
}

/**
 * One kmalloc-128 object: the extension area of an entry (NF_CT_EXT_PREALLOC = 128).
 */
const EXTENSION_BYTES = 128;

/** A 4 KiB page, the page size of every measurement below. */
const PAGE_4K = 4096;

/**
 * Every measurement, oldest kernel first per architecture. The 32-bit object is 256 bytes like
 * 6.x's 64-bit one (the 686 and 686-pae flavours alike): smaller fields, but the cache is
 * aligned to the cache line. arm64 (6.1, 6.12) measured 256 too, 16 to a 4 KiB slab and 64 to
 * a 16 KiB one, so the 64-bit figures hold for it. 5.10 gives every entry an extension
 * because its nf_conntrack_events default is 1 (the event cache); from 6.1 the default is 2
 * ("only if a listener needs events") and a filter-only host allocates none.
 *
 * @internal exported for its tests
 */
export const ENTRY_SIZE_MEASUREMENTS: readonly EntrySizeMeasurement[] = [
  {
    kernel: v(5, 10),
    machine: "amd64",
    arch: 64,
    objectBytes: 320,
    objectsPerSlab: 12,
    pagesPerSlab: 1,
    extensionByDefault: true,
  },
  {
    kernel: v(6, 1),
    machine: "amd64",
    arch: 64,
    objectBytes: 256,
    objectsPerSlab: 16,
    pagesPerSlab: 1,
    extensionByDefault: false,
  },
  {
    kernel: v(6, 12),
    machine: "amd64",
    arch: 64,
    objectBytes: 256,
    objectsPerSlab: 16,
    pagesPerSlab: 1,
    extensionByDefault: false,
  },
  {
    // 7.2.13+deb14-amd64 in the kernel lab: 256 B objects, 16 per 4 KiB slab, no extension on a
    // filter-only host (256.4 and 256.1 B per entry at 20,000 and 50,000 flows; docs/kernel-lab.md).
    kernel: v(7, 2),
    machine: "amd64",
    arch: 64,
    objectBytes: 256,
    objectsPerSlab: 16,
    pagesPerSlab: 1,
    extensionByDefault: false,
  },
  {
    kernel: v(5, 10),
    machine: "i386",
    arch: 32,
    objectBytes: 256,
    objectsPerSlab: 16,
    pagesPerSlab: 1,
    extensionByDefault: true,
  },
  {
    kernel: v(6, 1),
    machine: "i386",
    arch: 32,
    objectBytes: 256,
    objectsPerSlab: 16,
    pagesPerSlab: 1,
    extensionByDefault: false,
  },
];

/** Slab bytes per entry: the page(s) of one slab shared by the objects in it, rounded up. */
export function slabBytesPerEntry(m: EntrySizeMeasurement): number {
  return Math.ceil((m.pagesPerSlab * PAGE_4K) / m.objectsPerSlab);
}

export interface EntrySizeDefault {
  /** Bytes per entry to use: the slab footprint, plus the extension where every entry gets one. */
  readonly bytes: number;
  /** The same with one extension per entry (a NAT gateway, accounting, timestamps or events on). */
  readonly withExtensionBytes: number;
  /** The measurement it comes from. */
  readonly measurement: EntrySizeMeasurement;
  /** True when that measurement is of this very major.minor release; false for the nearest one. */
  readonly exact: boolean;
}

/**
 * The bytes per entry the calculator defaults to for a kernel: the measurement of the same
 * release and pointer width, else the newest measured release before it, else the oldest
 * measured one (kernels older than anything measured).
 *
 * @example defaultEntryBytes(v(6, 12), 64).bytes // 256
 * @example defaultEntryBytes(v(5, 10), 64).bytes // 470: 341.3 slab + 128 extension
 */
export function defaultEntryBytes(kernel: KernelVersion, arch: Arch): EntrySizeDefault {
  const same = ENTRY_SIZE_MEASUREMENTS.filter((m) => m.arch === arch);
  const release = { major: kernel.major, minor: kernel.minor, patch: null };
  const atOrBefore = same.filter((m) => atLeast(release, m.kernel));
  const measurement =
    atOrBefore.reduce<EntrySizeMeasurement | undefined>(
      (best, m) => (best && compareKernelVersions(best.kernel, m.kernel) >= 0 ? best : m),
      undefined,
    ) ?? same.reduce((oldest, m) => (compareKernelVersions(m.kernel, oldest.kernel) < 0 ? m : oldest));
  const slab = slabBytesPerEntry(measurement);
  return {
    bytes: measurement.extensionByDefault ? slab + EXTENSION_BYTES : slab,
    withExtensionBytes: slab + EXTENSION_BYTES,
    measurement,
    exact: compareKernelVersions(measurement.kernel, release) === 0,
  };
}

/**
 * The bytes per entry the kernel allocates on a host of this role: the slab footprint, plus the
 * 128-byte extension area where entries get one. A NAT gateway, a Kubernetes node (kube-proxy's
 * MASQUERADE for services) and a Docker host (the daemon's MASQUERADE for its bridges) masquerade,
 * and a masqueraded flow carries the NAT extension (nf_ct_ext_add() with NF_CT_EXT_NAT; measured on
 * 6.1 and 6.12 by the kernel lab, docs/kernel-facts.md "The extension area"). The model gives every
 * entry one on those hosts: the upper bound, reached when all traffic is masqueraded. On kernels whose
 * event cache gives every entry an extension anyway (5.10) the role changes nothing: one area holds
 * any number of extensions (NF_CT_EXT_PREALLOC, nf_conntrack_extend.c).
 *
 * @example entryBytesFor(v(6, 12), 64, "host") // 256
 * @example entryBytesFor(v(6, 12), 64, "nat") // 384
 * @example entryBytesFor(v(5, 10), 64, "kubernetes") // 470
 */
export function entryBytesFor(kernel: KernelVersion, arch: Arch, role: HostRole): number {
  const entry = defaultEntryBytes(kernel, arch);
  return role === "host" ? entry.bytes : entry.withExtensionBytes;
}
