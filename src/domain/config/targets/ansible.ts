import { headerLines, renderConfig, SYSCTL_FILE_NAME, type ConfigLine } from "../config-files";
import { INT_MAX } from "../../sizing/inputs";
import { largestBucketCount, ramEntriesPerMiB } from "../../sizing/sizing";
import {
  blank,
  comment,
  item,
  kubeLines,
  readOnlyBucketsLines,
  section,
  setting,
  sysctlValues,
  type TargetFile,
  type TargetSource,
  type ValuesFrom,
} from "./target-source";

/** The variable the /sys write registers, for its changed_when. */
const HASHSIZE_RESULT = "nf_conntrack_hashsize";
const RESIZED = "resized";

/** The facts the fleet variant sets, read by the tasks after it. */
const FACT = { max: "nf_conntrack_max", buckets: "nf_conntrack_buckets" } as const;

/**
 * The page's sizing in Jinja, from each host's facts: `ansible_memtotal_mb` is MemTotal in MiB,
 * rounded down (`int(val) // 1024` of /proc/meminfo's kB, get_memory_facts() in
 * lib/ansible/module_utils/facts/hardware/linux.py of ansible-core), so the max is the RAM rule as
 * written for people, RAM in MiB × 32 on 64-bit (× 64 on 32-bit; ramEntriesPerMiB()), clamped to
 * INT_MAX as computeSizing() does. It can be below the page's MemTotal / 32768 by at most 31 entries
 * (the kB below a whole MiB). The buckets follow computeSizing(): ceil(max × d / n) for the ratio
 * n/d, rounded up to the kernel's step, at most the largest table (largestBucketCount()). Jinja's
 * `//` is floor division, so ceil(a / b) is (a + b - 1) // b, exact on integers.
 */
function fleetFacts({ inputs, sizing }: TargetSource): { max: string; buckets: string } {
  const { numerator: n, denominator: d } = inputs.ratio;
  const step = sizing.bucketStep;
  const max = `(${FACT.max} | int)`;
  const scaled = d === 1 ? max : `${max} * ${d}`;
  const asked = n === 1 ? scaled : `(${scaled} + ${n - 1}) // ${n}`;
  const rounded = step === 1 ? asked : `(${asked} + ${step - 1}) // ${step} * ${step}`;
  return {
    max: `{{ [ansible_memtotal_mb * ${ramEntriesPerMiB(inputs.arch)}, ${INT_MAX}] | min }}`,
    buckets: `{{ [${rounded}, ${largestBucketCount(sizing.headBytes, step)}] | min }}`,
  };
}

/**
 * An Ansible task list, for `ansible.builtin.import_tasks` (or include_tasks) in a play for the host:
 * the module first, with its table size now and at every boot, then the sysctls.
 *
 * Modules: community.general.modprobe (name, params, state, and `persistent: present`, added in
 * community.general 7.0.0, which writes /etc/modules-load.d/<name>.conf and
 * /etc/modprobe.d/<name>.conf; plugins/modules/modprobe.py) and ansible.posix.sysctl (name, value,
 * sysctl_file, sysctl_set: verify with sysctl and set with -w, reload: `sysctl -p` the file when it
 * changed; docs of ansible.posix 1.x). A string value, as the module's examples write it.
 *
 * `fleet` (the page's default), where the max comes from RAM: two set_fact tasks first compute the
 * max and the bucket count from each host's MemTotal (fleetFacts()), and the tasks after them use
 * those facts, so one task list is right for every host. `host`, or an explicit max: the page's
 * numbers, written in.
 *
 * @example ansibleTarget(source, "fleet").fileName === "nf-conntrack.yml"
 */
export function ansibleTarget(source: TargetSource, values: ValuesFrom): TargetFile {
  const { sizing, rules } = source;
  const { names } = rules;
  const perHost = values === "fleet" && sizing.maxSource === "ram";
  const max = perHost ? `{{ ${FACT.max} }}` : String(sizing.max);
  const buckets = perHost ? `{{ ${FACT.buckets} }}` : String(sizing.buckets);
  const value = (key: string, fixed: number) =>
    key === names.maxSysctl ? max : key === names.bucketsSysctl ? buckets : String(fixed);
  const facts = fleetFacts(source);
  const tasks: ConfigLine[] = [
    ...(perHost
      ? [
          item([
            setting(
              "name",
              `Size ${names.module} from this host's MemTotal (RAM in MiB x ${ramEntriesPerMiB(source.inputs.arch)})`,
            ),
            section("ansible.builtin.set_fact", [setting(FACT.max, facts.max)]),
          ]),
          item([
            setting("name", `Size the hash table for that ${names.module} max, as the page does`),
            section("ansible.builtin.set_fact", [setting(FACT.buckets, facts.buckets)]),
          ]),
        ]
      : []),
    item([
      setting("name", `Load ${names.module} with its table size, now and at every boot`),
      section("community.general.modprobe", [
        setting("name", names.module),
        setting("params", `hashsize=${buckets}`),
        setting("state", "present"),
        setting("persistent", "present"),
      ]),
    ]),
    ...sysctlValues(source).map(({ key, value: fixed, why }) =>
      item([
        setting("name", `Set ${key} (${why})`),
        section("ansible.posix.sysctl", [
          setting("name", key),
          setting("value", value(key, fixed)),
          setting("sysctl_file", `/etc/sysctl.d/${SYSCTL_FILE_NAME}`),
          setting("sysctl_set", true),
          setting("state", "present"),
          setting("reload", true),
        ]),
      ]),
    ),
  ];
  if (!rules.bucketsSysctlWritable && rules.hashsizeWritable) {
    // Idempotent: writes only when the table has another size, and says so for changed_when.
    const parameter = names.hashsizeParameter;
    tasks.push(
      item([
        setting("name", `Resize the loaded table to ${buckets} buckets`),
        {
          kind: "block",
          key: "ansible.builtin.shell",
          text: [
            `if [ "$(cat ${parameter})" != "${buckets}" ]; then`,
            `  echo ${buckets} > ${parameter}`,
            `  echo ${RESIZED}`,
            "fi",
            "",
          ].join("\n"),
        },
        setting("register", HASHSIZE_RESULT),
        setting("changed_when", `'${RESIZED}' in ${HASHSIZE_RESULT}.stdout`),
      ]),
    );
  }
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment("An Ansible task list: ansible.builtin.import_tasks: nf-conntrack.yml in a play for the host."),
    comment("Needs the collections ansible.posix and community.general 7.0.0 or later (modprobe's"),
    comment("persistent option, which writes the modules-load.d and modprobe.d files)."),
    comment("The module is loaded first, so that its sysctl keys exist when they are set."),
    ...(values === "host"
      ? [comment("With this page's values, for the one host above.")]
      : perHost
        ? [
            comment("For every host: the max and the bucket count come from each host's MemTotal (its"),
            comment(
              `ansible_memtotal_mb fact, so gather facts), by the page's rule; the MemTotal above is not used.`,
            ),
          ]
        : [comment(`For every host: the nf_conntrack_max set here (${sizing.max}) and its bucket count.`)]),
    ...readOnlyBucketsLines(source, perHost),
    ...kubeLines(source, false, values),
    blank,
    ...tasks,
  ];
  const text = renderConfig(lines, "yaml");
  return values === "host"
    ? { id: "ansible-host", fileName: "nf-conntrack-host.yml", syntax: "yaml", text }
    : { id: "ansible", fileName: "nf-conntrack.yml", syntax: "yaml", text };
}
