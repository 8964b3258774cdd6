import { atLeast, v, type KernelVersion } from "./kernel-version";

/**
 * Version boundaries, each checked in the source of the releases on both sides of it (a
 * single-release tree identified by its Makefile, or mainline history: the commit is an ancestor
 * of the first release tag and not of the one before). See docs/formulas.md.
 */
export const BOUNDARIES = {
  /** 2.6.15 (eed75f191d83): ip_conntrack's hashsize becomes writable at run time; before, 0400. */
  hashsizeWritable: v(2, 6, 15),
  /** ip_conntrack removed, only nf_conntrack (587aa64163b, first in v2.6.22). */
  nfConntrackOnly: v(2, 6, 22),
  /**
   * hlist heads (one pointer), max factor 4, floor 32, cap 16384 above 1 GiB, and the table
   * rounded to whole pages before max is computed: f205c5e0c28a ("use hlists for conntrack
   * hash") and 8e5105a0c36a ("round up hashsize to next multiple of PAGE_SIZE") are in v2.6.23
   * (bbf25010f1a6), not in v2.6.22 (7dcca30a32aa), which still uses list_head and `8 *`.
   */
  factor4: v(2, 6, 23),
  /**
   * A table per network namespace (400dad39d1c3 "per-netns conntrack hash", first in v2.6.28,
   * 4a6908a3a050): max is computed from the global size before each namespace allocates its own
   * rounded copy, so max and the boot line use the unrounded size. 2.6.23 to 2.6.27 have one table.
   */
  tablePerNamespace: v(2, 6, 28),
  /** RAM from totalram_pages instead of num_physpages (4481374ce88b, first in v2.6.32). */
  totalramPages: v(2, 6, 32),
  /**
   * Cap 65536 above 4 GiB: vanilla 3.19.8 has only the 16384 cap above 1 GiB (its
   * nf_conntrack_init_start() and Documentation/networking/nf_conntrack-sysctl.txt); 4.0.5 has both.
   */
  cap65536: v(4, 0),
  /**
   * One global table, allocated (rounded) before max is computed from it: 4.6.2 still allocates
   * per namespace, 4.7.4 has the single nf_conntrack_hash.
   */
  globalTable: v(4, 7),
  /**
   * net.netfilter.nf_conntrack_buckets writable (0644, nf_conntrack_hash_sysctl(), 3183ab8997a4):
   * 4.7.4's nf_conntrack_standalone.c still registers it 0444; 4.8.15's makes it writable.
   */
  bucketsSysctlWritable: v(4, 8),
  /**
   * The "nf_conntrack version 0.5.0 (…)" boot line: printed by 4.15.1's nf_conntrack_core.c;
   * 4.16.13 has neither the NF_CONNTRACK_VERSION define nor the printk.
   */
  bootLineRemoved: v(4, 16),
  /**
   * nf_conntrack_max read-only outside init_net (2671fa4dc010 "netfilter: conntrack: Make global
   * sysctls readonly in non-init netns", first in v5.13; also backported to 5.10.y and 5.12.y).
   */
  maxSysctlHostOnly: v(5, 13),
  /** d532bcd0b269 "netfilter: conntrack: sanitize table size default settings" (5.15-rc1). */
  factor1: v(5, 15),
  /**
   * kvmalloc()'s vmalloc fallback may map the table with huge (PMD) pages on x86-64: 9becb6889130
   * "kvmalloc: use vmalloc_huge for vmalloc allocations" (Linus Torvalds, 5.18-rc4) passes
   * VM_ALLOW_HUGE_VMAP, which 559089e0a93d (5.18-rc4) made opt-in, and x86 selects
   * HAVE_ARCH_HUGE_VMALLOC from fac54e2bfb5b (5.18-rc1), for X86_64 only (a 32-bit x86 crash had it
   * dropped there before the release; Debian's 6.1 686-pae config has HAVE_ARCH_HUGE_VMAP but not
   * HAVE_ARCH_HUGE_VMALLOC). Measured: Debian 6.12 amd64 maps a 5,603,328-byte table in 6 MiB.
   */
  hugeVmallocX86: v(5, 18),
  /**
   * The same on arm64: e92072237e6c "arm64: support huge vmalloc mappings" (Kefeng Wang) selects
   * HAVE_ARCH_HUGE_VMALLOC, merged with the arm64 updates for 6.1-rc1. Debian's 5.10 arm64 config
   * lacks it, 6.1 and 6.12 have it. arch_vmap_pmd_supported() declines while CONFIG_PTDUMP_DEBUGFS
   * is set until fa93b45fd397 (6.18); Debian does not set it.
   */
  hugeVmallocArm64: v(6, 1),
  /**
   * nf_conntrack_max = 0 (no limit) refused: 2b749f257645 "netfilter: conntrack: disable 0 value for
   * conntrack_max setting" sets `.extra1 = SYSCTL_ONE` on the sysctl (nf_conntrack_standalone.c); it
   * was applied to net-next on 30 Oct 2025 (tag nf-next-25-10-30) and is listed in the
   * net-next-6.19 pull ("Networking for Linux 6.19"), so 6.19 is the first release. 6.12.117 still
   * accepts 0; 7.2.13 and 7.3.4 refuse it.
   */
  maxZeroRefused: v(6, 19),
} as const;

/**
 * The kernel's own nf_conntrack_max ÷ buckets: 8 before 2.6.23 (`8 *` with list_head heads), 4
 * from 2.6.23 ("Use a max. factor of four by default to get the same max as with the old struct
 * list_heads", nf_conntrack_init()), 1 from 5.15 (d532bcd0b269). Its own module, with the
 * boundaries, so the shell's first numbers (src/shell) need not load the kernel rules.
 */
export function maxFactor(version: KernelVersion): 1 | 4 | 8 {
  if (atLeast(version, BOUNDARIES.factor1)) return 1;
  if (atLeast(version, BOUNDARIES.factor4)) return 4;
  return 8;
}

/**
 * The table's geometry by version: from 2.6.23 one-pointer hlist heads, the size rounded up to
 * whole pages (f205c5e0c28a, 8e5105a0c36a); before, two-pointer list_head heads and the size as
 * given.
 */
export function tableGeometry(version: KernelVersion): { headPointers: 1 | 2; roundsToPages: boolean } {
  return atLeast(version, BOUNDARIES.factor4)
    ? { headPointers: 1, roundsToPages: true }
    : { headPointers: 2, roundsToPages: false };
}
