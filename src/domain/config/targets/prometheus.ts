import { headerLines, renderConfig, type ConfigLine } from "../config-files";
import { INT_MAX } from "../../sizing/inputs";
import { ramBytesPerEntry, ramEntriesPerMiB } from "../../sizing/sizing";
import { ALERTS, INSERT_RACE_BELOW_PERCENT } from "./alert-rules";
import {
  blank,
  comment,
  item,
  kubeLines,
  section,
  setting,
  type TargetFile,
  type TargetSource,
  type ValuesFrom,
} from "./target-source";

/**
 * The window a rate is measured over: long enough for two scrapes at the usual 1 minute interval
 * or less, which rate() needs.
 */
const WINDOW = "5m";

/**
 * How long each condition must hold before its alert fires (`for:`), so that one scrape, one
 * reboot or one lost packet pages nobody. The counter rules are rates over WINDOW, so a single
 * event keeps a rule pending for WINDOW at most and never fires; only events that recur in every
 * window for the whole duration do. Fill 5m: long enough to skip a burst between two scrapes, short
 * enough to warn before a steady climb reaches the limit (a fast one shows as drops). Drops 10m, as
 * node_exporter's own NodeClockSkewDetected and NodeClockNotSynchronising (docs/node-mixin/alerts/
 * alerts.libsonnet at v1.12.1, 6044da783597). Insert failures 15m, as its NodeFileDescriptorLimit,
 * the same file: on Kubernetes nodes they come and go with DNS traffic. The limit below the
 * recommendation 1h, as its NodeNetworkReceiveErrs: a setting, not an event.
 */
const FOR = { fill: "5m", drop: "10m", insert: "15m", limit: "1h" } as const;

/** The extra rule, Prometheus only: the limit set is below the recommended one. */
const LIMIT_RULE = { name: "NfConntrackLimitBelowRecommended", severity: "info" } as const;

/**
 * The fill in percent, per series: node_exporter's NodeHighNumberConntrackEntriesUsed's ratio × 100.
 * Where nf_conntrack_max = 0 means no limit (kernels before 6.19: `if (nf_conntrack_max &&
 * unlikely(ct_count > nf_conntrack_max))` in __nf_conntrack_alloc(); 2b749f257645 refuses 0 from
 * 6.19), a host set to 0 has no fill: the comparison filter drops its series instead of dividing by
 * 0 (+Inf, which would page "table +Inf% full" for a table that cannot fill).
 */
const fillPercent = (maxZeroMeansNoLimit: boolean): string =>
  maxZeroMeansNoLimit
    ? "100 * node_nf_conntrack_entries / (node_nf_conntrack_entries_limit > 0)"
    : "100 * node_nf_conntrack_entries / node_nf_conntrack_entries_limit";

const rate = (metric: string) => `rate(${metric}[${WINDOW}])`;

/**
 * Prometheus alerting rules (groups, rules with alert, expr, for, labels, annotations, as promtool
 * check rules reads them) on node_exporter's conntrack metrics (alert-rules.ts) and MemTotal
 * (node_memory_MemTotal_bytes: collector/meminfo_linux.go at v1.12.1, 6044da783597; the meminfo
 * collector is on by default, registerCollector("meminfo", defaultEnabled, …) in meminfo.go).
 *
 * `fleet` (the default on the page): everything per host is computed in the query, so one file is
 * right for every node: the fill against the limit each host reports, and the RAM rule from each
 * host's MemTotal (or the user's explicit max, the same for every host). `host`: this page's
 * values in the limit rule and in every description, with the page's link, for one host.
 *
 * Every vector match is on all labels (PromQL's default): the series of one node_exporter target
 * carry the same labels, whatever the scrape job is called, so no job selector is needed.
 *
 * @example prometheusTarget({ ...source, alertThresholdPercent: 80 }, "fleet").text // … > 80 …
 */
export function prometheusTarget(source: TargetSource, values: ValuesFrom): TargetFile {
  const { sizing, rules, link, inputs, alertThresholdPercent: threshold } = source;
  const host = values === "host";
  const recommended = ` Recommended for this host: ${rules.names.maxSysctl} = ${sizing.max}, ${sizing.buckets} buckets.`;
  const [filling, drop, earlyDrop, insertFailed, insertRace] = ALERTS;
  const fill = fillPercent(rules.maxZeroMeansNoLimit);
  const rule = (
    alert: { readonly name: string; readonly severity: string },
    expr: string,
    duration: string,
    summary: string,
    description: string,
  ): ConfigLine =>
    item([
      setting("alert", alert.name),
      setting("expr", expr),
      setting("for", duration),
      section("labels", [setting("severity", alert.severity)]),
      section("annotations", [
        setting("summary", summary),
        setting("description", host ? `${description}${recommended}` : description),
        ...(host ? [setting("reproduce", link)] : []),
      ]),
    ]);
  const limit = limitRule(source, values);
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("Prometheus alerting rules on node_exporter's conntrack collector (on by default): add the"),
    comment(
      "file to rule_files in prometheus.yml, or wrap it in a PrometheusRule for the Prometheus Operator.",
    ),
    ...(host
      ? [
          comment("With this page's values: for the one host above, whose recommended values and link"),
          comment("every description carries. The fleet variant computes them per host."),
        ]
      : [
          comment("For every host: each rule computes what is per host from that host's own metrics"),
          comment(
            sizing.maxSource === "ram"
              ? `(the limit it reports; the RAM rule from its MemTotal, ${inputs.arch}-bit: MemTotal / ${ramBytesPerEntry(inputs.arch)}),`
              : `(the limit it reports), and compares it with the nf_conntrack_max set here for every host,`,
          ),
          comment("so one file serves the whole fleet; the inputs above give only the threshold and"),
          comment("the architecture. The variant with this page's values names one host's numbers."),
        ]),
    ...(rules.names.module === "ip_conntrack"
      ? [
          comment(
            "node_exporter reads nf_conntrack's files alone: on this kernel's ip_conntrack the metrics",
          ),
          comment("are absent and these rules stay silent; use the check script there."),
        ]
      : []),
    ...(rules.maxZeroMeansNoLimit
      ? [
          comment(
            "nf_conntrack_max = 0 means no limit before 6.19: such a host has no fill, so the fill rules",
          ),
          comment("skip it, its insert failures count as the race, and the limit rule names it."),
        ]
      : []),
    ...kubeLines(source, true, values),
    blank,
    section("groups", [
      item([
        setting("name", "nf-conntrack"),
        section("rules", [
          rule(
            filling,
            `${fill} > ${threshold}`,
            FOR.fill,
            "nf_conntrack table {{ $value | humanize }}% full on {{ $labels.instance }}",
            `More than ${threshold}% of nf_conntrack_max has been in use for ${FOR.fill}; once the table is full, new connections are dropped.`,
          ),
          // A lost insert race counts in drop as well as insert_failed: nf_ct_resolve_clash() counts
          // drop when it cannot resolve the clash, then __nf_conntrack_confirm() insert_failed
          // (net/netfilter/nf_conntrack_core.c since 71d8c47fc653, "netfilter: conntrack: introduce
          // clash resolution on insertion race"). Only the drops beyond the race's are this rule's.
          rule(
            drop,
            `${rate(drop.metric)} > ${rate(insertFailed.metric)}`,
            FOR.drop,
            "nf_conntrack dropping packets on {{ $labels.instance }}",
            `Packets have been dropped at {{ $value | humanize }}/s (over ${WINDOW}) for ${FOR.drop}, more than the insert race accounts for: no conntrack entry could be made (the table was full, or a helper dropped them).`,
          ),
          rule(
            earlyDrop,
            `${rate(earlyDrop.metric)} > 0`,
            FOR.drop,
            "nf_conntrack evicting entries on {{ $labels.instance }}",
            `Unreplied entries have been evicted at {{ $value | humanize }}/s (over ${WINDOW}) for ${FOR.drop} to make room: the table is full.`,
          ),
          rule(
            insertFailed,
            `${rate(insertFailed.metric)} > 0 and ${fill} >= ${INSERT_RACE_BELOW_PERCENT}`,
            FOR.insert,
            "nf_conntrack insert failures on {{ $labels.instance }}",
            `Inserts have failed at {{ $value | humanize }}/s (over ${WINDOW}) for ${FOR.insert} with the table ${INSERT_RACE_BELOW_PERCENT}% full or more: new entries clashed with one already in the table and their packets were dropped. If the table keeps filling, size it up; if not, see NfConntrackInsertRace.`,
          ),
          // The insert race: parallel UDP packets of one new flow (a resolver's A and AAAA queries
          // from one socket) through NAT race to confirm the same tuple; the kernel's own test of it
          // is tools/testing/selftests/net/netfilter/udpclash.c ("mimics DNS resolver libraries
          // that emit A and AAAA requests in parallel"), exercising 71d8c47fc653, ed07d9a021df and
          // 6a757c07e51f. The table's size plays no part.
          rule(
            insertRace,
            // `unless … >=`, not `and … <`: a host without a fill (no limit) keeps its race.
            `${rate(insertRace.metric)} > 0 unless ${fill} >= ${INSERT_RACE_BELOW_PERCENT}`,
            FOR.insert,
            "nf_conntrack insert race on {{ $labels.instance }}",
            `Inserts have failed at {{ $value | humanize }}/s (over ${WINDOW}) for ${FOR.insert} while the table is less than ${INSERT_RACE_BELOW_PERCENT}% full: the insert race, parallel UDP packets of one new flow (DNS A and AAAA queries through NAT, typically on Kubernetes) racing to create the same entry; the loser is dropped and the client waits for a retry. A bigger table does not fix it: use single-request-reopen or TCP for DNS, or a node-local DNS cache.`,
          ),
          rule(LIMIT_RULE, limit.expr, FOR.limit, limit.summary, limit.description),
        ]),
      ]),
    ]),
  ];
  return host
    ? {
        id: "prometheus-host",
        fileName: "nf-conntrack-alerts-host.yml",
        syntax: "yaml",
        text: renderConfig(lines, "yaml"),
      }
    : {
        id: "prometheus",
        fileName: "nf-conntrack-alerts.yml",
        syntax: "yaml",
        text: renderConfig(lines, "yaml"),
      };
}

/**
 * The limit rule: the limit a host reports below the recommended nf_conntrack_max. In the fleet,
 * from RAM, the RAM rule per host: floor(MemTotal / ramBytesPerEntry) (sizing.ts: RAM / 32768 on
 * 64-bit, RAM in MiB × 32), at most INT_MAX as computeSizing() clamps it; its value is then the
 * recommendation. Otherwise the page's max; its value is then the limit.
 */
function limitRule(
  { sizing, inputs, rules }: TargetSource,
  values: ValuesFrom,
): { expr: string; summary: string; description: string } {
  const summary = "nf_conntrack_max below the recommended on {{ $labels.instance }}";
  const noLimit = rules.maxZeroMeansNoLimit
    ? " A limit of 0 means none (before 6.19): the table grows until memory runs out."
    : "";
  const exact = '{{ printf "%.0f" $value }}';
  if (values === "fleet" && sizing.maxSource === "ram") {
    const perEntry = ramBytesPerEntry(inputs.arch);
    return {
      expr: `clamp_max(floor(node_memory_MemTotal_bytes / ${perEntry}), ${INT_MAX}) > node_nf_conntrack_entries_limit`,
      summary,
      description: `nf_conntrack_max has been below ${exact} for ${FOR.limit}: that is the RAM rule for this host's MemTotal (MemTotal / ${perEntry}, RAM in MiB x ${ramEntriesPerMiB(inputs.arch)}). On a Kubernetes node, kube-proxy may have set it.${noLimit}`,
    };
  }
  return {
    expr: `node_nf_conntrack_entries_limit < ${sizing.max}`,
    summary,
    description: `nf_conntrack_max has been ${exact} for ${FOR.limit}, below the ${sizing.max} ${values === "fleet" ? "set for every host" : "recommended"}. On a Kubernetes node, kube-proxy may have set it.${noLimit}`,
  };
}
