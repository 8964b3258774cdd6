// Checks every generated target with the tool that reads it: promtool check rules, ansible-playbook
// --syntax-check, cloud-init schema, nix-instantiate --parse, and sh -n / bash -n / busybox sh -n on
// the check script, which is also run by dash and by busybox (sh and awk) against fake /proc trees.
// Missing tools are installed from Debian's packages when run as root. Exits 1 on any failure.
//
//   npm run validate:targets              (in a temporary folder, removed afterwards)
//   npm run validate:targets -- --keep DIR  (writes the files to DIR and keeps them)
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";
import { parse } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const INT_MAX = 2147483647;
/** The rules' durations in minutes, as the model below reads `for:`. */
const minutes = (text) => Number(text.replace(/m$/, "").replace(/^(\d+)h$/, (_, h) => String(60 * h)));
// humanize is %.4g for values from 1 to 1000 (template functions in Prometheus' template package).
const humanize = (v) => String(Number(v.toPrecision(4)));

/** Each tool, the Debian package that has it and how it prints its version. */
const TOOLS = [
  { bin: "promtool", pkg: "prometheus", version: ["--version"] },
  { bin: "ansible-playbook", pkg: "ansible", version: ["--version"] },
  { bin: "cloud-init", pkg: "cloud-init", version: ["--version"] },
  { bin: "nix-instantiate", pkg: "nix-bin", version: ["--version"] },
  { bin: "dash", pkg: "dash", version: null },
  { bin: "bash", pkg: "bash", version: ["--version"] },
  { bin: "busybox", pkg: "busybox", version: [] },
];

const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function installMissing() {
  const missing = TOOLS.filter((t) => !has(t.bin));
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  if (process.getuid?.() !== 0) {
    console.error(
      `validate-targets: missing ${missing.map((t) => t.bin).join(", ")}; as root: apt-get install ${pkgs.join(" ")}`,
    );
    process.exit(1);
  }
  const start = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
  // The package lists are fetched only when there are none yet or the install cannot find a package.
  const lists = existsSync("/var/lib/apt/lists") ? readdirSync("/var/lib/apt/lists") : [];
  if (!lists.some((name) => name.endsWith("_Packages") || name.includes("_Packages."))) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  }
  if (install().status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    if (install().status !== 0) {
      console.error(`validate-targets: apt-get install ${pkgs.join(" ")} failed`);
      process.exit(1);
    }
  }
  console.log(`installed ${pkgs.join(" ")} in ${seconds(Date.now() - start)}`);
}

function versionOf(tool) {
  if (tool.version === null) {
    const out = spawnSync("dpkg-query", ["-W", "-f=${Version}", tool.pkg], { encoding: "utf8" });
    return `${tool.bin} (Debian ${tool.pkg} ${out.stdout.trim()})`;
  }
  const out = spawnSync(tool.bin, tool.version, { encoding: "utf8" });
  return `${out.stdout}${out.stderr}`.split("\n").find((line) => line.trim() !== "") ?? tool.bin;
}

const failures = [];
const timings = new Map();

/** Runs a command; records its time under `validator` and a failure with its output. */
function check(validator, what, cmd, args, options = {}) {
  const start = Date.now();
  const result = spawnSync(cmd, args, { encoding: "utf8", ...options });
  timings.set(validator, (timings.get(validator) ?? 0) + Date.now() - start);
  const expected = options.expectStatus ?? 0;
  if (result.status !== expected) {
    failures.push(
      `${validator}: ${what}: exit ${result.status ?? result.signal}, expected ${expected}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

installMissing();
for (const tool of TOOLS) console.log(`${tool.bin}: ${versionOf(tool)}`);

const loadStart = Date.now();
const { module } = await runnerImport(join(root, "scripts/target-scenarios.ts"), {
  root,
  configFile: false,
  logLevel: "silent",
});
const scenarios = module.renderScenarios();
console.log(
  `rendered ${scenarios.length} scenarios through Vite's module runner in ${seconds(Date.now() - loadStart)}`,
);

const keepAt = process.argv.indexOf("--keep");
const keep = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
if (keep) rmSync(keep, { recursive: true, force: true });
if (keep) mkdirSync(keep, { recursive: true });
const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "validate-targets-"));
const plays = [];
const fleetPlays = [];
let fleetInventoryText = "";
const rules = [];
const promtoolPassed = [];
try {
  for (const scenario of scenarios) {
    const dir = join(work, scenario.name);
    mkdirSync(dir);
    const paths = {};
    for (const file of scenario.files) {
      paths[file.id] = join(dir, file.fileName);
      writeFileSync(paths[file.id], file.text);
    }
    rules.push(paths.prometheus, paths["prometheus-host"]);
    // Each task list imported by a play, as its header says, and the same tasks inline in a play.
    for (const id of ["ansible", "ansible-host"]) {
      const tasks = scenario.files.find((f) => f.id === id).text;
      plays.push(
        `- name: ${scenario.name} ${id} imported\n  hosts: localhost\n  gather_facts: false\n  tasks:\n    - ansible.builtin.import_tasks: ${paths[id]}\n`,
        `- name: ${scenario.name} ${id} inline\n  hosts: localhost\n  gather_facts: false\n  tasks:\n${tasks.replace(/^(?=.)/gm, "    ")}`,
      );
    }
    if (scenario.maxSource === "ram") {
      fleetPlays.push(ansibleFleetPlay(scenario));
      fleetInventoryText = fleetInventory(scenario);
    }
    check("cloud-init schema", scenario.name, "cloud-init", [
      ...schemaCommand(),
      "--config-file",
      paths["cloud-init"],
    ]);
    check("nix-instantiate --parse", scenario.name, "nix-instantiate", ["--parse", paths.nixos], {
      env: { ...process.env, NIX_CONFIG: "build-users-group =" },
    });
    for (const [shell, args] of [
      ["dash", ["-n"]],
      ["bash", ["-n"]],
      ["busybox", ["sh", "-n"]],
    ]) {
      check("sh -n", `${scenario.name} ${shell}`, shell, [...args, paths.check]);
    }
    runCheckScript(scenario, paths.check, dir);
    for (const variant of ["fleet", "host"]) {
      const unitTests = join(dir, `alerts-${variant}.test.yml`);
      const test = promtoolTests(
        scenario,
        variant,
        variant === "fleet" ? paths.prometheus : paths["prometheus-host"],
      );
      writeFileSync(unitTests, test.text);
      const run = check("promtool test rules", `${scenario.name} ${variant}`, "promtool", [
        "test",
        "rules",
        unitTests,
      ]);
      if (run.status === 0) promtoolPassed.push(`${scenario.name} ${variant}: ${test.firing} alerts`);
    }
  }
  check("promtool check rules", "all scenarios", "promtool", ["check", "rules", ...rules]);
  const playbook = join(work, "play.yml");
  writeFileSync(playbook, plays.join("\n"));
  check(
    "ansible-playbook --syntax-check",
    "all scenarios",
    "ansible-playbook",
    ["--syntax-check", "-i", "localhost,", playbook],
    {
      env: { ...process.env, ANSIBLE_LOCALHOST_WARNING: "false", ANSIBLE_NOCOLOR: "1" },
    },
  );
  // The fleet task lists' facts, run for real on localhost: each host size gets the page's values.
  const fleetPlaybook = join(work, "fleet.yml");
  const inventory = join(work, "fleet-inventory.yml");
  writeFileSync(fleetPlaybook, JSON.stringify(fleetPlays));
  writeFileSync(inventory, fleetInventoryText);
  check(
    "ansible-playbook fleet facts",
    `${fleetPlays.length} plays`,
    "ansible-playbook",
    ["-i", inventory, fleetPlaybook],
    { env: { ...process.env, ANSIBLE_LOCALHOST_WARNING: "false", ANSIBLE_NOCOLOR: "1" } },
  );
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

/**
 * The hosts the rules are tested on, per rule file: a fleet of hosts of different sizes (the
 * scenario's fleet: MemTotal and the page's max for it), each with a limit of its own, half of them
 * just above the fill threshold and half at it, one with a limit below its recommendation; then
 * hosts whose counters rise steadily (the insert race at 1 % fill, insert failures at 60 %, a full
 * table dropping and evicting) and one with a single burst of every counter, which must never fire.
 * Counters rise by `rate` per second from the first minute on; `blip` steps once at 10m.
 */
function fleetHosts(scenario) {
  const T = scenario.alertThresholdPercent;
  const hosts = scenario.fleet.map((host, i) => {
    const limit = i === 1 ? Math.max(1, Math.floor(host.max / 2)) : host.max;
    const at = Math.floor((limit * T) / 100);
    return {
      instance: `host${i}-${host.memTotalBytes / 1048576}mib:9100`,
      memTotal: host.memTotalBytes,
      recommended: host.max,
      limit,
      entries: i % 2 === 0 ? at + 1 : at,
      drop: 0,
      early: 0,
      insert: 0,
    };
  });
  const steady = (instance, limit, entries, drop, early, insert) => ({
    instance,
    limit,
    entries,
    drop,
    early,
    insert,
  });
  return [
    ...hosts,
    steady("race:9100", 262144, 2621, 1, 0, 1),
    steady("crowded:9100", 1000, 600, 1, 0, 1),
    steady("full:9100", 1000, 1000, 2, 1, 0),
    { ...steady("blip:9100", 1000, 10, 0, 0, 0), blip: true },
    // nf_conntrack_max = 0, no limit before 6.19 (refused from 6.19): no fill, its failures the race.
    ...(scenario.maxZeroMeansNoLimit ? [steady("nolimit:9100", 0, 5000, 1, 0, 1)] : []),
  ];
}

/** The series of the hosts, one sample a minute for 100 minutes. */
function seriesOf(hosts) {
  const counter = (rate, blip) => (blip ? "0x10 5x90" : rate === 0 ? "0x100" : `0+${60 * rate}x100`);
  return hosts.flatMap((h) => [
    ...(h.memTotal === undefined
      ? []
      : [{ series: `node_memory_MemTotal_bytes{instance="${h.instance}"}`, values: `${h.memTotal}x100` }]),
    { series: `node_nf_conntrack_entries{instance="${h.instance}"}`, values: `${h.entries}x100` },
    { series: `node_nf_conntrack_entries_limit{instance="${h.instance}"}`, values: `${h.limit}x100` },
    { series: `node_nf_conntrack_stat_drop{instance="${h.instance}"}`, values: counter(h.drop, h.blip) },
    {
      series: `node_nf_conntrack_stat_early_drop{instance="${h.instance}"}`,
      values: counter(h.early, h.blip),
    },
    {
      series: `node_nf_conntrack_stat_insert_failed{instance="${h.instance}"}`,
      values: counter(h.insert, h.blip),
    },
  ]);
}

/**
 * What each rule gives for a host, as docs/targets.md states the rules, from the host's numbers
 * alone: the value when the condition holds, with the minute it starts to hold (rates need two
 * samples), or null. The limit rule's recommendation is the page's own computeSizing() for the
 * host's MemTotal (the scenario's fleet), never recomputed here.
 */
function expected(scenario, variant, host) {
  const T = scenario.alertThresholdPercent;
  // A limit of 0 (no limit) has no fill: the rules filter it out instead of dividing by 0.
  const fill = host.limit === 0 ? null : (100 * host.entries) / host.limit;
  const perHost = variant === "fleet" && scenario.maxSource === "ram";
  const hostRules = parse(scenario.files.find((f) => f.id === "prometheus-host").text).groups[0].rules;
  const pageMax = hostRules
    .find((r) => r.alert === "NfConntrackLimitBelowRecommended")
    .expr.match(/^node_nf_conntrack_entries_limit < (\d+)$/)[1];
  const limitValue = perHost
    ? host.recommended !== undefined && host.recommended > host.limit
      ? host.recommended
      : null
    : host.limit < Number(pageMax)
      ? host.limit
      : null;
  const rate = (r) => (r > 0 ? { value: r, from: 1 } : null);
  return {
    NfConntrackTableFilling: fill !== null && fill > T ? { value: fill, from: 0 } : null,
    NfConntrackDrop: host.drop > host.insert ? rate(host.drop) : null,
    NfConntrackEarlyDrop: rate(host.early),
    NfConntrackInsertFailed: fill !== null && fill >= 50 ? rate(host.insert) : null,
    NfConntrackInsertRace: fill === null || fill < 50 ? rate(host.insert) : null,
    NfConntrackLimitBelowRecommended:
      limitValue === null ? null : { value: Math.min(limitValue, INT_MAX), from: 0 },
  };
}

/**
 * A promtool unit test of one rule file on the fleet above, at 12m (the fill and the drops have
 * held for their `for:`, the insert rules and the limit rule have not) and at 90m (all have): each
 * rule fires for exactly the hosts the model says, with its labels and its annotations filled in as
 * Prometheus does.
 */
function promtoolTests(scenario, variant, rulesPath) {
  const file = scenario.files.find((f) => f.id === (variant === "fleet" ? "prometheus" : "prometheus-host"));
  const rules = parse(file.text).groups[0].rules;
  const hosts = fleetHosts(scenario);
  const fill = (text, instance, value) =>
    text
      .replaceAll("{{ $value | humanize }}", humanize(value))
      .replaceAll('{{ printf "%.0f" $value }}', value.toFixed(0))
      .replaceAll("{{ $labels.instance }}", instance);
  const tests = [12, 90].flatMap((at) =>
    rules.map((rule) => ({
      eval_time: `${at}m`,
      alertname: rule.alert,
      exp_alerts: hosts.flatMap((host) => {
        const hit = expected(scenario, variant, host)[rule.alert];
        if (hit === undefined) throw new Error(`no model for ${rule.alert}`);
        if (hit === null || at - hit.from < minutes(rule.for)) return [];
        return [
          {
            exp_labels: { instance: host.instance, severity: rule.labels.severity },
            exp_annotations: Object.fromEntries(
              Object.entries(rule.annotations).map(([k, v]) => [k, fill(v, host.instance, hit.value)]),
            ),
          },
        ];
      }),
    })),
  );
  const firing = tests.reduce((n, t) => n + t.exp_alerts.length, 0);
  return {
    firing,
    text: JSON.stringify({
      rule_files: [rulesPath],
      evaluation_interval: "1m",
      tests: [{ interval: "1m", input_series: seriesOf(hosts), alert_rule_test: tests }],
    }),
  };
}

/**
 * An Ansible play that runs the fleet task list's set_fact tasks alone on every fleet host (an
 * inventory host per MemTotal, with its ansible_memtotal_mb) and asserts the page's max and bucket
 * count for each.
 */
function ansibleFleetPlay(scenario) {
  const tasks = parse(scenario.files.find((f) => f.id === "ansible").text).filter(
    (t) => "ansible.builtin.set_fact" in t,
  );
  const expectedFor = Object.fromEntries(
    scenario.fleet.map((host) => [fleetHostName(host), { max: host.max, buckets: host.buckets }]),
  );
  return {
    name: `${scenario.name} fleet facts`,
    hosts: "all",
    gather_facts: false,
    vars: { expected_for: expectedFor },
    tasks: [
      ...tasks,
      {
        "ansible.builtin.assert": {
          that: [
            "nf_conntrack_max | int == expected_for[inventory_hostname].max",
            "nf_conntrack_buckets | int == expected_for[inventory_hostname].buckets",
          ],
        },
      },
    ],
  };
}

/** A fleet host's inventory name. */
function fleetHostName(host) {
  return `mem${host.memTotalBytes / 1048576}mib`;
}

/** The inventory of the fleet's hosts: local connections, each with its MemTotal in MiB. */
function fleetInventory(scenario) {
  const hosts = Object.fromEntries(
    scenario.fleet.map((host) => [
      fleetHostName(host),
      { ansible_connection: "local", ansible_memtotal_mb: host.memTotalBytes / 1048576 },
    ]),
  );
  return JSON.stringify({ all: { hosts } });
}

/** cloud-init 22.2 and later: `cloud-init schema`; before, `cloud-init devel schema`. */
function schemaCommand() {
  return spawnSync("cloud-init", ["schema", "--help"], { stdio: "ignore" }).status === 0
    ? ["schema"]
    : ["devel", "schema"];
}

/**
 * Runs the check script against fake /proc trees, with dash and with busybox's sh and awk (a
 * PATH holding only busybox's applets), and checks each exit code and status word.
 */
function runCheckScript(scenario, script, dir) {
  const text = scenario.files.find((f) => f.id === "check").text;
  const path = (name) => text.match(new RegExp(`^${name}=\\$PROC/(.+)$`, "m"))?.[1];
  const [count, max, stat] = [path("COUNT_FILE"), path("MAX_FILE"), path("STAT_FILE")];
  if (!count || !max || !stat) {
    failures.push(`check script: ${scenario.name}: no COUNT_FILE, MAX_FILE or STAT_FILE line`);
    return;
  }
  const header =
    "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart";
  const row = (drop) =>
    ["00000010", 0, 0, 0, 0, 0, 0, 0, 0, 1, drop, 0, 0, 0, 0, 0, 0]
      .map((n) => (typeof n === "number" ? n.toString(16).padStart(8, "0") : n))
      .join(" ");
  const limit = 1000;
  const above = Math.floor((limit * scenario.alertThresholdPercent) / 100) + 1;
  // What the script must answer for a count: the rules of its header, computed here on their own.
  const expected = (n) =>
    n === null ? 3 : n >= limit ? 2 : 100 * n > limit * scenario.alertThresholdPercent ? 1 : 0;
  const cases = [
    { name: "at-threshold", count: above - 1 },
    { name: "above-threshold", count: above },
    { name: "full", count: limit },
    { name: "unreadable", count: null },
  ].map((c) => ({ ...c, status: expected(c.count) }));
  const busyboxBin = join(dir, "busybox-bin");
  mkdirSync(busyboxBin);
  const busybox = execFileSync("sh", ["-c", "command -v busybox"], { encoding: "utf8" }).trim();
  for (const applet of ["sh", "awk", "cat", "printf", "echo", "["])
    symlinkSync(busybox, join(busyboxBin, applet));
  for (const file of [count, max, stat])
    mkdirSync(dirname(join(dir, "proc-state", file)), { recursive: true });
  writeFileSync(join(dir, "proc-state", max), `${limit}\n`);
  for (const c of cases) {
    const proc = join(dir, `proc-${c.name}`);
    for (const file of [count, max, stat]) mkdirSync(dirname(join(proc, file)), { recursive: true });
    if (c.count !== null) writeFileSync(join(proc, count), `${c.count}\n`);
    writeFileSync(join(proc, max), `${limit}\n`);
    writeFileSync(join(proc, stat), `${header}\n${row(0)}\n${row(255)}\n`);
    const word = ["OK", "WARNING", "CRITICAL", "UNKNOWN"][c.status];
    for (const [shell, env] of [
      ["dash", process.env],
      ["busybox", { PATH: busyboxBin }],
    ]) {
      const result = check(
        "check script run",
        `${scenario.name} ${c.name} ${shell}`,
        shell === "dash" ? "dash" : join(busyboxBin, "sh"),
        [script],
        {
          env: { ...env, NF_CONNTRACK_PROC: proc, NF_CONNTRACK_STATE: "" },
          expectStatus: c.status,
        },
      );
      const line = result.stdout.trim();
      const counters = c.status === 3 || line.includes("drop=255c early_drop=0c insert_failed=2c");
      if (!line.startsWith(`${word} - `) || line.includes("\n") || !counters) {
        failures.push(
          `check script: ${scenario.name} ${c.name} ${shell}: printed ${JSON.stringify(result.stdout)}`,
        );
      }
    }
  }
  // With a state file: the first run saves the counters, the second sees drop grow by 3: CRITICAL.
  const proc = join(dir, "proc-state");
  for (const [shell, env] of [
    ["dash", process.env],
    ["busybox", { PATH: busyboxBin }],
  ]) {
    const state = join(dir, `state-${shell}`);
    const statuses = [0, 3].map((drop) => {
      writeFileSync(join(proc, count), "1\n");
      writeFileSync(join(proc, stat), `${header}\n${row(drop)}\n`);
      const run = {
        env: { ...env, NF_CONNTRACK_PROC: proc, NF_CONNTRACK_STATE: state },
        expectStatus: drop === 0 ? 0 : 2,
      };
      return check(
        "check script run",
        `${scenario.name} state ${shell} drop ${drop}`,
        shell === "dash" ? "dash" : join(busyboxBin, "sh"),
        [script],
        run,
      ).stdout;
    });
    if (!statuses[1].includes("drop +3 since the last run")) {
      failures.push(`check script: ${scenario.name} state ${shell}: printed ${JSON.stringify(statuses[1])}`);
    }
  }
  chmodSync(script, 0o755);
}

for (const [validator, ms] of timings) console.log(`${validator}: ${seconds(ms)}`);
console.log(`promtool test rules passed: ${promtoolPassed.length} files (${promtoolPassed.join("; ")})`);
if (failures.length > 0) {
  console.error(`\n${failures.length} failed:\n${failures.join("\n")}`);
  process.exit(1);
}
console.log(`validate-targets: ${scenarios.length} scenarios, every target valid`);
