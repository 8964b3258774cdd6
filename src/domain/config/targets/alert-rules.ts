/**
 * The alerts shared by the Prometheus rules, the check script and alertsFiringNow().
 * Metric names from node_exporter's conntrack collector (collector/conntrack_linux.go at v1.12.1,
 * 6044da783597; enabled by default, README "Enabled by default"): node_nf_conntrack_entries and
 * node_nf_conntrack_entries_limit read /proc/sys/net/netfilter/nf_conntrack_count and _max; the
 * node_nf_conntrack_stat_* series, added in v1.2.0 (02ee897c, "Added conntrack statistics
 * metrics"), are /proc/net/stat/nf_conntrack's per-CPU counters summed, exported as gauges although
 * they only grow until a reboot resets them.
 *
 * Severities: warning for the fill, as node_exporter's NodeHighNumberConntrackEntriesUsed; critical
 * for drop, which counts packets lost; warning for early_drop (unreplied entries evicted to make
 * room) and for insert_failed, split by the table's fill into the insert race (a clash of parallel
 * UDP flows, which a bigger table does not fix) and insert failures with the table half full or more.
 */
export const ALERTS = [
  { name: "NfConntrackTableFilling", metric: "node_nf_conntrack_entries", severity: "warning" },
  { name: "NfConntrackDrop", metric: "node_nf_conntrack_stat_drop", severity: "critical" },
  { name: "NfConntrackEarlyDrop", metric: "node_nf_conntrack_stat_early_drop", severity: "warning" },
  { name: "NfConntrackInsertFailed", metric: "node_nf_conntrack_stat_insert_failed", severity: "warning" },
  { name: "NfConntrackInsertRace", metric: "node_nf_conntrack_stat_insert_failed", severity: "warning" },
] as const;

export type AlertName = (typeof ALERTS)[number]["name"];

/** The counter alerts, by the /proc/net/stat/nf_conntrack column they watch. */
export type CounterColumn = "drop" | "early_drop" | "insert_failed";

/**
 * Below this fill, in percent, insert failures are named the insert race: a table at most half full
 * has room, so an insert that fails there failed because an entry with the same tuple got in first
 * (__nf_conntrack_confirm() in net/netfilter/nf_conntrack_core.c), not for want of room, which
 * nf_conntrack_alloc() counts as early_drop or drop. A judgement, not a kernel constant; the same
 * number in the rules and in alertsFiringNow().
 */
export const INSERT_RACE_BELOW_PERCENT = 50;
