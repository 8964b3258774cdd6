/**
 * The four alerts, shared by the Prometheus rules, the check script and alertsFiringNow().
 * Metric names from node_exporter's conntrack collector (collector/conntrack_linux.go at v1.12.1,
 * 6044da783597; enabled by default, README "Enabled by default"): node_nf_conntrack_entries and
 * node_nf_conntrack_entries_limit read /proc/sys/net/netfilter/nf_conntrack_count and _max; the
 * node_nf_conntrack_stat_* series, added in v1.2.0 (02ee897c, "Added conntrack statistics
 * metrics"), are /proc/net/stat/nf_conntrack's per-CPU counters summed, exported as gauges although
 * they only grow until a reboot resets them.
 *
 * Severities: warning for the fill, as node_exporter's NodeHighNumberConntrackEntriesUsed; critical
 * for drop, which counts packets lost; warning for early_drop (unreplied entries evicted to make
 * room) and insert_failed (a clash, its packet dropped, usually retried).
 */
export const ALERTS = [
  { name: "NfConntrackTableFilling", metric: "node_nf_conntrack_entries", severity: "warning" },
  { name: "NfConntrackDrop", metric: "node_nf_conntrack_stat_drop", severity: "critical" },
  { name: "NfConntrackEarlyDrop", metric: "node_nf_conntrack_stat_early_drop", severity: "warning" },
  { name: "NfConntrackInsertFailed", metric: "node_nf_conntrack_stat_insert_failed", severity: "warning" },
] as const;

export type AlertName = (typeof ALERTS)[number]["name"];

/** The counter alerts, by the /proc/net/stat/nf_conntrack column they watch. */
export type CounterColumn = "drop" | "early_drop" | "insert_failed";
