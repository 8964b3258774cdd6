import { buildConfigFiles, headerLines, renderConfig, type ConfigLine } from "../config-files";
import {
  blank,
  comment,
  item,
  kubeLines,
  readOnlyBucketsLines,
  setting,
  text,
  type TargetFile,
  type TargetSource,
} from "./target-source";

/**
 * A cloud-init user-data file (#cloud-config) that writes the plain files, word for word
 * (buildConfigFiles()), and applies them on the first boot.
 *
 * write_files (path, content, permissions) runs in cloud-init's init stage; runcmd runs once per
 * instance, late in the first boot (cloud_final), so after write_files; bootcmd would run on every
 * boot, before write_files (canonical/cloud-init doc/examples/cloud-config-run-cmds.txt and
 * cloud-config-boot-cmds.txt at 403f70b930e3). Later boots need no command: systemd-modules-load
 * and then systemd-sysctl read the files themselves. A runcmd string is run by sh.
 *
 * @example cloudInitTarget(source).text.startsWith("#cloud-config\n")
 */
export function cloudInitTarget(source: TargetSource): TargetFile {
  const { sizing, rules } = source;
  const { names } = rules;
  const files = buildConfigFiles(source, kubeLines(source, false)).flatMap((file) =>
    file.path === null
      ? []
      : [
          item([
            setting("path", file.path),
            // write_files' own default, written out so the file says what it gets.
            setting("permissions", "0644"),
            { kind: "block", key: "content", text: renderConfig(file.lines) },
          ]),
        ],
  );
  const commands = [`modprobe ${names.module}`, "sysctl --system"];
  if (!rules.bucketsSysctlWritable && rules.hashsizeWritable) {
    commands.push(`echo ${sizing.buckets} > ${names.hashsizeParameter}`);
  }
  const lines: ConfigLine[] = [
    // cloud-init reads user data as cloud-config only when its first line is exactly this.
    text("#cloud-config"),
    ...headerLines(source),
    comment(""),
    comment("cloud-init user data: writes the sysctl.d, modules-load.d and modprobe.d files and applies"),
    comment(
      "them once, on the first boot (runcmd); on later boots the system loads and applies them itself.",
    ),
    ...readOnlyBucketsLines(source),
    ...kubeLines(source, false),
    blank,
    { kind: "section", key: "write_files", lines: files },
    // The module first, so that its sysctl keys exist when sysctl --system applies the drop-in.
    { kind: "list", key: "runcmd", values: commands },
  ];
  return {
    id: "cloud-init",
    fileName: "nf-conntrack-cloud-config.yaml",
    syntax: "yaml",
    text: renderConfig(lines, "yaml"),
  };
}
