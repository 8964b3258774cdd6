import {
  formatBinaryBytes,
  formatEnglishCount,
  formatExactBinaryBytes,
  formatInteger,
  formatPercent,
  formatRatio,
} from "../core/format";
import type { Inputs } from "../sizing/inputs";
import type { KernelRules } from "../kernel/kernel-defaults";
import { formatKernelVersion } from "../kernel/kernel-version";
import { ramEntriesPerMiB, type Sizing } from "../sizing/sizing";
import type { ChangedTimeout } from "../kernel/timeouts";
import type { KubeNode } from "../kube/kube-proxy-fields";
import { fileLink, fileText, MAX_FILE_LINK_CHARS } from "./file-text";

/**
 * Config files as data: ordered lines, comments included, rendered by one serializer
 * (renderConfig) in the file's syntax, so every block shares the same layout and escaping.
 * A section holds the lines under one key; `text` is a line written as it is, in any syntax.
 */
export type ConfigLine =
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "setting"; readonly key: string; readonly value: ConfigValue }
  | { readonly kind: "section"; readonly key: string; readonly lines: readonly ConfigLine[] }
  /** A list of scalars under one key: a YAML block sequence, a Nix list. */
  | { readonly kind: "list"; readonly key: string; readonly values: readonly ConfigValue[] }
  /** A multi-line string under one key: a YAML literal block scalar, a Nix indented string. */
  | { readonly kind: "block"; readonly key: string; readonly text: string }
  /** One entry of a YAML sequence, holding a mapping (an Ansible task, an alerting rule). */
  | { readonly kind: "item"; readonly lines: readonly ConfigLine[] }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "blank" };

export type ConfigValue = number | string | boolean;

/**
 * The syntaxes renderConfig writes: "sysctl-style" for sysctl.d, modules-load.d, modprobe.d and sh,
 * "yaml" for a Kubernetes configuration and the other tools' YAML files, "nix" for a NixOS module.
 */
export type ConfigSyntax = keyof typeof SYNTAXES;

export type ConfigFileId = "sysctl" | "modules-load" | "modprobe" | "apply";

export interface ConfigFile {
  readonly id: ConfigFileId;
  /** Where the file goes on the host; null for the commands to run now. */
  readonly path: string | null;
  readonly lines: readonly ConfigLine[];
}

/** The sysctl.d drop-in name: 90- sorts after distribution defaults (sysctl.d(5)). */
export const SYSCTL_FILE_NAME = "90-nf-conntrack.conf";
/** The download that holds every block: a script that writes the files and applies them. */
export const SETUP_SCRIPT_NAME = "nf-conntrack-setup.sh";
/** The apply commands as a download, for a host where pasting is awkward. */
const APPLY_FILE_NAME = "nf-conntrack-apply.sh";

/** A block's download name: its file's own name on the host, or the apply commands' script. */
export function downloadName(file: Pick<ConfigFile, "path">): string {
  return file.path === null ? APPLY_FILE_NAME : file.path.slice(file.path.lastIndexOf("/") + 1);
}

/**
 * The block to show first: the sysctl.d drop-in, which sets both numbers where the bucket sysctl
 * is writable (4.8 and later, KernelRules.bucketsSysctlWritable); else the setup script, since the
 * bucket count then also needs the modprobe.d option and one file alone sizes only half.
 */
export function firstBlock(rules: Pick<KernelRules, "bucketsSysctlWritable">): "sysctl" | "script" {
  return rules.bucketsSysctlWritable ? "sysctl" : "script";
}

export interface ConfigSource {
  readonly inputs: Inputs;
  readonly sizing: Sizing;
  /** The rules of the kernel the config is for. */
  readonly rules: KernelRules;
  /**
   * The link that reproduces these inputs. Each file writes it as fileLink() makes it: printable
   * ASCII, at most MAX_FILE_LINK_CHARS characters, and says so when it had to be shortened.
   */
  readonly link: string;
  /** Generator name and version, e.g. "conntrack-calc 0.1.0". */
  readonly generator: string;
  /** Timeouts changed from the kernel's defaults: only these are written. */
  readonly timeouts: readonly ChangedTimeout[];
  /** The Kubernetes node's cores and kube-proxy version, or null when they are not given. */
  readonly kube: KubeNode | null;
}

const comment = (text: string): ConfigLine => ({ kind: "comment", text });
const text = (line: string): ConfigLine => ({ kind: "text", text: line });
const blank: ConfigLine = { kind: "blank" };

/** "Reproduce: <link>", and a line saying so when the link had to be shortened to fit a file. */
function reproduceLines(link: string): ConfigLine[] {
  const { text, shortened } = fileLink(link);
  return [
    comment(`Reproduce: ${text}`),
    ...(shortened
      ? [
          comment(
            `(shortened to its first ${formatInteger(MAX_FILE_LINK_CHARS)} characters: copy the whole link from the page)`,
          ),
        ]
      : []),
  ];
}

/**
 * Every block of a config that works on the chosen kernel: the sysctl.d drop-in, the
 * modules-load.d file that makes its keys exist at boot, the modprobe.d option that sizes the
 * table when the module loads, and the commands that apply it all now.
 */
export function buildConfigFiles(source: ConfigSource, kubeNotes: readonly ConfigLine[] = []): ConfigFile[] {
  const { module } = source.rules.names;
  return [
    { id: "sysctl", path: `/etc/sysctl.d/${SYSCTL_FILE_NAME}`, lines: sysctlLines(source, kubeNotes) },
    { id: "modules-load", path: `/etc/modules-load.d/${module}.conf`, lines: modulesLoadLines(source) },
    { id: "modprobe", path: `/etc/modprobe.d/${module}.conf`, lines: modprobeLines(source) },
    { id: "apply", path: null, lines: applyLines(source, kubeNotes) },
  ];
}

/** "1 byte", "826,017,841,152 bytes". */
const bytes = (n: number) => formatEnglishCount(formatInteger(n), "byte", "bytes");
/** "1 bucket", "6,302,016 buckets". */
const buckets = (n: number) => formatEnglishCount(formatInteger(n), "bucket", "buckets");

/**
 * The header every generated file starts with: the generator, every input, the link that
 * reproduces them and what a full table costs.
 *
 * @example renderConfig(headerLines(source)) // "# nf_conntrack sizing generated by conntrack-calc 0.1.0\n# Inputs: …"
 */
export function headerLines({ inputs, sizing, link, generator }: ConfigSource): ConfigLine[] {
  const maxOrigin =
    sizing.maxSource === "explicit"
      ? "nf_conntrack_max set explicitly"
      : sizing.maxSource === "traffic"
        ? "nf_conntrack_max from traffic (steady state + headroom)"
        : `nf_conntrack_max from RAM (MiB x ${ramEntriesPerMiB(inputs.arch)})`;
  return [
    comment(`nf_conntrack sizing generated by ${generator}`),
    comment(
      `Inputs: MemTotal ${formatExactBinaryBytes(inputs.ram)} (${bytes(inputs.ram)}), ${inputs.arch}-bit, ` +
        `${formatEnglishCount(formatRatio(inputs.ratio), "entry", "entries")} per bucket, ${inputs.struct} bytes per entry,`,
    ),
    comment(
      `        ${maxOrigin}, kernel ${formatKernelVersion(inputs.kernel)}, ${formatExactBinaryBytes(inputs.page)} pages`,
    ),
    ...reproduceLines(link),
    comment(
      `A full table costs ${formatBinaryBytes(sizing.memory.total)} (${bytes(sizing.memory.total)}) ` +
        `of unswappable kernel memory, ${formatPercent(sizing.ramShare)} of RAM.`,
    ),
  ];
}

/**
 * What a Kubernetes node does to nf_conntrack_max after this file is applied: kube-proxy writes it
 * at every start (kube-proxy-policy.ts), so every block that sets the value says so. `kubeNotes`
 * are the lines the tools' files carry for the node's cores and version (kubeLines(): what
 * kube-proxy writes and the configuration that keeps this value); they come with kube-proxy's
 * policy, which loads after the page's first render, and until then, or with the role alone, the
 * lines say what holds for every release.
 */
function kubeWarningLines(source: ConfigSource, kubeNotes: readonly ConfigLine[]): ConfigLine[] {
  const { kube, inputs, rules } = source;
  if (kube === null && inputs.role !== "kubernetes") return [];
  if (kube !== null && kubeNotes.length > 0) return [...kubeNotes];
  return [
    comment(""),
    comment(`Kubernetes node: kube-proxy writes ${rules.names.maxSysctl} at its next start, over the value`),
    comment("set here (every start on 1.29 to 1.37; only to raise it on 1.23 to 1.28 and from 1.38)."),
    ...(kube === null
      ? [
          comment("Give the node's cores and version on the page: it shows the kube-proxy configuration"),
          comment("(conntrack.maxPerCore, conntrack.min) that keeps this value."),
        ]
      : []),
  ];
}

function sysctlLines(source: ConfigSource, kubeNotes: readonly ConfigLine[]): ConfigLine[] {
  const { inputs, sizing, rules, timeouts } = source;
  const { names } = rules;
  const lines: ConfigLine[] = [
    ...headerLines(source),
    comment(""),
    comment(`Install: save as /etc/sysctl.d/${SYSCTL_FILE_NAME}, then run: sudo sysctl --system`),
    comment(`These keys exist only once ${names.module} is loaded: /etc/modules-load.d/${names.module}.conf`),
    comment("loads it at boot, before systemd-sysctl applies this file."),
    ...kubeWarningLines(source, kubeNotes),
    blank,
    { kind: "setting", key: names.maxSysctl, value: sizing.max },
    blank,
    comment(
      sizing.bucketStep > 1
        ? `${buckets(sizing.bucketsRequested)} asked for, rounded up to a multiple of ${formatInteger(sizing.bucketStep)} as the kernel allocates.`
        : `${buckets(sizing.bucketsRequested)}: this kernel allocates the count as given.`,
    ),
  ];
  if (rules.bucketsSysctlWritable) {
    lines.push({ kind: "setting", key: names.bucketsSysctl, value: sizing.buckets });
  } else {
    lines.push(
      comment(
        `${names.bucketsSysctl} is read-only on kernel ${formatKernelVersion(inputs.kernel)}: the bucket count`,
      ),
      comment(`(${sizing.buckets}) is set by /etc/modprobe.d/${names.module}.conf when the module loads,`),
      rules.hashsizeWritable
        ? comment(`or now by writing ${names.hashsizeParameter}.`)
        : comment("and only then: this kernel reads hashsize at module load alone (mode 0400)."),
    );
  }
  if (timeouts.length > 0) {
    lines.push(blank, comment("Timeouts changed from this kernel's defaults (seconds):"));
    for (const timeout of timeouts) {
      lines.push(comment(`default ${timeout.kernelDefaultSeconds}`), {
        kind: "setting",
        key: timeout.sysctl,
        value: timeout.seconds,
      });
    }
  }
  return lines;
}

function modulesLoadLines({ rules, link, generator }: ConfigSource): ConfigLine[] {
  const { module } = rules.names;
  return [
    comment(`Generated by ${generator}: ${fileLink(link).text}`),
    comment(`Load ${module} at boot, before systemd-sysctl applies /etc/sysctl.d, so its keys exist then.`),
    comment("Without this, a module loaded later by the first firewall rule silently misses the settings."),
    comment("Read by systemd-modules-load; without systemd, list the module in /etc/modules instead."),
    text(module),
  ];
}

function modprobeLines({ sizing, rules, link, generator }: ConfigSource): ConfigLine[] {
  const { module, maxSysctl } = rules.names;
  const buckets = sizing.buckets;
  return [
    comment(`Generated by ${generator}: ${fileLink(link).text}`),
    comment(`The bucket count ${module} allocates when it loads (at the next boot or module load;`),
    rules.hashsizeWritable
      ? comment(`a loaded module keeps its table until resized through ${rules.names.hashsizeParameter}).`)
      : comment("a loaded module keeps its table until it is unloaded: this kernel cannot resize it)."),
    comment(`With hashsize given, the kernel sets its own max to 8 x ${buckets} = ${8 * buckets} at load;`),
    comment(`/etc/sysctl.d/${SYSCTL_FILE_NAME} then sets ${maxSysctl} = ${sizing.max}.`),
    comment(
      `If ${module} is built into the kernel, put ${module}.hashsize=${buckets} on the kernel command line.`,
    ),
    text(`options ${module} hashsize=${buckets}`),
  ];
}

/**
 * Where these keys can be written: the bucket count (sysctl and hashsize) only from the host's
 * network namespace (0444 / -EOPNOTSUPP elsewhere, 4.8.15 nf_conntrack_standalone.c); nf_conntrack_max
 * could be written from any namespace owned by the initial user namespace (a privileged container),
 * setting the host's global value, until 2671fa4dc010 (5.13, also in 5.10.y and 5.12.y stable).
 */
function applyLines(source: ConfigSource, kubeNotes: readonly ConfigLine[]): ConfigLine[] {
  const { sizing, rules, timeouts } = source;
  const { names } = rules;
  const resize = rules.hashsizeWritable
    ? [text(`echo ${sizing.buckets} > ${names.hashsizeParameter}`)]
    : [
        comment(
          `This kernel reads hashsize only when ${names.module} loads: the table is resized at the next`,
        ),
        comment(
          `load (/etc/modprobe.d/${names.module}.conf). Reloading now forgets every tracked connection.`,
        ),
      ];
  return [
    comment("Apply now, without a reboot. Run as root on the host itself, in its own network namespace."),
    ...(rules.maxSysctlHostOnly
      ? [comment("This kernel takes both only from the host's network namespace, never from a container.")]
      : [
          comment("The bucket count can be written only from the host's network namespace. The max is"),
          comment(
            "host-wide too, but on this kernel a privileged container can still write it (until 5.13),",
          ),
          comment("changing the value for the whole host."),
        ]),
    ...kubeWarningLines(source, kubeNotes),
    text(`modprobe ${names.module}`),
    text(`sysctl -w ${names.maxSysctl}=${sizing.max}`),
    ...resize,
    // The timeouts are per network namespace, and a new namespace starts from the compiled-in
    // defaults (nf_conntrack_tcp_init_net(), nf_conntrack_udp_init_net() in 7.3.4; errata F8).
    ...(timeouts.length > 0
      ? [
          comment("The timeouts are per network namespace: these lines set the host's. Pods and containers"),
          comment("keep the kernel's defaults in their own namespaces."),
        ]
      : []),
    ...timeouts.map((timeout) => text(`sysctl -w ${timeout.sysctl}=${timeout.seconds}`)),
    comment("Check: both should print the values above."),
    text(`sysctl ${names.maxSysctl} ${names.bucketsSysctl}`),
  ];
}

/**
 * How one syntax writes each kind of line; `path` holds the enclosing section keys. Each returns
 * the rendered lines.
 */
interface Syntax {
  readonly setting: (path: readonly string[], key: string, value: ConfigValue) => string;
  /** The lines that open and close a section; null where the path goes into each key instead. */
  readonly section: (path: readonly string[], key: string) => { open: string | null; close: string | null };
  readonly list: (path: readonly string[], key: string, values: readonly ConfigValue[]) => string[];
  readonly block: (path: readonly string[], key: string, text: string) => string[];
  /** Wraps an item's lines, rendered at the top level, as one entry of a sequence. */
  readonly item: (path: readonly string[], body: readonly string[]) => string[];
  /** What a comment line starts with at this depth. */
  readonly indent: (path: readonly string[]) => string;
}

const twoSpaces = (path: readonly string[]): string => "  ".repeat(path.length);

const SYNTAXES = {
  // sysctl.conf(5): "key = value", the key a dot-separated path, so a section is a key prefix.
  // Lists, blocks and items have no sysctl.conf form; they are written flat, for sh-like files.
  "sysctl-style": {
    setting: (path, key, value) => `${[...path, key].join(".")} = ${value}`,
    section: () => ({ open: null, close: null }),
    list: (path, key, values) => [`${[...path, key].join(".")} = ${values.join(" ")}`],
    block: (_path, _key, text) => text.replace(/\n$/, "").split("\n"),
    item: (_path, body) => [...body],
    indent: () => "",
  },
  // Block mappings and sequences indented by two spaces, as go-yaml (sigs.k8s.io/yaml, kubectl -o
  // yaml) writes mappings.
  yaml: {
    setting: (path, key, value) => `${twoSpaces(path)}${yamlScalar(key)}: ${yamlScalar(value)}`,
    section: (path, key) => ({ open: `${twoSpaces(path)}${yamlScalar(key)}:`, close: null }),
    list: (path, key, values) => [
      `${twoSpaces(path)}${yamlScalar(key)}:`,
      ...values.map((value) => `${twoSpaces(path)}  - ${yamlScalar(value)}`),
    ],
    block: (path, key, text) => yamlBlock(twoSpaces(path), yamlScalar(key), text),
    // The item's first key line takes the "- "; the lines after it are indented under it.
    item: (path, body) => {
      const indent = twoSpaces(path);
      const first = body.findIndex((line) => line !== "" && !line.startsWith("#"));
      return body.map((line, index) => {
        if (line === "") return "";
        if (index === first) return `${indent}- ${line}`;
        return index < first ? `${indent}${line}` : `${indent}  ${line}`;
      });
    },
    indent: twoSpaces,
  },
  // The Nix language: `name = value;`, a section an attribute set whose key is written as it is
  // (an attribute path such as kernel.sysctl); the empty key is a module's own body `{ … }`.
  nix: {
    setting: (path, key, value) => `${twoSpaces(path)}${nixName(key)} = ${nixValue(value)};`,
    section: (path, key) =>
      key === ""
        ? { open: `${twoSpaces(path)}{`, close: `${twoSpaces(path)}}` }
        : { open: `${twoSpaces(path)}${key} = {`, close: `${twoSpaces(path)}};` },
    list: (path, key, values) => [
      `${twoSpaces(path)}${nixName(key)} = [ ${values.map(nixValue).join(" ")} ];`,
    ],
    block: (path, key, text) => nixBlock(twoSpaces(path), nixName(key), text),
    item: (_path, body) => [...body],
    indent: twoSpaces,
  },
} satisfies Record<string, Syntax>;

/**
 * The letters no YAML number or timestamp holds (hex digits and the exponent a-f, the 0o / 0x / 0b
 * prefixes, the T and Z of a timestamp): a string with one of them is not read as a number or date.
 */
const NOT_A_NUMBER_LETTER = /[g-np-su-wyG-NP-SU-WY]/;
/** The YAML 1.1 booleans and null (yaml.org/type/bool, /null), which a plain scalar would become. */
const YAML_WORD = /^(y|yes|n|no|true|false|on|off|null)$/i;

/**
 * A YAML scalar: a number as written; a string plain when YAML 1.1 and 1.2 both read it back as that
 * string (kube-proxy reads its file with sigs.k8s.io/yaml, built on go-yaml's YAML 1.1), otherwise
 * double-quoted, as JSON writes it: every JSON string is a YAML double-quoted scalar (YAML 1.2 §1.3).
 * An underscore may stand in a plain one: YAML 1.1 numbers that use it as a digit separator (1_000,
 * 0b1_0) hold none of the letters a plain string needs.
 *
 * @example yamlScalar("24h0m0s") // 24h0m0s
 * @example yamlScalar("1.29") // "1.29"
 */
function yamlScalar(value: ConfigValue): string {
  if (typeof value !== "string") return String(value);
  const plain =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) && NOT_A_NUMBER_LETTER.test(value) && !YAML_WORD.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * A YAML literal block scalar (YAML 1.2 §8.1.1, the same in 1.1): `key: |` and the text's lines
 * indented two more. Chomping keeps the text exact: clip (`|`) for one final line break, strip
 * (`|-`) for none, keep (`|+`) for more; an indentation indicator when the first line starts with
 * a space, which would otherwise set the indentation.
 */
function yamlBlock(indent: string, key: string, text: string): string[] {
  const lines = text.split("\n");
  let chomping = "-";
  if (text.endsWith("\n")) {
    lines.pop();
    chomping = text.endsWith("\n\n") ? "+" : "";
  }
  const indicator = /^[ \t]/.test(lines[0] ?? "") ? "2" : "";
  return [
    `${indent}${key}: |${indicator}${chomping}`,
    ...lines.map((l) => (l === "" ? "" : `${indent}  ${l}`)),
  ];
}

/** A Nix attribute name: plain when it is an identifier, else a quoted string ("net.core.x"). */
function nixName(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(key) ? key : nixString(key);
}

/**
 * A Nix double-quoted string: backslash, `"` and `${` escaped (Nix manual, "String literals"), and
 * line breaks and tabs as escapes.
 */
function nixString(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, "\\${")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `"${escaped}"`;
}

function nixValue(value: ConfigValue): string {
  return typeof value === "string" ? nixString(value) : String(value);
}

/**
 * A Nix indented string (`''…''`): its common indentation is stripped, so the lines are written two
 * deeper than the key; two single quotes are escaped as three, and `${` as `''${` (Nix manual,
 * "String literals"). A text without a final line break ends on its last line.
 */
function nixBlock(indent: string, key: string, text: string): string[] {
  const escaped = text.replace(/''/g, "'''").replace(/\$\{/g, "''${");
  const lines = escaped.split("\n");
  const last = lines.pop() ?? "";
  const body = lines.map((l) => (l === "" ? "" : `${indent}  ${l}`));
  return last === ""
    ? [`${indent}${key} = ''`, ...body, `${indent}'';`]
    : [`${indent}${key} = ''`, ...body, `${indent}  ${last}'';`];
}

/**
 * Renders lines one per line in the given syntax, ending with a newline. Comments start with "#",
 * which every syntax here reads. Every line passes fileText(): printable ASCII only, so no text
 * that reaches a file can open a new line in any of its readers.
 *
 * @example renderConfig([{ kind: "setting", key: "net.netfilter.nf_conntrack_max", value: 262144 }])
 * // "net.netfilter.nf_conntrack_max = 262144\n"
 * @example
 * renderConfig([{ kind: "section", key: "conntrack", lines: [{ kind: "setting", key: "min", value: 0 }] }],
 *   "yaml") // "conntrack:\n  min: 0\n"
 */
export function renderConfig(lines: readonly ConfigLine[], syntax: ConfigSyntax = "sysctl-style"): string {
  return renderLines(lines, SYNTAXES[syntax], []).map(fileText).join("\n").concat("\n");
}

function renderLines(lines: readonly ConfigLine[], syntax: Syntax, path: readonly string[]): string[] {
  return lines.flatMap((line) => {
    switch (line.kind) {
      case "comment": {
        // A line break inside a comment would turn the rest into a setting.
        const indent = syntax.indent(path);
        return line.text === "" ? `${indent}#` : `${indent}# ${line.text.replace(/[\r\n]+/g, " ")}`;
      }
      case "setting":
        return syntax.setting(path, line.key, line.value);
      case "section": {
        const { open, close } = syntax.section(path, line.key);
        const body = renderLines(line.lines, syntax, [...path, line.key]);
        return [...(open === null ? [] : [open]), ...body, ...(close === null ? [] : [close])];
      }
      case "list":
        return syntax.list(path, line.key, line.values);
      case "block":
        return syntax.block(path, line.key, line.text);
      case "item":
        return syntax.item(path, renderLines(line.lines, syntax, []));
      case "text":
        return line.text;
      case "blank":
        return "";
    }
  });
}

const HEREDOC_END = "END_OF_NF_CONNTRACK_FILE";

/**
 * One POSIX sh script holding every block: it writes each file (quoted here-documents, so
 * nothing in them is expanded) and then runs the apply commands.
 */
export function renderSetupScript(
  files: readonly ConfigFile[],
  source: ConfigSource,
  kubeNotes: readonly ConfigLine[] = [],
): string {
  const { link, generator } = source;
  const parts = [
    "#!/bin/sh",
    renderConfig([
      comment(`nf_conntrack setup generated by ${generator}`),
      ...reproduceLines(link),
      comment("Writes the files below and applies them now. Read it, then run it as root on the host."),
      ...kubeWarningLines(source, kubeNotes),
    ]).trimEnd(),
    "set -eu",
  ];
  for (const file of files) {
    const body = renderConfig(file.lines);
    if (file.path === null) {
      parts.push("", body.trimEnd());
    } else {
      const dir = file.path.slice(0, file.path.lastIndexOf("/"));
      parts.push("", `mkdir -p ${dir}`, `cat > ${file.path} <<'${HEREDOC_END}'`, body + HEREDOC_END);
    }
  }
  return parts.join("\n").concat("\n");
}
