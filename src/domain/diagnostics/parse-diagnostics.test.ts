import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateField } from "../sizing/inputs";
import { COLLECTOR_COMMAND, COLLECTOR_COMMAND_AS_ROOT, COLLECTOR_STEPS } from "./collector";
import { computeDiagnosticsKernelDefault, diagnose } from "./diagnose";
import type { Diagnostics, LineKind } from "./dump";
import { MAX_INPUT_CHARS, MAX_LINES, parseDiagnostics } from "./parse-diagnostics";
import {
  CENTOS6,
  codes,
  CONTAINER,
  HOST,
  kindsOf,
  lineAt,
  MODERN,
  OPENWRT,
  PROMPTED,
} from "./pastes.fixture";
import { suggestedFields } from "./suggestions";

describe("parseDiagnostics: realistic pastes", () => {
  it("(a) reads the collector's output from a modern x86_64 host", () => {
    const d = parseDiagnostics(MODERN);
    expect(d).toMatchObject({
      truncated: false,
      memTotalBytes: 24683620 * 1024,
      memTotalSource: "meminfo",
      machine: "x86_64",
      arch: 64,
      kernelRelease: "6.18.44-fc-v782",
      pageBytes: 4096,
      conntrackMax: 262144,
      conntrackBuckets: 262144,
      conntrackCount: 1530,
      timeouts: {
        nf_conntrack_frag6_timeout: 60,
        nf_conntrack_generic_timeout: 600,
        nf_conntrack_tcp_timeout_established: 432000,
        nf_conntrack_udp_timeout: 30,
        nf_conntrack_udp_timeout_stream: 120,
      },
      slab: {
        cache: "nf_conntrack",
        objectSize: 256,
        objectsPerSlab: 16,
        pagesPerSlab: 1,
        effectiveBytesPerEntry: 256,
        pageBytes: 4096,
        pageBytesAssumed: false,
      },
      tableFullMessages: 3,
      tableFullSource: "collector-count",
      unavailable: [],
    });
    expect(d.stats).toEqual({
      source: "conntrack-S",
      cpus: 2,
      drop: 6,
      earlyDrop: 12,
      insertFailed: 1,
      found: 15,
      invalid: 171,
      searchRestart: 1,
      chainTooLong: 0,
      clashResolve: 3,
    });
    expect(d.lines.every((l) => l.kind !== "ignored")).toBe(true);
    expect(kindsOf(d)).toMatchObject({
      1: "meminfo",
      2: "uname",
      3: "page-size",
      4: "sysctl-max",
      5: "sysctl-buckets",
      6: "sysctl-count",
      7: "sysctl-timeout",
      12: "slabinfo",
      13: "conntrack-stats",
      15: "table-full-count",
    });
    // The slab shows the 256 B the model has for 6.x: bytes per entry stay the kernel's own.
    expect(suggestedFields(d, HOST)).toEqual({
      ram: "24683620 KiB",
      arch: "64",
      kernel: "6.18.44-fc-v782",
      page: "4",
      struct: "",
    });
    const kernelDefault = computeDiagnosticsKernelDefault(d);
    expect(kernelDefault).toEqual({ max: 262144, buckets: 262144, pageBytesAssumed: false });
    const share = 1530 / 262144;
    // 12 early drops: this namespace reached its limit at some time (it is 0.6 % full now); of the
    // 6 drops, 1 is the lost race that insert_failed counts too, 5 are the full table's.
    expect(diagnose(d, kernelDefault ?? undefined)).toEqual([
      {
        code: "cause-table-full",
        severity: "warning",
        share,
        earlyDrop: 12,
        tableFullDrops: 5,
        messages: 3,
        suppressedCallbacks: null,
      },
      {
        code: "cause-insert-race",
        severity: "warning",
        insertFailed: 1,
        drop: 6,
        clashResolve: 3,
        share,
        earlyDrop: 12,
        messages: 3,
        tableFull: true,
        resolution: "resolves",
      },
      { code: "cause-invalid", severity: "info", invalid: 171 },
      { code: "fill", severity: "info", count: 1530, max: 262144, share },
      { code: "drops", severity: "warning", drop: 6 },
      { code: "insert-failed", severity: "warning", insertFailed: 1, clashResolve: 3 },
      { code: "early-drops", severity: "warning", earlyDrop: 12 },
      { code: "chain-too-long", severity: "info", chainTooLong: 0 },
      { code: "chain-length", severity: "info", count: 1530, buckets: 262144, average: 3060 / 262144 },
      { code: "default-max", severity: "info", max: 262144, kernelDefault: 262144 },
      { code: "default-buckets", severity: "info", buckets: 262144, kernelDefault: 262144 },
    ]);
  });

  it("(b) reads an old CentOS 6 paste: old stat format, per-netns slab name, boot line", () => {
    const d = parseDiagnostics(CENTOS6);
    expect(d).toMatchObject({
      memTotalBytes: 8060904 * 1024,
      arch: 64,
      machine: "x86_64",
      kernelRelease: "2.6.32-754.35.1.el6.x86_64",
      conntrackMax: 65536,
      conntrackBuckets: 16384,
      conntrackCount: 65390,
      timeouts: {
        nf_conntrack_generic_timeout: 600,
        nf_conntrack_tcp_timeout_established: 432000,
        nf_conntrack_udp_timeout_stream: 180,
      },
      // 2 pages of 4 KiB (assumed: no page size pasted) for 25 objects: 8192 / 25 = 327.68 -> 328.
      slab: {
        cache: "nf_conntrack_ffffffff819e07c0",
        objectSize: 320,
        objectsPerSlab: 25,
        pagesPerSlab: 2,
        effectiveBytesPerEntry: 328,
        pageBytes: 4096,
        pageBytesAssumed: true,
      },
      bootLine: { module: "nf_conntrack", buckets: 16384, max: 65536 },
      tableFullMessages: 2,
      tableFullSource: "log-lines",
    });
    expect(d.pageBytes).toBeUndefined();
    expect(d.stats).toEqual({
      source: "proc",
      cpus: 2,
      entries: 0xff6e,
      drop: 0x52 + 0x1b,
      earlyDrop: 0,
      insertFailed: 0,
      found: 0x2a01bd57 + 0x1dd4c2b2,
      invalid: 0x45c + 0x352,
    });
    expect(lineAt(d, 1)).toMatchObject({ kind: "ignored", note: "command" });
    expect(lineAt(d, 11)).toMatchObject({ kind: "sysctl-other" });
    expect(lineAt(d, 13)).toMatchObject({ kind: "sysctl-max", note: "duplicate" });
    expect(lineAt(d, 14)).toMatchObject({ kind: "sysctl-max", note: "duplicate" });
    expect(lineAt(d, 15)).toMatchObject({ kind: "sysctl-count", note: "duplicate" });
    expect(lineAt(d, 17)).toMatchObject({ kind: "ignored" }); // nf_conntrack_expect
    expect(lineAt(d, 18)).toMatchObject({ kind: "slabinfo" });
    expect(kindsOf(d)).toMatchObject({
      20: "stat-header",
      21: "stat-row",
      24: "boot-line",
      25: "table-full",
    });
    // ceil(8192 / 25) = 328 B of slab, plus the extension area the model gives every entry on
    // kernels older than 6.1 (entry-size.ts): 456.
    expect(suggestedFields(d, HOST)).toEqual({
      ram: "8060904 KiB",
      arch: "64",
      kernel: "2.6.32-754.35.1.el6.x86_64",
      struct: "456",
    });
    // 2.6.32: > 1 GiB caps the table at 16384 buckets, max = 4 x 16384 (kernel-defaults.ts).
    const kernelDefault = computeDiagnosticsKernelDefault(d);
    expect(kernelDefault).toEqual({ max: 65536, buckets: 16384, pageBytesAssumed: true });
    const findings = diagnose(d, kernelDefault ?? undefined);
    // 2.6.32 counts a lost race in insert_failed only (0 here): all 109 drops are the full table's.
    expect(findings[0]).toEqual({
      code: "cause-table-full",
      severity: "warning",
      share: 65390 / 65536,
      earlyDrop: 0,
      tableFullDrops: 109,
      messages: 2,
      suppressedCallbacks: null,
    });
    expect(findings.map((f) => f.code)).toEqual([
      "cause-table-full",
      "cause-invalid",
      "fill-high",
      "drops",
      "insert-failed",
      "early-drops",
      "chain-length",
      "default-max",
      "default-buckets",
    ]);
  });

  it("(c) reads a 32-bit OpenWrt router without getconf", () => {
    const d = parseDiagnostics(OPENWRT);
    expect(d).toMatchObject({
      memTotalBytes: 500316 * 1024,
      arch: 32,
      machine: "armv7l",
      kernelRelease: "4.4.140",
      conntrackMax: 16384,
      conntrackBuckets: 8192,
      conntrackCount: 14000,
      // ceil(4096 x 1 / 15) = ceil(273.07) = 274, with the page size assumed.
      slab: { cache: "nf_conntrack_1", objectSize: 264, effectiveBytesPerEntry: 274, pageBytesAssumed: true },
      stats: {
        source: "proc",
        cpus: 2,
        entries: 0x36b0,
        drop: 0,
        earlyDrop: 0,
        insertFailed: 1,
        searchRestart: 3,
      },
      tableFullMessages: 0,
    });
    expect(lineAt(d, 3)).toMatchObject({ kind: "ignored" }); // "PAGESIZE:" with no value
    expect(suggestedFields(d, HOST)).toEqual({
      ram: "500316 KiB",
      arch: "32",
      kernel: "4.4.140",
      struct: String(274 + 128),
    });
    // 4.4 on 32-bit, 488 MiB: 7817 buckets from RAM, rounded to 8192; max = 4 x 7817 (per-netns era).
    const kernelDefault = computeDiagnosticsKernelDefault(d);
    expect(kernelDefault).toEqual({ max: 31268, buckets: 8192, pageBytesAssumed: true });
    // One lost insert on 4.4 (whether it resolves clashes is not pinned), no drop, no early drop, no
    // table-full message: nearly full, but not full yet.
    expect(diagnose(d)[0]).toMatchObject({
      code: "cause-insert-race",
      resolution: "unknown",
      tableFull: false,
    });
    expect(codes(d, kernelDefault ?? undefined)).toEqual([
      "cause-insert-race",
      "cause-invalid",
      "fill-high",
      "drops",
      "insert-failed",
      "early-drops",
      "chain-length",
      "tuned-max",
      "default-buckets",
    ]);
  });

  it("(d) reports what a container without privileges could not read", () => {
    const d = parseDiagnostics(CONTAINER);
    expect(d).toMatchObject({ memTotalBytes: 16333740 * 1024, arch: 64, pageBytes: 4096 });
    expect(d.conntrackMax).toBeUndefined();
    expect(d.slab).toBeUndefined();
    expect(d.stats).toBeUndefined();
    expect(d.tableFullMessages).toBeUndefined();
    expect([...d.unavailable].sort()).toEqual(["kernel-log", "slabinfo", "stats", "sysctl"]);
    expect(kindsOf(d)).toMatchObject({
      4: "unavailable",
      5: "unavailable",
      6: "unavailable",
      7: "unavailable",
      8: "ignored",
      9: "unavailable",
      11: "unavailable",
      13: "unavailable",
    });
    expect(suggestedFields(d)).toEqual({
      ram: "16333740 KiB",
      arch: "64",
      kernel: "5.15.0-91-generic",
      page: "4",
    });
    expect(diagnose(d)).toEqual([]);
  });

  it("drops a source from unavailable once the paste has it after all (run again as root)", () => {
    const d = parseDiagnostics(`slabinfo: needs root\n${MODERN}`);
    expect(d.unavailable).toEqual([]);
    expect(d.slab?.effectiveBytesPerEntry).toBe(256);
  });

  it.each([
    ["only MemTotal", "MemTotal:       24683620 kB", { memTotalBytes: 25276026880 }],
    ["only a uname -r", "6.8.0-45-generic\n", { kernelRelease: "6.8.0-45-generic" }],
  ])("(e) reads a partial paste: %s", (_name, text, expected) => {
    const d = parseDiagnostics(text);
    expect(d).toMatchObject(expected);
    expect(d.lines).toHaveLength(1);
    expect(d.lines[0]?.kind).not.toBe("ignored");
  });

  it("(e) reads a stat block alone: entries once, counters summed over CPUs", () => {
    const d = parseDiagnostics(PROMPTED.split("\n").slice(1, 4).join("\n"));
    expect(d.stats).toEqual({
      source: "proc",
      cpus: 2,
      entries: 0x5fa,
      drop: 0,
      earlyDrop: 3,
      insertFailed: 2,
      found: 0x30,
      invalid: 2,
      searchRestart: 1,
      chainTooLong: 5,
      clashResolve: 1,
    });
    // Early drops happen only at the limit; the refused inserts are all chaintoolong (5 >= 2).
    expect(codes(d)).toEqual([
      "cause-table-full",
      "cause-chain-too-long",
      "cause-invalid",
      "drops",
      "insert-failed",
      "early-drops",
      "chain-too-long",
    ]);
  });

  it("(f) reads Windows line endings, tabs and indentation", () => {
    const windows = MODERN.replace(/\n/g, "\r\n")
      .replace(
        "/proc/sys/net/netfilter/nf_conntrack_max:262144",
        "\tnet.netfilter.nf_conntrack_max\t=\t262144  ",
      )
      .replace(/ {2,}/g, "\t");
    const d = parseDiagnostics(windows);
    const unix = parseDiagnostics(MODERN);
    expect({ ...d, lines: [] }).toEqual({ ...unix, lines: [] });
    expect(d.lines.map((l) => l.kind)).toEqual(unix.lines.map((l) => l.kind));
  });

  it("(f) treats a lone \\r as a line break, as old Mac pastes do", () => {
    const d = parseDiagnostics("MemTotal: 1024 kB\r6.1.0 x86_64\r");
    expect(d).toMatchObject({ memTotalBytes: 1024 * 1024, kernelRelease: "6.1.0", arch: 64 });
  });

  it("(g) reads commands pasted in any order, with prompts and bare values", () => {
    const d = parseDiagnostics(PROMPTED);
    expect(d).toMatchObject({
      memTotalBytes: 263174528 * 1024,
      arch: 64,
      machine: "ppc64le",
      kernelRelease: "5.14.0-427.13.1.el9_4.ppc64le",
      pageBytes: 65536,
      conntrackMax: 262144,
      conntrackBuckets: 262144,
      conntrackCount: 1530,
    });
    expect(kindsOf(d)).toMatchObject({
      1: "ignored",
      5: "ignored",
      6: "bare-value",
      8: "uname",
      10: "sysctl-max",
      12: "bare-value",
      14: "bare-value",
      16: "meminfo",
    });
    expect(lineAt(d, 5)?.note).toBe("command");
    expect(suggestedFields(d)).toEqual({
      ram: "263174528 KiB",
      arch: "64",
      kernel: "5.14.0-427.13.1.el9_4.ppc64le",
      page: "64",
    });
    // 5.14 (factor 4) above 4 GiB: 65536 buckets (a multiple of 65536 / 8), max 4 x 65536.
    const kernelDefault = computeDiagnosticsKernelDefault(d);
    expect(kernelDefault).toEqual({ max: 262144, buckets: 65536, pageBytesAssumed: false });
    const findings = diagnose(d, kernelDefault ?? undefined);
    expect(findings.find((f) => f.code === "chain-length")).toEqual({
      code: "chain-length",
      severity: "info",
      count: 1530,
      buckets: 262144,
      average: (2 * 1530) / 262144,
    });
    expect(findings.map((f) => f.code).slice(-2)).toEqual(["default-max", "tuned-buckets"]);
  });

  it("(g) gives the same values whatever order labelled lines come in", () => {
    const lines = MODERN.trim().split("\n");
    const expected = { ...parseDiagnostics(MODERN), lines: [] };
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }),
        (shuffled) => {
          expect({ ...parseDiagnostics(shuffled.join("\n")), lines: [] }).toEqual(expected);
        },
      ),
    );
  });

  const FREE_B = `$ free -b
               total        used        free      shared  buff/cache   available
Mem:     25276026880   606425088 24655831040     9166848   283238400 24669601792
Swap:              0           0           0`;
  const FREE_K = `$ free -k
               total        used        free      shared  buff/cache   available
Mem:        24683620      592212    24077960        8952      276600    24091408
Swap:              0           0           0`;

  it.each([
    ["free -b", FREE_B],
    ["free -k", FREE_K],
    ["free (KiB by default)", FREE_K.replace("free -k", "free")],
    ["free --bytes -t", FREE_B.replace("free -b", "free --bytes -t")],
    ["sudo free -bw", FREE_B.replace("free -b", "sudo free -bw")],
  ])("(h) reads MemTotal from %s", (_name, text) => {
    const d = parseDiagnostics(text);
    expect(d).toMatchObject({ memTotalBytes: 25276026880, memTotalSource: "free" });
    expect(d.lines.map((l) => l.kind)).toEqual(["ignored", "free-header", "free-mem", "ignored"]);
    expect(suggestedFields(d)).toEqual({ ram: "24683620 KiB" });
  });

  it.each([
    // Without the command: KiB below 16 Mi (a host under 16 GiB), bytes above 64 Gi.
    ["Mem:  8060904  1  2", 8060904 * 1024, undefined],
    ["Mem:  270000000000  1  2", 270000000000, undefined],
    // Both readings plausible: not used.
    ["Mem:  24683620  1  2", undefined, "free-unit-unknown"],
    ["Mem:  25276026880  1  2", undefined, "free-unit-unknown"],
    ["$ free -m\nMem:  24105  1  2", undefined, "free-unit-unsupported"],
    ["$ free -h\nMem:  24105  1  2", undefined, "free-unit-unsupported"],
  ])("(h) reads a free row %j as %s bytes", (text, memTotalBytes, note) => {
    const d = parseDiagnostics(text);
    expect(d.memTotalBytes).toBe(memTotalBytes);
    expect(d.lines.at(-1)).toMatchObject({ kind: "free-mem", ...(note === undefined ? {} : { note }) });
  });

  it("(h) prefers MemTotal to free, wherever each comes", () => {
    const d = parseDiagnostics(
      `${FREE_B.replace("25276026880", "25276025856")}\nMemTotal:       24683620 kB`,
    );
    expect(d).toMatchObject({ memTotalBytes: 25276026880, memTotalSource: "meminfo" });
    expect(lineAt(d, 3)?.note).toBe("superseded");
    const after = parseDiagnostics(`MemTotal:       24683620 kB\n${FREE_K}`);
    expect(after).toMatchObject({ memTotalBytes: 25276026880, memTotalSource: "meminfo" });
    expect(lineAt(after, 4)?.note).toBe("superseded");
  });
});

describe("parseDiagnostics: one line of each format", () => {
  it.each<[string, LineKind, Partial<Diagnostics>]>([
    // /proc/meminfo (proc(5)), also through grep -H.
    ["MemTotal:       24683620 kB", "meminfo", { memTotalBytes: 25276026880 }],
    ["/proc/meminfo:MemTotal:       24683620 kB", "meminfo", { memTotalBytes: 25276026880 }],
    // sysctl(8), sysctl.conf, grep -H on /proc/sys, legacy names (docs/kernel-facts.md §3).
    ["net.netfilter.nf_conntrack_max = 262144", "sysctl-max", { conntrackMax: 262144 }],
    ["net.netfilter.nf_conntrack_max=262144", "sysctl-max", { conntrackMax: 262144 }],
    ["/proc/sys/net/netfilter/nf_conntrack_max:262144", "sysctl-max", { conntrackMax: 262144 }],
    ["net/netfilter/nf_conntrack_max = 262144", "sysctl-max", { conntrackMax: 262144 }],
    ["net.nf_conntrack_max = 262144", "sysctl-max", { conntrackMax: 262144 }],
    ["net.ipv4.netfilter.ip_conntrack_max = 65536", "sysctl-max", { conntrackMax: 65536 }],
    ["nf_conntrack_max:262144", "sysctl-max", { conntrackMax: 262144 }],
    ["net.netfilter.nf_conntrack_buckets = 65536", "sysctl-buckets", { conntrackBuckets: 65536 }],
    ["/sys/module/nf_conntrack/parameters/hashsize:65536", "hashsize", { conntrackBuckets: 65536 }],
    ["net.netfilter.nf_conntrack_count = 1530", "sysctl-count", { conntrackCount: 1530 }],
    [
      "net.netfilter.nf_conntrack_tcp_timeout_established = 432000",
      "sysctl-timeout",
      { timeouts: { nf_conntrack_tcp_timeout_established: 432000 } },
    ],
    [
      "net.ipv4.netfilter.ip_conntrack_tcp_timeout_established = 432000",
      "sysctl-timeout",
      { timeouts: { ip_conntrack_tcp_timeout_established: 432000 } },
    ],
    [
      "net.netfilter.nf_flowtable_udp_timeout = 30",
      "sysctl-timeout",
      { timeouts: { nf_flowtable_udp_timeout: 30 } },
    ],
    ["net.netfilter.nf_conntrack_tcp_max_retrans = 3", "sysctl-other", { timeouts: {} }],
    ["net.netfilter.nf_conntrack_max", "ignored", {}],
    ["net.netfilter.nf_conntrack_max = -1", "ignored", {}],
    // uname(1), and busybox's.
    ["6.8.0-45-generic x86_64", "uname", { kernelRelease: "6.8.0-45-generic", arch: 64 }],
    ["6.8.0-45-generic", "uname", { kernelRelease: "6.8.0-45-generic" }],
    ["aarch64", "uname", { machine: "aarch64", arch: 64 }],
    ["Linux 6.6.31+rpt-rpi-v8 aarch64", "uname", { kernelRelease: "6.6.31+rpt-rpi-v8", arch: 64 }],
    [
      "Linux host 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux",
      "uname",
      { kernelRelease: "6.8.0-45-generic", arch: 64, machine: "x86_64" },
    ],
    [
      "Linux OpenWrt 5.10.176 #0 SMP Sun Apr 9 12:27:07 2023 armv7l GNU/Linux",
      "uname",
      { kernelRelease: "5.10.176", arch: 32 },
    ],
    ["4.19.0 i686", "uname", { arch: 32 }],
    ["5.15.0 armv8l", "uname", { arch: 64 }],
    ["4.9.0 mips", "uname", { arch: 32 }],
    ["8.8.8.8", "ignored", {}],
    ["1.2.3", "ignored", {}],
    // Page size: getconf PAGESIZE, getconf -a, the collector's label.
    ["4096", "page-size", { pageBytes: 4096 }],
    ["16384", "page-size", { pageBytes: 16384 }],
    ["65536", "page-size", { pageBytes: 65536 }],
    ["8192", "ignored", {}],
    ["PAGESIZE: 16384", "page-size", { pageBytes: 16384 }],
    ["PAGE_SIZE                          65536", "page-size", { pageBytes: 65536 }],
    ["PAGESIZE: 4095", "ignored", {}],
    // The kernel log (docs/kernel-facts.md §8), with and without prefixes.
    ["nf_conntrack: nf_conntrack: table full, dropping packet", "table-full", { tableFullMessages: 1 }],
    ["nf_conntrack: table full, dropping packet", "table-full", { tableFullMessages: 1 }],
    ["nf_conntrack: table full, dropping packet.", "table-full", { tableFullMessages: 1 }],
    ["ip_conntrack: table full, dropping packet.", "table-full", { tableFullMessages: 1 }],
    [
      "[12345.678901] nf_conntrack: nf_conntrack: table full, dropping packet",
      "table-full",
      { tableFullMessages: 1 },
    ],
    [
      "Nov 25 03:12:01 host kernel: [12345.678901] nf_conntrack: table full, dropping packet",
      "table-full",
      { tableFullMessages: 1, tableFullSource: "log-lines" },
    ],
    [
      "[12345.678902] net_ratelimit: 1234 callbacks suppressed",
      "ratelimit-suppressed",
      { suppressedCallbacks: 1234 },
    ],
    [
      "table_full_messages: 7",
      "table-full-count",
      { tableFullMessages: 7, tableFullSource: "collector-count" },
    ],
    // Boot lines (kernel-defaults.ts renderBootLine()).
    [
      "[    0.861944] nf_conntrack version 0.5.0 (65536 buckets, 262144 max)",
      "boot-line",
      { bootLine: { module: "nf_conntrack", buckets: 65536, max: 262144 } },
    ],
    [
      "ip_conntrack version 2.4 (8192 buckets, 65536 max) - 304 bytes per conntrack",
      "boot-line",
      { bootLine: { module: "ip_conntrack", buckets: 8192, max: 65536, bytesPerEntry: 304 } },
    ],
    // slabinfo 2.1 (docs/kernel-facts.md §4).
    [
      "nf_conntrack_ffffffff818b9000   1204   1326    304   26    2 : tunables    0    0    0 : slabdata     51     51      0",
      "slabinfo",
      {
        slab: {
          cache: "nf_conntrack_ffffffff818b9000",
          objectSize: 304,
          objectsPerSlab: 26,
          pagesPerSlab: 2,
          effectiveBytesPerEntry: 316,
          pageBytes: 4096,
          pageBytesAssumed: true,
        },
      },
    ],
    [
      "nf_conntrack_expect      0      0    232   17    1 : tunables    0    0    0 : slabdata      0      0      0",
      "ignored",
      {},
    ],
    ["nf_conntrack 1 1 256 0 1 : tunables 0 0 0 : slabdata 0 0 0", "ignored", {}],
    // Shell prompts and commands are not data, even when they mention the data.
    ["$ dmesg | grep 'nf_conntrack: table full, dropping packet'", "ignored", {}],
    ["# sysctl -w net.netfilter.nf_conntrack_max=262144", "ignored", {}],
    ["echo 262144 > /proc/sys/net/netfilter/nf_conntrack_max", "ignored", {}],
    ["# net.netfilter.nf_conntrack_max = 262144", "ignored", {}],
    ["conntrack v1.4.8 (conntrack-tools): 1530 flow entries have been shown.", "ignored", {}],
    ["1530", "ignored", {}],
    ['<td class="v">MemTotal: 24683620 kB</td>', "ignored", {}],
  ])("%j is %s", (text, kind, expected) => {
    const d = parseDiagnostics(text);
    expect(d.lines).toHaveLength(1);
    expect(d.lines[0]?.kind).toBe(kind);
    expect(d).toMatchObject(expected);
  });

  it("ignores a /proc/net/stat row pasted without its header", () => {
    const d = parseDiagnostics("000005fa  00000001 00000010 00000000 00000002 00000000");
    expect(d.lines[0]).toMatchObject({ kind: "ignored", note: "no-header" });
    expect(d.stats).toBeUndefined();
  });

  it("keeps the first of two stat blocks, in either format, and marks the second", () => {
    const proc = PROMPTED.split("\n").slice(1, 4).join("\n");
    const conntrackS = MODERN.split("\n").slice(12, 14).join("\n");
    const twice = parseDiagnostics(`${proc}\n${proc}`);
    expect(twice.stats).toEqual(parseDiagnostics(proc).stats);
    expect(twice.lines.slice(3).map((l) => l.note)).toEqual(["duplicate", "duplicate", "duplicate"]);
    const both = parseDiagnostics(`${conntrackS}\n${proc}`);
    expect(both.stats).toEqual(parseDiagnostics(conntrackS).stats);
    const again = parseDiagnostics(`${conntrackS}\n${conntrackS}`);
    expect(again.stats?.cpus).toBe(2);
  });

  it("keeps the first value and says when a later one differs", () => {
    const d = parseDiagnostics(
      "net.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_max = 1048576",
    );
    expect(d.conntrackMax).toBe(262144);
    expect(d.lines.map((l) => l.note)).toEqual([undefined, "duplicate", "conflict"]);
  });

  it("counts log lines only when the collector's count is absent, never both", () => {
    const lines = "nf_conntrack: nf_conntrack: table full, dropping packet\n".repeat(4);
    expect(parseDiagnostics(lines)).toMatchObject({ tableFullMessages: 4, tableFullSource: "log-lines" });
    expect(parseDiagnostics(`${lines}table_full_messages: 9\n`)).toMatchObject({
      tableFullMessages: 9,
      tableFullSource: "collector-count",
    });
    const suppressed = parseDiagnostics(
      `${lines}net_ratelimit: 10 callbacks suppressed\nnet_ratelimit: 5 callbacks suppressed\n`,
    );
    expect(suppressed).toMatchObject({ tableFullMessages: 4, suppressedCallbacks: 15 });
  });

  it("recognises nothing in the collector command itself", () => {
    for (const command of [COLLECTOR_COMMAND, COLLECTOR_COMMAND_AS_ROOT, `$ ${COLLECTOR_COMMAND}`]) {
      const d = parseDiagnostics(command);
      expect(d.lines).toEqual([expect.objectContaining({ kind: "ignored", note: "command" })]);
      expect(d.tableFullMessages).toBeUndefined();
    }
  });

  it("reads the page size the collector's busybox fallback prints, and the fallback run by hand", () => {
    const fallback = COLLECTOR_STEPS.find((step) => step.includes("PAGESIZE")) ?? "";
    expect(fallback).toContain("getconf PAGESIZE 2>/dev/null || awk");
    expect(fallback).toContain("/proc/self/smaps");
    expect(parseDiagnostics("PAGESIZE: 16384\n").pageBytes).toBe(16384);
    const byHand = parseDiagnostics(
      '$ awk "/KernelPageSize/{print \\$2*1024; exit}" /proc/self/smaps\n8192\n',
    );
    // A bare 8192 is read only because the command before it asked for the page size.
    expect(byHand.pageBytes).toBe(8192);
    expect(byHand.lines.map((l) => l.kind)).toEqual(["ignored", "bare-value"]);
  });

  it("clears a command's expectation once its value is read", () => {
    const d = parseDiagnostics("$ getconf PAGESIZE\n16384\n1530\n");
    expect(d.pageBytes).toBe(16384);
    expect(lineAt(d, 3)?.kind).toBe("ignored");
    const count = parseDiagnostics("$ conntrack -C\n4096\n");
    expect(count).toMatchObject({ conntrackCount: 4096 });
    expect(count.pageBytes).toBeUndefined();
    const timeout = parseDiagnostics("$ cat /proc/sys/net/netfilter/nf_conntrack_udp_timeout\n30\n");
    expect(timeout.timeouts).toEqual({ nf_conntrack_udp_timeout: 30 });
  });

  it("shows line text bounded, without control characters", () => {
    const d = parseDiagnostics(`x\u0000y\u001b[31m${"z".repeat(300)}`);
    expect(d.lines[0]?.text).toHaveLength(200);
    expect(d.lines[0]?.text.startsWith("x\uFFFDy\uFFFD[31m")).toBe(true);
    expect(parseDiagnostics(`${"a".repeat(199)}😀`).lines[0]?.text).toBe("a".repeat(199));
  });

  it("skips blank lines but keeps counting them", () => {
    const d = parseDiagnostics("\n\n  \nMemTotal: 1024 kB\n");
    expect(d.lines).toEqual([{ lineNumber: 4, text: "MemTotal: 1024 kB", kind: "meminfo" }]);
  });
});

describe("bounds and hostile input", () => {
  const numbersIn = (value: unknown): number[] =>
    typeof value === "number"
      ? [value]
      : value !== null && typeof value === "object"
        ? Object.values(value).flatMap(numbersIn)
        : [];

  // Pieces of real lines, so that random combinations reach the number-reading paths.
  const fragments = [
    ...MODERN.split("\n"),
    ...CENTOS6.split("\n"),
    ...OPENWRT.split("\n"),
    ...PROMPTED.split("\n"),
    "Mem: 0 0 0",
    "$ free -b",
    "nf_conntrack 0 0 0 0 0 : tunables 0 0 0 : slabdata 0 0 0",
    "nf_conntrack 1 1 999999 1 999999 : tunables 0 0 0",
    "MemTotal: 999999999999 kB",
    "net.netfilter.nf_conntrack_max = 0",
    "net.netfilter.nf_conntrack_buckets = 0",
    "entries drop early_drop insert_failed",
    "ffffffff ffffffff ffffffff ffffffff",
    "cpu=0 drop=4294967295 early_drop=9999999999 insert_failed=0",
    "table_full_messages: 9999999999",
    "nf_conntrack version 0.5.0 (0 buckets, 0 max)",
    "\u0000",
    "<script>alert(1)</script>",
  ];
  const pasteLike = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: "binary", maxLength: 40 })), {
      maxLength: 30,
    })
    .chain((parts) => fc.constantFrom("\n", "\r\n", "\t", " ").map((separator) => parts.join(separator)));

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        parseDiagnostics(text);
      }),
    );
  });

  it("never yields NaN or Infinity, in the parse or the diagnosis", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), pasteLike), (text) => {
        const d = parseDiagnostics(text);
        const kernelDefault = computeDiagnosticsKernelDefault(d);
        const all = [
          ...numbersIn(d),
          ...numbersIn(diagnose(d, kernelDefault ?? undefined)),
          ...numbersIn(kernelDefault),
        ];
        expect(all.every((n) => Number.isFinite(n))).toBe(true);
      }),
    );
  });

  it("suggests only values the calculator's validators accept", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), pasteLike), (text) => {
        for (const [key, value] of Object.entries(suggestedFields(parseDiagnostics(text)))) {
          expect(validateField(key as "ram" | "arch" | "kernel" | "page" | "struct", value).ok).toBe(true);
        }
      }),
    );
  });

  it("stops at 1 MiB and at 20,000 lines, and says so", () => {
    const oneLine = `nf_conntrack ${" ".repeat(4000)}`.repeat(Math.ceil((5 * 1024 * 1024) / 4013));
    const long = parseDiagnostics(oneLine);
    expect(long.truncated).toBe(true);
    expect(long.lines).toEqual([]);

    const manyLines = "MemTotal: 1024 kB\n".repeat(200_000);
    const many = parseDiagnostics(manyLines);
    expect(many.truncated).toBe(true);
    expect(many.lines).toHaveLength(MAX_LINES);
    expect(many.memTotalBytes).toBe(1024 * 1024);

    const tooLongLines = `${"x".repeat(5000)}\n`.repeat(1000);
    const ignored = parseDiagnostics(tooLongLines);
    expect(ignored.truncated).toBe(true);
    expect(ignored.lines[0]).toMatchObject({ kind: "ignored", note: "too-long" });
    expect(ignored.lines[0]?.text).toHaveLength(200);
  });

  it("does not read the line that the 1 MiB cut splits", () => {
    // 1048500 + 41 characters: the cut at 1048576 falls after "net.netfilter.nf_conntrack_max = 26".
    const filler = `${"#".repeat(99)}\n`.repeat(10485) + `${"#".repeat(40)}\n`;
    const line = "net.netfilter.nf_conntrack_max = 262144\n";
    const d = parseDiagnostics(filler + line);
    expect(d.truncated).toBe(true);
    expect(d.conntrackMax).toBeUndefined();
    expect(d.lines.at(-1)?.lineNumber).toBe(10486);
    expect(parseDiagnostics(filler.slice(100) + line)).toMatchObject({
      truncated: false,
      conntrackMax: 262144,
    });
  });

  it("reads a line that ends exactly at the 1 MiB cut", () => {
    // 1048537 + 39 characters: "…= 262144" ends at character 1048576, its line break just after.
    const filler = `${"#".repeat(99)}\n`.repeat(10485) + `${"#".repeat(36)}\n`;
    const line = "net.netfilter.nf_conntrack_max = 262144\n";
    const d = parseDiagnostics(`${filler}${line}more that is not read\n`);
    expect(filler.length + line.length - 1).toBe(MAX_INPUT_CHARS);
    expect(d.truncated).toBe(true);
    expect(d.conntrackMax).toBe(262144);
  });
});

describe("unavailable sources", () => {
  it.each<[string, string | null]>([
    ["-bash: conntrack: command not found", "stats"],
    ["sh: 1: sysctl: not found", "sysctl"],
    ["cat: /proc/net/stat/nf_conntrack: No such file or directory", "stats"],
    ["conntrack v1.4.8 (conntrack-tools): Operation failed: Operation not permitted", "stats"],
    ["sysctl: permission denied on key 'net.ipv4.tcp_fastopen_key'", null],
    ["ls: cannot access '/home': Permission denied", null],
  ])("%j", (text, source) => {
    const d = parseDiagnostics(text);
    expect(d.unavailable).toEqual(source === null ? [] : [source]);
    expect(d.lines[0]?.kind).toBe(source === null ? "ignored" : "unavailable");
  });

  it("reads a command's value only from the line right after it", () => {
    const d = parseDiagnostics(
      "$ sysctl net.netfilter.nf_conntrack_max\nnet.netfilter.nf_conntrack_max = 262144\n1530\n",
    );
    expect(d.conntrackMax).toBe(262144);
    expect(lineAt(d, 3)?.kind).toBe("ignored");
  });
});

describe("the TSDoc example of parseDiagnostics", () => {
  it("holds", () => {
    const d = parseDiagnostics("MemTotal:       24683620 kB\n6.18.44 x86_64\n");
    expect(d).toMatchObject({ memTotalBytes: 25276026880, arch: 64, kernelRelease: "6.18.44" });
    expect(d.lines.map((l) => l.kind)).toEqual(["meminfo", "uname"]);
  });
});
