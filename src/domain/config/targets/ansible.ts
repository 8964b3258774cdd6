import { headerLines, renderConfig, SYSCTL_FILE_NAME, type ConfigLine } from "../config-files";
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
} from "./target-source";

/** The variable the /sys write registers, for its changed_when. */
const HASHSIZE_RESULT = "nf_conntrack_hashsize";
const RESIZED = "resized";

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
 * @example ansibleTarget(source).fileName === "nf-conntrack.yml"
 */
export function ansibleTarget(source: TargetSource): TargetFile {
  const { sizing, rules } = source;
  const { names } = rules;
  const tasks: ConfigLine[] = [
    item([
      setting("name", `Load ${names.module} with its table size, now and at every boot`),
      section("community.general.modprobe", [
        setting("name", names.module),
        setting("params", `hashsize=${sizing.buckets}`),
        setting("state", "present"),
        setting("persistent", "present"),
      ]),
    ]),
    ...sysctlValues(source).map(({ key, value, why }) =>
      item([
        setting("name", `Set ${key} (${why})`),
        section("ansible.posix.sysctl", [
          setting("name", key),
          setting("value", String(value)),
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
        setting("name", `Resize the loaded table to ${sizing.buckets} buckets`),
        {
          kind: "block",
          key: "ansible.builtin.shell",
          text: [
            `if [ "$(cat ${parameter})" != "${sizing.buckets}" ]; then`,
            `  echo ${sizing.buckets} > ${parameter}`,
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
    ...readOnlyBucketsLines(source),
    ...kubeLines(source, false),
    blank,
    ...tasks,
  ];
  return { id: "ansible", fileName: "nf-conntrack.yml", syntax: "yaml", text: renderConfig(lines, "yaml") };
}
