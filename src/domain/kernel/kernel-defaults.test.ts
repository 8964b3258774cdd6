import { describe, expect, it } from "vitest";
import type { Arch } from "../sizing/inputs";
import { computeKernelDefault, kernelRules } from "./kernel-defaults";
import { v, type KernelVersion } from "./kernel-version";
import { bytes, GiB, KiB, MiB } from "../core/units";

const kernelDefault = (ram: number, arch: Arch, kernel: KernelVersion, page = 4 * KiB, struct = 256) =>
  computeKernelDefault({ ram: bytes(ram), arch, kernel, page: bytes(page), struct: bytes(struct) });

describe("the kernel's own boot defaults", () => {
  it.each([
    // ≥ 5.15 (d532bcd0b269): factor 1, caps 65536 / 262144, floor 1024, strict > on MemTotal.
    {
      name: "6.18 host measured: MemTotal 24683620 kB",
      ram: 24683620 * KiB,
      arch: 64,
      kernel: v(6, 18),
      buckets: 262144,
      max: 262144,
    },
    {
      name: '6.8 "4 GB" VM: MemTotal 4015148 kB is below 4 GiB',
      ram: 4015148 * KiB,
      arch: 64,
      kernel: v(6, 8),
      buckets: 65536,
      max: 65536,
    },
    {
      name: "6.12 exactly 4 GiB is not above 4 GiB",
      ram: 4 * GiB,
      arch: 64,
      kernel: v(6, 12),
      buckets: 65536,
      max: 65536,
    },
    {
      name: "6.12 exactly 1 GiB: 8192 from RAM",
      ram: GiB,
      arch: 64,
      kernel: v(6, 12),
      buckets: 8192,
      max: 8192,
    },
    {
      name: "6.12 990 MiB: 7920 rounded up to 8192",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(6, 12),
      buckets: 8192,
      max: 8192,
    },
    { name: "6.12 512 MiB", ram: 512 * MiB, arch: 64, kernel: v(6, 12), buckets: 4096, max: 4096 },
    {
      name: "6.12 128 MiB: the 1024 floor",
      ram: 128 * MiB,
      arch: 64,
      kernel: v(6, 12),
      buckets: 1024,
      max: 1024,
    },
    {
      name: "6.1 32-bit above 1 GiB: 65536",
      ram: 2 * GiB,
      arch: 32,
      kernel: v(6, 1),
      buckets: 65536,
      max: 65536,
    },
    {
      name: "6.1 32-bit with 16 GiB never gets 262144",
      ram: 16 * GiB,
      arch: 32,
      kernel: v(6, 1),
      buckets: 65536,
      max: 65536,
    },
    { name: "5.15 64-bit 16 GiB", ram: 16 * GiB, arch: 64, kernel: v(5, 15), buckets: 262144, max: 262144 },
    // factor 4 era (2.6.24 … 5.14).
    {
      name: "5.14 (RHEL 9) 16 GiB: 65536 / 262144",
      ram: 16 * GiB,
      arch: 64,
      kernel: v(5, 14),
      buckets: 65536,
      max: 262144,
    },
    {
      name: "4.18 (RHEL 8) 2 GiB: 16384 / 65536",
      ram: 2 * GiB,
      arch: 64,
      kernel: v(4, 18),
      buckets: 16384,
      max: 65536,
    },
    {
      name: "3.10 (RHEL 7) 16 GiB: no 65536 cap yet",
      ram: 16 * GiB,
      arch: 64,
      kernel: v(3, 10),
      buckets: 16384,
      max: 65536,
    },
    { name: "4.4 128 MiB: 1024 / 4096", ram: 128 * MiB, arch: 64, kernel: v(4, 4), buckets: 1024, max: 4096 },
    {
      name: "4.4 990 MiB: max from the unrounded 7920",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(4, 4),
      buckets: 8192,
      max: 31680,
    },
    {
      name: "4.9 990 MiB: max from the rounded 8192",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(4, 9),
      buckets: 8192,
      max: 32768,
    },
    {
      name: "2.6.24 990 MiB: max from the rounded size, before per-namespace tables",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(2, 6, 24),
      buckets: 8192,
      max: 32768,
    },
    {
      name: "2.6.32 tiny: the floor of 32",
      ram: 2 * MiB,
      arch: 64,
      kernel: v(2, 6, 32),
      buckets: 512,
      max: 128,
    },
    // E1: 2.6.23 (f205c5e0c28a, 8e5105a0c36a) already has hlist heads, factor 4 and page rounding.
    {
      name: "2.6.23 990 MiB: hlist heads, factor 4, max from the rounded size",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(2, 6, 23),
      buckets: 8192,
      max: 32768,
    },
    // E2: 2.6.27 still has one table, max from the rounded size.
    {
      name: "2.6.27 990 MiB: one table, max from the rounded size",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(2, 6, 27),
      buckets: 8192,
      max: 32768,
    },
    {
      name: "2.6.28 990 MiB: per-namespace, max from the unrounded 7920",
      ram: 990 * MiB,
      arch: 64,
      kernel: v(2, 6, 28),
      buckets: 8192,
      max: 31680,
    },
    // E3: vanilla 3.19.8 caps at 16384 above 1 GiB; the 65536 cap above 4 GiB is new in 4.0.
    {
      name: "3.19 16 GiB: 16384 / 65536",
      ram: 16 * GiB,
      arch: 64,
      kernel: v(3, 19),
      buckets: 16384,
      max: 65536,
    },
    {
      name: "4.0 16 GiB: 65536 / 262144",
      ram: 16 * GiB,
      arch: 64,
      kernel: v(4, 0),
      buckets: 65536,
      max: 262144,
    },
    // list_head era: two-pointer heads, factor 8, cap 8192, no rounding.
    {
      name: "2.6.22 nf_conntrack 2 GiB",
      ram: 2 * GiB,
      arch: 64,
      kernel: v(2, 6, 22),
      buckets: 8192,
      max: 65536,
    },
    {
      name: "2.6.18 ip_conntrack 32-bit 256 MiB",
      ram: 256 * MiB,
      arch: 32,
      kernel: v(2, 6, 18),
      buckets: 2048,
      max: 16384,
    },
  ] as const)("$name", ({ ram, arch, kernel, buckets, max }) => {
    const result = kernelDefault(ram, arch, kernel);
    expect(result.buckets).toBe(buckets);
    expect(result.max).toBe(max);
  });

  it.each([
    // Boot lines from real logs (docs/kernel-facts.md §1a, §8).
    {
      ram: 128 * MiB,
      arch: 64,
      kernel: v(3, 10),
      line: "nf_conntrack version 0.5.0 (1024 buckets, 4096 max)",
    },
    {
      ram: 16 * GiB,
      arch: 64,
      kernel: v(3, 10),
      line: "nf_conntrack version 0.5.0 (16384 buckets, 65536 max)",
    },
    {
      ram: 16 * GiB,
      arch: 64,
      kernel: v(4, 4),
      line: "nf_conntrack version 0.5.0 (65536 buckets, 262144 max)",
    },
    {
      ram: 2 * GiB,
      arch: 64,
      kernel: v(2, 6, 22),
      line: "nf_conntrack version 0.5.0 (8192 buckets, 65536 max)",
    },
    // 2.6.23 to 2.6.27 print the rounded size and the max computed from it (E1, E2).
    {
      ram: 990 * MiB,
      arch: 64,
      kernel: v(2, 6, 27),
      line: "nf_conntrack version 0.5.0 (8192 buckets, 32768 max)",
    },
    // 32-bit, 991 MiB on a pre-4.7 kernel prints the unrounded size.
    {
      ram: 15856 * 65536,
      arch: 32,
      kernel: v(2, 6, 32),
      line: "nf_conntrack version 0.5.0 (15856 buckets, 63424 max)",
    },
  ] as const)("prints $line", ({ ram, arch, kernel, line }) => {
    expect(kernelDefault(ram, arch, kernel).bootLine).toBe(line);
  });

  it("prints ip_conntrack's line with the bytes per conntrack", () => {
    expect(kernelDefault(2 * GiB, 32, v(2, 6, 18), 4 * KiB, 304).bootLine).toBe(
      "ip_conntrack version 2.4 (8192 buckets, 65536 max) - 304 bytes per conntrack",
    );
    // Just under 1 GiB on 32-bit: 8191 buckets, not rounded.
    expect(kernelDefault(8191 * 131072, 32, v(2, 6, 18), 4 * KiB, 296).bootLine).toBe(
      "ip_conntrack version 2.4 (8191 buckets, 65528 max) - 296 bytes per conntrack",
    );
  });

  it("prints the ip_conntrack version string of each release (E6)", () => {
    // IP_CONNTRACK_VERSION: "2.1" up to 2.6.13, "2.3" in 2.6.14, "2.4" from 2.6.15 (eed75f191d83).
    const line = (kernel: KernelVersion) => kernelDefault(2 * GiB, 32, kernel, 4 * KiB, 304).bootLine;
    expect(line(v(2, 6, 9))).toBe(
      "ip_conntrack version 2.1 (8192 buckets, 65536 max) - 304 bytes per conntrack",
    );
    expect(line(v(2, 6, 13))).toMatch(/^ip_conntrack version 2\.1 /);
    expect(line(v(2, 6, 14))).toMatch(/^ip_conntrack version 2\.3 /);
    expect(line(v(2, 6, 15))).toMatch(/^ip_conntrack version 2\.4 /);
  });

  it("takes hashsize at run time only from 2.6.15 (E6, eed75f191d83)", () => {
    expect(kernelRules(v(2, 6, 14)).hashsizeWritable).toBe(false);
    expect(kernelRules(v(2, 6, 15)).hashsizeWritable).toBe(true);
    expect(kernelRules(v(6, 12)).hashsizeWritable).toBe(true);
  });

  it("prints the nf_conntrack boot line up to 4.15 and none from 4.16 (E5)", () => {
    expect(kernelDefault(16 * GiB, 64, v(4, 15)).bootLine).toBe(
      "nf_conntrack version 0.5.0 (65536 buckets, 262144 max)",
    );
    expect(kernelDefault(16 * GiB, 64, v(4, 16)).bootLine).toBeNull();
    expect(kernelDefault(16 * GiB, 64, v(4, 18)).bootLine).toBeNull();
  });

  it("allocates the pre-4.7 table rounded even though it prints it unrounded", () => {
    expect(kernelDefault(15856 * 65536, 32, v(2, 6, 32)).buckets).toBe(16384);
  });

  it("prints no boot line on current kernels", () => {
    expect(kernelDefault(16 * GiB, 64, v(6, 12)).bootLine).toBeNull();
  });

  it("rounds to 8192 with 64 KiB pages: the 1024 floor becomes 8192", () => {
    expect(kernelDefault(128 * MiB, 64, v(6, 12), 64 * KiB).buckets).toBe(8192);
    expect(kernelDefault(512 * MiB, 64, v(6, 12), 64 * KiB).buckets).toBe(8192);
    expect(kernelDefault(16 * GiB, 64, v(6, 12), 64 * KiB).buckets).toBe(262144);
  });

  it("counts the hash table at one pointer per head, two in the list_head era", () => {
    expect(kernelDefault(16 * GiB, 64, v(6, 12)).memory).toEqual({
      entries: 262144 * 256,
      hashTable: 262144 * 8,
      total: 262144 * 264,
    });
    expect(kernelDefault(2 * GiB, 64, v(2, 6, 22)).memory.hashTable).toBe(8192 * 16);
  });

  it("knows the per-namespace era and the RAM figure of each version", () => {
    // 400dad39d1c3 ("per-netns conntrack hash") is first in v2.6.28 (E2).
    expect(kernelRules(v(2, 6, 27)).tablePerNamespace).toBe(false);
    expect(kernelRules(v(2, 6, 28)).tablePerNamespace).toBe(true);
    expect(kernelRules(v(4, 6)).tablePerNamespace).toBe(true);
    expect(kernelRules(v(4, 7)).tablePerNamespace).toBe(false);
    expect(kernelRules(v(2, 6, 31)).ramFromMemTotal).toBe(false);
    expect(kernelRules(v(2, 6, 32)).ramFromMemTotal).toBe(true);
  });

  it("knows which kernels take nf_conntrack_buckets by sysctl", () => {
    // Mode 0444 in 4.7.4's nf_conntrack_standalone.c, 0644 with nf_conntrack_hash_sysctl in 4.8.15 (E4).
    expect(kernelRules(v(4, 8)).bucketsSysctlWritable).toBe(true);
    expect(kernelRules(v(4, 7)).bucketsSysctlWritable).toBe(false);
    expect(kernelRules(v(4, 6)).bucketsSysctlWritable).toBe(false);
    expect(kernelRules(v(3, 10)).names.maxSysctl).toBe("net.netfilter.nf_conntrack_max");
    expect(kernelRules(v(2, 6, 18)).names.maxSysctl).toBe("net.ipv4.netfilter.ip_conntrack_max");
  });
});
