import { headerLines, renderConfig, type ConfigLine } from "../config-files";
import { formatKernelVersion } from "../../kernel/kernel-version";
import { comment, kubeLines, type TargetFile, type TargetSource } from "./target-source";

/** Nagios plugin exit codes (Nagios Plugin API, "Plugin Return Codes"): OK, WARNING, CRITICAL, UNKNOWN. */
const EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;

/**
 * /proc paths of a kernel's names: net.netfilter.nf_conntrack_max → sys/net/netfilter/… and the
 * per-CPU statistics of that module (net/stat/nf_conntrack, net/stat/ip_conntrack before 2.6.22).
 */
function procPaths(source: TargetSource): { count: string; max: string; stat: string } {
  const { maxSysctl, module } = source.rules.names;
  const max = `sys/${maxSysctl.replace(/\./g, "/")}`;
  return { count: max.replace(/_max$/, "_count"), max, stat: `net/stat/${module}` };
}

/**
 * The awk program that sums the per-CPU hex counters of /proc/net/stat/nf_conntrack, finding each
 * column by the header line (their set and order differ between kernels: clashres, chainlength from
 * 5.x/6.x). POSIX awk has no hex input (strtonum is gawk's), so digits are read one by one; doubles
 * hold the sums exactly below 2^53, and each per-CPU counter is 32 bits (ip_conntrack_stat).
 * Prints "drop early_drop insert_failed", or fails when the file is empty or a column is missing
 * (a missing key is tested with `in` before any lookup, which would create it).
 */
const SUM_COUNTERS_AWK = [
  "function hex(s,   i, n) {",
  "  n = 0; s = tolower(s)",
  '  for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1',
  "  return n",
  "}",
  "NR == 1 {",
  "  for (i = 1; i <= NF; i++) col[$i] = i",
  '  bad = !(("drop" in col) && ("early_drop" in col) && ("insert_failed" in col))',
  "  next",
  "}",
  '!bad && NF > 0 { drop += hex($(col["drop"])); early += hex($(col["early_drop"])); failed += hex($(col["insert_failed"])) }',
  'END { if (bad || NR == 0) exit 1; printf "%.0f %.0f %.0f\\n", drop, early, failed }',
];

/**
 * A POSIX sh check for hosts without Prometheus, for cron or as a Nagios / Icinga plugin: one line
 * `STATUS - text | perfdata` and the plugin exit code. WARNING above the threshold (as the
 * NfConntrackTableFilling rule), CRITICAL when the table is full; with a state file, an increase of
 * drop since the last run is CRITICAL and of early_drop or insert_failed a WARNING, as the counter
 * rules. Runs in dash, bash and busybox sh; NF_CONNTRACK_PROC points it at another proc root (a
 * container's /host/proc, or test files).
 *
 * @example checkTarget(source).text.startsWith("#!/bin/sh\n")
 */
export function checkTarget(source: TargetSource): TargetFile {
  const paths = procPaths(source);
  const threshold = source.alertThresholdPercent;
  const header: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("Checks the conntrack table where no Prometheus runs: from cron, or as a Nagios/Icinga plugin."),
    comment(
      `Prints one line and exits ${EXIT.ok} OK, ${EXIT.warning} WARNING, ${EXIT.critical} CRITICAL or ${EXIT.unknown} UNKNOWN:`,
    ),
    comment(`WARNING above ${threshold}% of the limit, CRITICAL when the table is full. With a state file`),
    comment("(NF_CONNTRACK_STATE=/var/tmp/nf-conntrack.state) it also compares the counters with the last"),
    comment("run: a new drop is CRITICAL, a new early_drop or insert_failed a WARNING. Without one, the"),
    comment("counters since boot are in the performance data (unit c) for a grapher to watch."),
    comment("NF_CONNTRACK_PROC=/host/proc reads another proc mount (default /proc)."),
    comment(
      `A limit below the one recommended here (${source.sizing.max}) is named in the line; it changes no status.`,
    ),
    ...kubeLines(source, true),
  ];
  const body = [
    "PROC=${NF_CONNTRACK_PROC:-/proc}",
    "STATE=${NF_CONNTRACK_STATE:-}",
    `THRESHOLD=${threshold}`,
    `RECOMMENDED=${source.sizing.max}`,
    `COUNT_FILE=$PROC/${paths.count}`,
    `MAX_FILE=$PROC/${paths.max}`,
    `STAT_FILE=$PROC/${paths.stat}`,
    "",
    "is_number() {",
    "  case $1 in '' | *[!0-9]*) return 1 ;; esac",
    "}",
    "",
    `status=${EXIT.ok}`,
    "notes=",
    "raise() {",
    '  [ "$1" -gt "$status" ] && status=$1',
    '  notes="$notes; $2"',
    "}",
    "",
    'count=$(cat "$COUNT_FILE" 2>/dev/null)',
    'max=$(cat "$MAX_FILE" 2>/dev/null)',
    'if ! is_number "$count" || ! is_number "$max"; then',
    `  echo "UNKNOWN - cannot read $COUNT_FILE and $MAX_FILE (is the module loaded?)"`,
    `  exit ${EXIT.unknown}`,
    "fi",
    "",
    "warn=$((max * THRESHOLD / 100))",
    'if [ "$max" -eq 0 ]; then',
    // 0 is no limit before 6.19 (`if (nf_conntrack_max && …)` in __nf_conntrack_alloc()); from 6.19
    // the sysctl refuses it (2b749f257645), so a 0 there means the script runs on another kernel.
    ...(source.rules.maxZeroMeansNoLimit
      ? [`  raise ${EXIT.warning} "nf_conntrack_max is 0: no limit, the table grows until memory runs out"`]
      : [
          `  echo "UNKNOWN - nf_conntrack_max reads 0, which kernels from 6.19 refuse: this script was made for kernel ${formatKernelVersion(source.inputs.kernel)}"`,
          `  exit ${EXIT.unknown}`,
        ]),
    "  percent=0",
    "else",
    "  percent=$((count * 100 / max))",
    '  if [ "$count" -ge "$max" ]; then',
    `    raise ${EXIT.critical} "table full: new connections are dropped"`,
    "  elif [ $((count * 100)) -gt $((max * THRESHOLD)) ]; then",
    `    raise ${EXIT.warning} "above $THRESHOLD%"`,
    "  fi",
    "fi",
    "",
    'if [ "$max" -lt "$RECOMMENDED" ]; then',
    '  notes="$notes; nf_conntrack_max below the $RECOMMENDED recommended"',
    "fi",
    'perf="entries=$count;$warn;$max;0;$max"',
    "counters=$(awk '",
    ...SUM_COUNTERS_AWK.map((line) => `  ${line}`),
    '\' "$STAT_FILE" 2>/dev/null) || counters=',
    'if [ -n "$counters" ]; then',
    "  set -- $counters",
    "  drop=$1 early=$2 failed=$3",
    '  perf="$perf drop=${drop}c early_drop=${early}c insert_failed=${failed}c"',
    '  if [ -n "$STATE" ]; then',
    '    last=$(cat "$STATE" 2>/dev/null)',
    `    printf "%s\\n" "$counters" > "$STATE" || raise ${EXIT.unknown} "cannot write $STATE"`,
    "    set -- $last",
    '    if [ $# -eq 3 ] && is_number "$1" && is_number "$2" && is_number "$3"; then',
    "      # A counter below its last value means a reboot reset it: all of it is new.",
    '      new() { if [ "$1" -ge "$2" ]; then echo $(($1 - $2)); else echo "$1"; fi; }',
    '      d=$(new "$drop" "$1") e=$(new "$early" "$2") f=$(new "$failed" "$3")',
    `      [ "$d" -gt 0 ] && raise ${EXIT.critical} "drop +$d since the last run"`,
    `      [ "$e" -gt 0 ] && raise ${EXIT.warning} "early_drop +$e since the last run"`,
    `      [ "$f" -gt 0 ] && raise ${EXIT.warning} "insert_failed +$f since the last run"`,
    "    fi",
    "  fi",
    "else",
    '  notes="$notes; no counters in $STAT_FILE"',
    "fi",
    "",
    "case $status in",
    `  ${EXIT.ok}) word=OK ;;`,
    `  ${EXIT.warning}) word=WARNING ;;`,
    `  ${EXIT.critical}) word=CRITICAL ;;`,
    "  *) word=UNKNOWN ;;",
    "esac",
    'echo "$word - nf_conntrack $count of $max entries ($percent%), threshold $THRESHOLD%$notes | $perf"',
    'exit "$status"',
  ];
  const text = ["#!/bin/sh", renderConfig(header).trimEnd(), "", ...body].join("\n").concat("\n");
  return { id: "check", fileName: "check-nf-conntrack.sh", syntax: "sh", text };
}
