import { diagnose } from "./diagnose";
import type { DiagnosticLine, Diagnostics, LineKind } from "./dump";
import { v } from "../kernel/kernel-version";
import type { PasteContext } from "./paste-entry-bytes";

/** Pastes from real hosts, and helpers, shared by the diagnostics tests. */

export const kindsOf = (d: Diagnostics): Record<number, LineKind> =>
  Object.fromEntries(d.lines.map((l) => [l.lineNumber, l.kind]));
export const lineAt = (d: Diagnostics, lineNumber: number): DiagnosticLine | undefined =>
  d.lines.find((l) => l.lineNumber === lineNumber);
/** The page's default fields (6.12, 64-bit, a plain host), as the context a paste is read in. */
export const HOST: PasteContext = { kernel: v(6, 12), arch: 64, role: "host" };
export const codes = (d: Diagnostics, kernelDefault?: { max: number; buckets: number }) =>
  diagnose(d, kernelDefault).map((f) => f.code);

// (a) The collector's output as root on a 6.x x86_64 host (the 6.18 host of docs/kernel-facts.md,
// with a busier table): conntrack -S succeeded, so /proc/net/stat was not printed.
export const MODERN = `MemTotal:       24683620 kB
6.18.44-fc-v782 x86_64
PAGESIZE: 4096
/proc/sys/net/netfilter/nf_conntrack_max:262144
/proc/sys/net/netfilter/nf_conntrack_buckets:262144
/proc/sys/net/netfilter/nf_conntrack_count:1530
/proc/sys/net/netfilter/nf_conntrack_frag6_timeout:60
/proc/sys/net/netfilter/nf_conntrack_generic_timeout:600
/proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established:432000
/proc/sys/net/netfilter/nf_conntrack_udp_timeout:30
/proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream:120
nf_conntrack        1530   1632    256   16    1 : tunables    0    0    0 : slabdata    102    102      0
cpu=0   \tfound=12 invalid=130 insert=0 insert_failed=1 drop=4 early_drop=7 error=0 search_restart=1 clash_resolve=2 chaintoolong=0
cpu=1   \tfound=3 invalid=41 insert=0 insert_failed=0 drop=2 early_drop=5 error=0 search_restart=0 clash_resolve=1 chaintoolong=0
table_full_messages: 3
`;

// (b) CentOS 6 (2.6.32), commands run by hand as root: old stat format without search_restart,
// the per-netns slab cache name of kernels <= 4.6 (a slab line reported from such a host), the boot
// line, and the 2.6-era table-full message with its trailing dot.
export const CENTOS6 = `[root@centos6 ~]# grep MemTotal /proc/meminfo
MemTotal:        8060904 kB
[root@centos6 ~]# uname -a
Linux centos6 2.6.32-754.35.1.el6.x86_64 #1 SMP Sat Nov 7 12:42:14 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux
[root@centos6 ~]# sysctl -a | grep conntrack
net.netfilter.nf_conntrack_generic_timeout = 600
net.netfilter.nf_conntrack_tcp_timeout_established = 432000
net.netfilter.nf_conntrack_udp_timeout_stream = 180
net.netfilter.nf_conntrack_count = 65390
net.netfilter.nf_conntrack_buckets = 16384
net.netfilter.nf_conntrack_expect_max = 256
net.netfilter.nf_conntrack_max = 65536
net.nf_conntrack_max = 65536
net.ipv4.netfilter.ip_conntrack_max = 65536
net.ipv4.netfilter.ip_conntrack_count = 65390
[root@centos6 ~]# grep nf_conntrack /proc/slabinfo
nf_conntrack_expect      0      0    240   16    1 : tunables  120   60    8 : slabdata      0      0      0
nf_conntrack_ffffffff819e07c0  65412  65550    320   25    2 : tunables   54   27    8 : slabdata   2622   2622      0
[root@centos6 ~]# cat /proc/net/stat/nf_conntrack
entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete
0000ff6e  0b0d7a4c 2a01bd57 00d8b3cb 0000045c 03ac4f54 00d8a5c0 00d8a1a3 00d8b3c3 00000000 00000052 00000000 00000000  00000000 00000000 00000000
0000ff6e  07f0ee24 1dd4c2b2 009e27c2 00000352 02c4a9e5 009e1f58 009e1d02 009e27bd 00000000 0000001b 00000000 00000000  00000000 00000000 00000000
[root@centos6 ~]# dmesg | grep conntrack
nf_conntrack version 0.5.0 (16384 buckets, 65536 max)
nf_conntrack: table full, dropping packet.
nf_conntrack: table full, dropping packet.
`;

// (c) A 32-bit OpenWrt router (armv7l, busybox: no getconf), per-netns slab name nf_conntrack_1
// (a slab line reported from such a router: 264 B, 15 per slab, 1 page), so a <= 4.6 kernel; OpenWrt's own
// nf_conntrack_max of 16384.
export const OPENWRT = `MemTotal:         500316 kB
4.4.140 armv7l
PAGESIZE:
/proc/sys/net/netfilter/nf_conntrack_max:16384
/proc/sys/net/netfilter/nf_conntrack_buckets:8192
/proc/sys/net/netfilter/nf_conntrack_count:14000
/proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established:7440
/proc/sys/net/netfilter/nf_conntrack_udp_timeout:60
nf_conntrack_1       14050  14070    264   15    1 : tunables    0    0    0 : slabdata    938    938      0
entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart
000036b0  00000000 00004e20 00000000 0000000a 00000000 00000000 00000000 00002710 00000000 00000000 00000000 00000000  00000000 00000000 00000000 00000003
000036b0  00000000 00002710 00000000 00000005 00000000 00000000 00000000 00001388 00000001 00000000 00000000 00000000  00000000 00000000 00000000 00000000
table_full_messages: 0
`;

// (d) An ordinary user in a container without the module's sysctls, then the same sources read
// by hand, each failing with its own error message.
export const CONTAINER = `MemTotal:       16333740 kB
5.15.0-91-generic x86_64
PAGESIZE: 4096
nf_conntrack sysctls: not found (module not loaded?)
slabinfo: needs root
conntrack_stats: not available
table_full_messages: needs root
$ sysctl net.netfilter.nf_conntrack_max
sysctl: cannot stat /proc/sys/net/netfilter/nf_conntrack_max: No such file or directory
$ grep nf_conntrack /proc/slabinfo
grep: /proc/slabinfo: Permission denied
$ dmesg | grep -c 'table full'
dmesg: read kernel buffer failed: Operation not permitted
`;

// (g) Commands run one by one on a ppc64le host with 64 KiB pages, in another order, with
// prompts, bare values after sysctl -n, getconf and conntrack -C.
export const PROMPTED = `user@power9:~$ cat /proc/net/stat/nf_conntrack
entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart
000005fa  00000001 00000010 00000000 00000002 00000000 00000000 00000004 00000000 00000000 00000000 00000000 00000000  00000000 00000000 00000000 00000000
000005fa  00000000 00000020 00000000 00000000 00000000 00000000 00000001 00000000 00000002 00000000 00000003 00000000  00000000 00000000 00000000 00000001
user@power9:~$ getconf PAGESIZE
65536
user@power9:~$ uname -rm
5.14.0-427.13.1.el9_4.ppc64le ppc64le
user@power9:~$ sysctl net.netfilter.nf_conntrack_max
net.netfilter.nf_conntrack_max = 262144
user@power9:~$ sysctl -n net.netfilter.nf_conntrack_buckets
262144
user@power9:~$ sudo conntrack -C
1530
user@power9:~$ grep MemTotal /proc/meminfo
MemTotal:       263174528 kB
`;

// (h) The insert race: a 5.15 Kubernetes node whose table is 1.6 % full, with
// insert_failed equal to drop, many clash_resolve, no early drop and no table-full message. Its
// slab line is 5.10's geometry (320-byte objects, 12 per 4 KiB slab), the model's for 5.15.
export const RACE = `MemTotal:       65851340 kB
5.15.0-91-generic x86_64
PAGESIZE: 4096
/proc/sys/net/netfilter/nf_conntrack_max:262144
/proc/sys/net/netfilter/nf_conntrack_buckets:262144
/proc/sys/net/netfilter/nf_conntrack_count:4194
nf_conntrack        4194   4212    320   12    1 : tunables    0    0    0 : slabdata    351    351      0
cpu=0 found=210 invalid=35 insert=0 insert_failed=617 drop=617 early_drop=0 error=0 search_restart=3 clash_resolve=28394 chaintoolong=0
cpu=1 found=198 invalid=41 insert=0 insert_failed=617 drop=617 early_drop=0 error=0 search_restart=1 clash_resolve=28395 chaintoolong=0
table_full_messages: 0
`;

// (i) A host whose own namespace is far from full while a container's was full: 6.17 and later
// log that one as "table full in netns <inum>" (errata F6); this namespace counts no drop.
export const OTHER_NETNS = `6.18.44 x86_64
/proc/sys/net/netfilter/nf_conntrack_max:262144
/proc/sys/net/netfilter/nf_conntrack_count:1530
cpu=0 found=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0
[12345.678901] nf_conntrack: nf_conntrack: table full in netns 4026532481, dropping packet
[12345.778901] nf_conntrack: nf_conntrack: table full in netns 4026532481, dropping packet
`;
