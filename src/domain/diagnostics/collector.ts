/**
 * The steps of the collector command, in order. Each prints lines whose own shape the parser in
 * parse-diagnostics.ts recognises (it never relies on the order or on marker lines), and each degrades
 * to a labelled line when it cannot read its source as an ordinary user.
 *
 * - Time: `TIME: <seconds since the epoch>` (`date +%s`, POSIX and busybox alike). The counters are
 *   cumulative since boot, so two outputs pasted one after the other give per-second rates.
 * - MemTotal: /proc/meminfo is world-readable.
 * - `uname -rm`: kernel release and machine (`6.18.44 x86_64`).
 * - Page size: labelled, so the parser need not guess what a bare number is. busybox systems
 *   (OpenWrt, initramfs shells) have no getconf, so the fallback reads the collector's own
 *   KernelPageSize from /proc/self/smaps (in kB; awk's own mappings, which use the base page):
 *   the kernel lab (scripts/kernel-lab/) recorded it on 4 KiB and 16 KiB kernels under busybox.
 *   The awk program sits in double quotes with `\$2` escaped, as the line has no single quotes.
 * - Conntrack sysctls: read from /proc/sys with `grep -H .`, which prints `path:value`. Not
 *   `sysctl`: it lives in /usr/sbin (procps), which is not on an ordinary user's PATH on Debian.
 *   The files are world-readable (nf_conntrack_count is 0444, docs/kernel-facts.md §8); the
 *   directory exists only while nf_conntrack is loaded (§9).
 * - Slab line: /proc/slabinfo is 0400 root (measured on 6.18; its sysfs twin
 *   /sys/kernel/slab/nf_conntrack/* is 0400 too), so an ordinary user gets a labelled note.
 *   `^nf_conntrack` also matches the per-netns caches of kernels <= 4.6 (`nf_conntrack_<ptr>`,
 *   docs/kernel-facts.md §4) and `nf_conntrack_expect`, which the parser skips.
 * - Per-CPU statistics: `conntrack -S` needs CAP_NET_ADMIN (ctnetlink) and conntrack-tools; the
 *   fallback /proc/net/stat/nf_conntrack is world-readable (0444, measured on 6.18).
 * - Table-full messages: `dmesg` fails for ordinary users when kernel.dmesg_restrict = 1 (the
 *   default on Debian and Ubuntu), so it is tried first and a failure is labelled instead of
 *   printing a misleading count of 0. The pattern is the substring docs/kernel-facts.md §8
 *   recommends; it matches the nf_conntrack and ip_conntrack wordings, with or without the dot.
 *   From 6.17 a full namespace other than the initial one logs `table full in netns <inum>,
 *   dropping packet` instead (errata F6), which that pattern misses: it is counted on its own line,
 *   since it says another namespace (a container, a pod) was full, not this one; and per namespace
 *   (`table_full_in_netns <inum>: N`, sed, sort and uniq -c, which busybox has too), so the page can
 *   say which namespace filled.
 *
 * POSIX sh only (dash, busybox ash): no brace expansion, no `[[`, no `pipefail`; no `sudo`. No
 * single quotes either, so the whole line can be wrapped in `sh -c '...'` (COLLECTOR_COMMAND_AS_ROOT).
 *
 * @internal exported for its tests
 */
export const COLLECTOR_STEPS: readonly string[] = [
  // Its own line first, so that two outputs pasted one after the other give rates (snapshot-rates.ts).
  'echo "TIME: $(date +%s)"',
  "grep MemTotal /proc/meminfo",
  "uname -rm",
  'echo "PAGESIZE: $(getconf PAGESIZE 2>/dev/null ||' +
    ' awk "/KernelPageSize/{print \\$2*1024; exit}" /proc/self/smaps 2>/dev/null)"',
  "if [ -r /proc/sys/net/netfilter/nf_conntrack_max ]; then" +
    " grep -Hs . /proc/sys/net/netfilter/nf_conntrack_max /proc/sys/net/netfilter/nf_conntrack_buckets" +
    " /proc/sys/net/netfilter/nf_conntrack_count /proc/sys/net/netfilter/nf_conntrack_*timeout*;" +
    ' else echo "nf_conntrack sysctls: not found (module not loaded?)"; fi',
  'if [ -r /proc/slabinfo ]; then grep "^nf_conntrack" /proc/slabinfo;' +
    ' else echo "slabinfo: needs root"; fi',
  "conntrack -S 2>/dev/null || cat /proc/net/stat/nf_conntrack 2>/dev/null" +
    ' || echo "conntrack_stats: not available"',
  "if dmesg >/dev/null 2>&1; then" +
    ' echo "table_full_messages: $(dmesg | grep -c "table full, dropping packet")";' +
    ' echo "table_full_netns_messages: $(dmesg | grep -c "table full in netns")";' +
    ' dmesg | sed -n "s/.*table full in netns \\([0-9]*\\),.*/\\1/p" | sort | uniq -c' +
    ' | sed "s/^ *\\([0-9]*\\) \\([0-9]*\\)$/table_full_in_netns \\2: \\1/";' +
    ' else echo "table_full_messages: needs root"; fi',
];

/**
 * The one-line collector shown read-only with a copy button. Safe to run as an ordinary user:
 * it only reads, and the parts that need root (slabinfo; dmesg where restricted) print
 * `...: needs root` instead. COLLECTOR_COMMAND_AS_ROOT runs the same line as root.
 *
 * @example
 * // Output on a 6.18 x86_64 host as root (abridged):
 * // TIME: 1796601600
 * // MemTotal:       24683620 kB
 * // 6.18.44 x86_64
 * // PAGESIZE: 4096
 * // /proc/sys/net/netfilter/nf_conntrack_max:262144
 * // nf_conntrack  1530  1632  256  16  1 : tunables 0 0 0 : slabdata 102 102 0
 * // cpu=0 found=0 invalid=130 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 ...
 * // table_full_messages: 0
 */
export const COLLECTOR_COMMAND: string = COLLECTOR_STEPS.join("; ");

/** The same collector run as root through sudo, for the slab line and the kernel log. */
export const COLLECTOR_COMMAND_AS_ROOT: string = `sudo sh -c '${COLLECTOR_COMMAND}'`;
