import { headerLines, renderConfig, type ConfigLine } from "../config-files";
import { ALERTS } from "./alert-rules";
import {
  blank,
  comment,
  item,
  kubeLines,
  section,
  setting,
  type TargetFile,
  type TargetSource,
} from "./target-source";

/**
 * The window an increase is measured over: long enough for two scrapes at the usual 1 minute
 * interval or less, which increase() needs.
 */
const WINDOW = "5m";

/**
 * Prometheus alerting rules (groups, rules with alert, expr, labels, annotations, as promtool
 * check rules reads them) on node_exporter's conntrack metrics (alert-rules.ts). The fill rule is
 * node_exporter's own NodeHighNumberConntrackEntriesUsed (docs/node-mixin/alerts/alerts.libsonnet,
 * 48bb6f670c6b, at v1.12.1) with the user's percentage; the counter rules fire on any increase:
 * increase() counts a reboot's reset as such. No job selector: scrape jobs are named differently
 * everywhere.
 *
 * @example prometheusTarget({ ...source, alertThresholdPercent: 80 }).text // … > 80 …
 */
export function prometheusTarget(source: TargetSource): TargetFile {
  const { sizing, rules, link, alertThresholdPercent: threshold } = source;
  const recommended = `Recommended for this host: ${rules.names.maxSysctl} = ${sizing.max}, ${sizing.buckets} buckets.`;
  const [filling, drop, earlyDrop, insertFailed] = ALERTS;
  const rule = (
    alert: (typeof ALERTS)[number],
    expr: string,
    summary: string,
    description: string,
  ): ConfigLine =>
    item([
      setting("alert", alert.name),
      setting("expr", expr),
      section("labels", [setting("severity", alert.severity)]),
      section("annotations", [
        setting("summary", summary),
        setting("description", `${description} ${recommended}`),
        setting("reproduce", link),
      ]),
    ]);
  const increase = (metric: string) => `increase(${metric}[${WINDOW}]) > 0`;
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("Prometheus alerting rules on node_exporter's conntrack collector (on by default): add the"),
    comment(
      "file to rule_files in prometheus.yml, or wrap it in a PrometheusRule for the Prometheus Operator.",
    ),
    ...(rules.names.module === "ip_conntrack"
      ? [
          comment(
            "node_exporter reads nf_conntrack's files alone: on this kernel's ip_conntrack the metrics",
          ),
          comment("are absent and these rules stay silent; use the check script there."),
        ]
      : []),
    ...kubeLines(source, true),
    blank,
    section("groups", [
      item([
        setting("name", "nf-conntrack"),
        section("rules", [
          rule(
            filling,
            `100 * ${filling.metric} / node_nf_conntrack_entries_limit > ${threshold}`,
            "nf_conntrack table {{ $value | humanize }}% full on {{ $labels.instance }}",
            `More than ${threshold}% of nf_conntrack_max is in use; once the table is full, new connections are dropped.`,
          ),
          rule(
            drop,
            increase(drop.metric),
            "nf_conntrack dropped packets on {{ $labels.instance }}",
            `The drop counter rose by {{ $value | humanize }} in ${WINDOW}: packets were dropped because no conntrack entry could be made (the table was full, or a helper dropped them).`,
          ),
          rule(
            earlyDrop,
            increase(earlyDrop.metric),
            "nf_conntrack evicted entries on {{ $labels.instance }}",
            `The early_drop counter rose by {{ $value | humanize }} in ${WINDOW}: the table was full and unreplied entries were evicted to make room.`,
          ),
          rule(
            insertFailed,
            increase(insertFailed.metric),
            "nf_conntrack insert failures on {{ $labels.instance }}",
            `The insert_failed counter rose by {{ $value | humanize }} in ${WINDOW}: entries clashed with one already in the table (often parallel UDP through NAT, such as DNS) and their packets were dropped.`,
          ),
        ]),
      ]),
    ]),
  ];
  return {
    id: "prometheus",
    fileName: "nf-conntrack-alerts.yml",
    syntax: "yaml",
    text: renderConfig(lines, "yaml"),
  };
}
