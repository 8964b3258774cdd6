import type { AcceptedKind, AcceptedParams } from "../domain/core/field-spec";
import type { AnyFieldKey } from "../domain/sizing/fields";
import type { TimeoutUrlKey } from "../domain/kernel/timeouts";
import type { SizingWarning } from "../domain/sizing/sizing";
import type { TargetChoice } from "../domain/config/targets/target-field";
import type { HostRole } from "../domain/sizing/role";
import type { TrafficVerdict } from "../domain/traffic/traffic-verdict";
import type { TrafficFieldKey } from "../domain/traffic/traffic-fields";
import type { KubeKey } from "../domain/kube/kube-proxy-fields";
import { formatsFor } from "./format";

const { integer, percent, bytes, plural, pluralDecimal } = formatsFor("en");

/** Fields with a label and a hint; a timeout field is named after its sysctl instead. */
type LabelledFieldKey = Exclude<AnyFieldKey, TimeoutUrlKey>;

/**
 * Fields whose hints this table carries: the traffic's and the Kubernetes node's are shown only by
 * their panels, which load on their own and bring them (parts/traffic.ts, parts/kube.ts).
 */
type HintedFieldKey = Exclude<LabelledFieldKey, TrafficFieldKey | KubeKey>;

/** One sentence per kind of accepted value (FieldSpec.accepted), from its numbers. */
export type AcceptedMessages = { readonly [K in AcceptedKind]: (params: AcceptedParams[K]) => string };

/**
 * Every word the page shows, in English: the one source of truth for message keys. The other
 * languages are typed `Messages`, so a missing or misshapen key does not compile, and a test
 * fails on keys that no component uses. Text in backticks is shown as code.
 *
 * A message with values takes one object of named values. Numbers come as numbers and are
 * formatted here, in English, with the noun of a count in its plural form ("1 bucket", "2 buckets");
 * other values (names, versions, commands) come as the text to show.
 */
export const en = {
  meta: {
    title: "nf_conntrack sizing calculator",
    description:
      "nf_conntrack sizing calculator: nf_conntrack_max, nf_conntrack_buckets and their kernel memory, with the kernel's own arithmetic.",
  },
  header: {
    title: "nf_conntrack sizing calculator",
    lead: "`nf_conntrack: table full, dropping packet`? Size the connection-tracking table with the kernel's own arithmetic: what to set, what it costs in kernel memory, and a config to paste.",
    language: "Language",
    startFromMachine: "Or start from the machine: paste its diagnostics.",
  },
  footer:
    "Everything is computed in your browser; nothing is sent anywhere. The formulas and their kernel sources are in docs/formulas.md of this project.",
  notice: {
    unknownVersion: ({ current }: { current: number }) =>
      `This link names a link version this page does not know; its values are read as version ${current}, each checked at its field.`,
  },
  status: {
    updateReady:
      "A new version of this page is ready. Reload when convenient: the fields are kept, a pasted dump has to be pasted again.",
    partFailed:
      "This part of the page could not be loaded, most likely because a new version was deployed or the network is gone. Everything else keeps working; reload to get it back (the fields are kept).",
    localeFailed: ({ language }: { language: string }) =>
      `${language} could not be loaded, so the page stays in English. Reload to try again.`,
    reload: "Reload",
  },
  inputs: {
    heading: "Your machine",
    archChoices: { "64": "64-bit (x86_64, arm64, ppc64le, …)", "32": "32-bit (i686, armv7, mips, …)" },
    roleChoices: {
      host: "Plain host or firewall (no NAT)",
      nat: "NAT gateway or router",
      kubernetes: "Kubernetes node",
      docker: "Docker host",
    } satisfies Record<HostRole, string>,
    notValid: ({ value }: { value: string }) => `${value} (not valid)`,
    maxPlaceholder: "from RAM",
    newestKernel: "the newest kernel this tool knows",
    pageChoice: ({ kib }: { kib: number }) => `${kib} KiB`,
    kernelOwnPlaceholder: ({ value }: { value: string }) => `kernel's own: ${value}`,
    defaultsLabel: "Start from",
    defaults: {
      kernel: {
        label: "The kernel's own",
        title: "Entries per bucket and bytes per entry as the chosen kernel itself uses them",
      },
      article: {
        label: "The article this calculator grew from: 4 per bucket, 352 B",
        title:
          "The figures of the article whose RAM-proportional sizing this calculator grew from: 4 entries per bucket, 352 bytes per entry",
      },
    },
    presetsLabel: "Bytes per entry presets",
    structPresets: {
      kernel: ({ entryBytes }: { entryBytes: number }) => `${entryBytes} B: this kernel's own`,
      extension: ({ entryBytes }: { entryBytes: number }) => `${entryBytes} B: with NAT or events`,
      article: "352 B: the article",
    },
    measured: ({
      kernel,
      machine,
      objectBytes,
      perSlab,
      slabBytes,
    }: {
      kernel: string;
      machine: string;
      objectBytes: number;
      perSlab: number;
      slabBytes: number;
    }) =>
      `Measured on Debian's ${kernel} ${machine} kernel: ${objectBytes}-byte slab objects, ${perSlab} to a 4 KiB slab, so ${slabBytes} B per entry.`,
    measuredNearest: ({ kernel }: { kernel: string }) =>
      `This release was not measured; the closest measured one, ${kernel}, stands in for it.`,
    extensionByDefault: ({ totalBytes }: { totalBytes: number }) =>
      `Every entry also gets a 128 B extension area on this kernel (its nf_conntrack_events default is 1): ${totalBytes} B.`,
    extensionByRole: ({ totalBytes }: { totalBytes: number }) =>
      `This host masquerades (its role), so its entries carry the 128 B extension area that NAT adds: ${totalBytes} B.`,
    extensionOnDemand: ({ totalBytes }: { totalBytes: number }) =>
      `NAT, conntrack events, accounting or timestamps add a 128 B extension area to every entry: ${totalBytes} B.`,
    articleSource: "The figure of the article this calculator grew from; no kernel measured uses it.",
    ownFigure: "Your own figure.",
  },
  fields: {
    labels: {
      from: "Size from",
      role: "What the host does",
      ram: "RAM",
      arch: "Architecture",
      ratio: "Entries per bucket",
      struct: "Bytes per entry",
      max: "nf_conntrack_max",
      kernel: "Kernel version",
      page: "Page size",
      tcp_cps: "TCP connections per second",
      tcp_life: "TCP connection lifetime (s)",
      udp_cps: "UDP flows per second",
      udp_life: "UDP flow lifetime (s)",
      headroom: "Headroom (%)",
      cores: "CPU cores",
      k8s: "Kubernetes version",
      alert: "Alert threshold (%)",
      target: "Write it for",
    } satisfies Record<LabelledFieldKey, string>,
    hints: {
      from: "The way that decides the answer: RAM, the traffic, or what a pasted dump shows.",
      role: "Sets what the kernel allocates per entry (NAT adds a 128 B extension area on 6.x kernels) and the warnings the config carries.",
      ram: "MemTotal from `free -g` or `grep MemTotal /proc/meminfo`, not the installed RAM. Units: B, K, M, G, T (binary); a bare number is GiB.",
      arch: "Pointer width of the kernel: `uname -m`.",
      ratio:
        "nf_conntrack_max ÷ nf_conntrack_buckets. Empty: the chosen kernel's own, 1 from 5.15, 4 from 2.6.23, 8 before. The article uses 4.",
      struct:
        "Empty: what the chosen kernel was measured to use. On the host: `sudo awk '/^nf_conntrack(_[0-9a-f]+)? /{print $4}' /proc/slabinfo` (object size; up to 4.6 there is one cache per network namespace, named nf_conntrack_ and a number or address), or `cat /sys/kernel/slab/nf_conntrack/slab_size` (with alignment).",
      max: "Optional: a target nf_conntrack_max of your own. Empty: derived from RAM. Never 0: up to 6.18 it means no limit (the table grows until memory runs out), and kernels from 6.19 refuse it.",
      kernel: "The kernel the config is for: `uname -r`. The kernel's own defaults and the config follow it.",
      page: "`getconf PAGESIZE`: 4 KiB on x86; arm64 and ppc64le kernels may use 16 or 64 KiB, which rounds tables to larger steps.",
      alert:
        "The Prometheus rules and the check script warn when the table is fuller than this; 75 is node_exporter's own alert.",
      target:
        "The same values as plain files, for the tool that deploys them, or as alerts that watch the table.",
    } satisfies Record<HintedFieldKey, string>,
  },
  fieldIssues: {
    accepted: {
      way: () => "ram, traffic or paste",
      role: () => "host, nat, kubernetes or docker",
      ram: ({ min, max }: { min: number; max: number }) =>
        `a size such as "64 GiB", "787752 MiB" or "1.5T" (a bare number is GiB), from ${bytes(min)} to ${bytes(max)}`,
      arch: () => "64-bit or 32-bit",
      ratio: ({ min, max, decimals }: { min: number; max: number; decimals: number }) =>
        `a number from ${min} to ${max}, at most ${decimals} decimals`,
      struct: ({ min, max }: { min: number; max: number }) =>
        `a whole number of bytes from ${integer(min)} to ${integer(max)}`,
      max: ({ min, max }: { min: number; max: number }) =>
        `a whole number from ${integer(min)} to ${integer(max)}, or empty to derive it from RAM`,
      kernel: () =>
        'a version as uname -r prints it, such as "6.12", "5.15.0-91-generic" or "3.10", from 2.6 on, or "newest"',
      page: () => "4, 16 or 64 (KiB; getconf PAGESIZE prints bytes)",
      rate: ({ max, decimals }: { max: number; decimals: number }) =>
        `a rate per second from 0 to ${integer(max)}, at most ${decimals} decimals`,
      life: ({ max }: { max: number }) => `a duration from 0 to ${integer(max)} s (ms, s, min, h or d)`,
      headroom: ({ max }: { max: number }) => `a percentage from 0 to ${integer(max)}`,
      cores: ({ min, max }: { min: number; max: number }) =>
        `a number of cores from ${integer(min)} to ${integer(max)}, or empty`,
      k8s: () => 'a version such as "1.36" or "v1.30.4"',
      timeout: ({ max }: { max: number }) =>
        `whole seconds from 1 to ${integer(max)}, or empty for the kernel's default`,
      alert: ({ min, max }: { min: number; max: number }) =>
        `a whole percentage from ${integer(min)} to ${integer(max)}`,
      target: () => "files, ansible, cloud-init, nixos, talos or alerts",
    } satisfies AcceptedMessages,
    empty: ({ label, accepted }: { label: string; accepted: string }) =>
      `${label} is required. Enter ${accepted}.`,
    syntax: ({ accepted }: { accepted: string }) => `Not understood. Enter ${accepted}.`,
    unit: ({ accepted }: { accepted: string }) => `Unknown unit. Enter ${accepted}.`,
    precision: ({ accepted }: { accepted: string }) => `Too many decimals. Enter ${accepted}.`,
    range: ({ accepted }: { accepted: string }) => `Out of range. Enter ${accepted}.`,
    choice: ({ accepted }: { accepted: string }) => `Not a valid choice. Enter ${accepted}.`,
  },
  results: {
    heading: "What to set",
    maxFromRam: ({ factor, ramBytes, divisor }: { factor: number; ramBytes: number; divisor: number }) =>
      `RAM in MiB × ${integer(factor)}: MemTotal ${integer(ramBytes)} B ÷ ${integer(divisor)}, rounded down.`,
    maxExplicit: "Your explicit target.",
    maxFromTraffic: ({ total, headroom }: { total: number; headroom: number }) =>
      `What the traffic needs: ${plural(total, { one: "# entry", other: "# entries" })} at steady state, plus ${headroom} % headroom, rounded up.`,
    maxFromHost:
      "The RAM rule on what the pasted dump shows of the host (its MemTotal, kernel and entry size).",
    noTraffic: "No traffic entered yet: the RAM rule stands in until you do.",
    explicitOverTraffic:
      "Your own nf_conntrack_max overrides the traffic's need; clear it to size from the traffic.",
    reference: ({ ramRule, kernel }: { ramRule: number; kernel: number }) =>
      `For reference: the RAM rule gives ${integer(ramRule)}, the kernel's own default is ${integer(kernel)}.`,
    referenceKernel: ({ kernel }: { kernel: number }) =>
      `For reference: the kernel's own default is ${integer(kernel)}.`,
    trafficAgainst: ({ what, limit }: { what: string; limit: number }) =>
      `The traffic against ${what} (${integer(limit)}):`,
    againstAnswer: "this answer",
    againstKernel: "the kernel's own default",
    verdicts: {
      fits: ({ share }: { share: number }) =>
        `fits: the steady state fills ${percent(share)}, the headroom fits too`,
      tight: ({ share }: { share: number }) =>
        `tight: the steady state fills ${percent(share)}, less room than the headroom asks for; bursts will fill it`,
      "does-not-fit": ({ share }: { share: number }) =>
        `will overflow: the steady state alone needs ${percent(share)} of it`,
    } satisfies Record<TrafficVerdict, (values: { share: number }) => string>,
    hostHolds: ({ count, max }: { count: number; max: number }) =>
      `The host's table holds ${integer(count)} entries now, under its limit of ${integer(max)}.`,
    invalid: ({ fields, count }: { fields: string; count: number }) =>
      `No answer while ${fields} ${count === 1 ? "is" : "are"} not valid: fix ${count === 1 ? "it" : "them"} and the numbers come back.`,
    invalidBlocks: ({ fields, count }: { fields: string; count: number }) =>
      `Nothing to copy while ${fields} ${count === 1 ? "is" : "are"} not valid: a config now would not match the form.`,
    bucketsAsked: ({ ratio, asked }: { ratio: string; asked: number }) =>
      `nf_conntrack_max ÷ ${ratio}, rounded up: ${integer(asked)} asked for`,
    bucketsRounded: ({ headBytes, step }: { headBytes: number; step: number }) =>
      `; the kernel allocates whole pages of ${headBytes}-byte bucket heads, a multiple of ${integer(step)}.`,
    bucketsExact: ({ headBytes }: { headBytes: number }) =>
      `; this kernel allocates exactly that many ${headBytes}-byte bucket heads.`,
    chainAtFull: ({ chain }: { chain: number }) =>
      `Average chain at a full table: ${pluralDecimal(chain, { one: "# entry", other: "# entries" })} (each connection is hashed twice, once per direction).`,
    memoryTitle: "Kernel memory at a full table",
    memoryShare: ({ totalBytes, share }: { totalBytes: number; share: number }) =>
      `${plural(totalBytes, { one: "# byte", other: "# bytes" })}, never swapped out: ${percent(share)} of RAM`,
    lowmemShare: ({ share }: { share: number }) => `, ${percent(share)} of the 896 MiB of 32-bit low memory`,
    entries: ({ max, entryBytes, totalBytes }: { max: number; entryBytes: number; totalBytes: number }) =>
      `Entries: ${integer(max)} × ${entryBytes} B = ${bytes(totalBytes)}, allocated as connections arrive.`,
    hashTable: ({
      buckets,
      headBytes,
      totalBytes,
    }: {
      buckets: number;
      headBytes: number;
      totalBytes: number;
    }) => `Hash table: ${integer(buckets)} × ${headBytes} B = ${bytes(totalBytes)}, allocated up front.`,
    hashTableFootprint: ({ footprintBytes }: { footprintBytes: number }) =>
      ` As allocated it may occupy ${bytes(footprintBytes)}: one power-of-two block of pages.`,
    hashTableRange: ({ fromBytes, upToBytes }: { fromBytes: number; upToBytes: number }) =>
      ` As allocated it takes ${bytes(fromBytes)} to ${bytes(upToBytes)}: huge pages may round it up.`,
  },
  warnings: {
    "max-clamped": ({ unclamped, intMax }: { unclamped: number; intMax: number }) =>
      `RAM would give ${integer(unclamped)}, above the kernel's limit: nf_conntrack_max is an int sysctl (0 to ${integer(intMax)}), so it is capped there.`,
    "buckets-clamped": ({ unclamped }: { unclamped: number }) =>
      `The kernel refuses a hash table above INT_MAX bytes, so ${plural(unclamped, { one: "# bucket", other: "# buckets" })} is capped at the largest table it allocates.`,
    "long-chains": ({ chain }: { chain: number }) =>
      `A full table averages ${pluralDecimal(chain, { one: "# entry", other: "# entries" })} per chain (each connection is hashed twice): lookups slow down, and since Linux 5.15 inserts fail once a chain reaches 50 to 79 entries. Use fewer entries per bucket.`,
    "lowmem-large": ({ share }: { share: number }) =>
      `A full table takes ${percent(share)} of the 896 MiB of low memory a 32-bit kernel has for all its own data: the machine may fail allocations or OOM long before RAM is full. Lower nf_conntrack_max or use a 64-bit kernel.`,
    "ram-share-large": ({ share }: { share: number }) =>
      `A full table takes ${percent(share)} of RAM, and kernel memory is never swapped out. Check that the machine can spare it.`,
    "ram-beyond-pae": () =>
      "A 32-bit x86 kernel addresses at most 64 GiB (with PAE): the RAM above that is not usable there. (32-bit ARM with LPAE reaches 1 TiB.)",
  } satisfies Record<SizingWarning["code"], (values: never) => string>,
  kernel: {
    heading: ({ version }: { version: string }) => `What kernel ${version} does by itself`,
  },
  charts: {
    heading: "Memory and lookups as the table fills",
  },
  timeouts: {
    heading: "Timeouts",
  },
  kube: {
    heading: "Kubernetes node",
  },
  table: {
    heading: "What fills the table",
  },
  config: {
    heading: "Config for this kernel",
    downloadAll: ({ name }: { name: string }) => `Download all (${name})`,
    download: ({ name }: { name: string }) => `Download ${name}`,
    copy: "Copy",
    copyLink: "Copy link",
    copied: "Copied to the clipboard.",
    linkCopied: "Link copied: it reproduces every input.",
    copyFailedText: "Could not reach the clipboard: the text is selected, press Ctrl+C.",
    copyFailedLink: "Could not reach the clipboard: copy the address bar instead.",
    blocks: {
      sysctl: {
        title: "sysctl.d drop-in",
        why: "The limits themselves, applied at every boot by systemd-sysctl.",
      },
      "modules-load": {
        title: "Load the module at boot",
        why: "The keys exist only once the module is loaded; without this file they are skipped at boot.",
      },
      modprobe: {
        title: "Table size at module load",
        why: "Sets the bucket count when the module loads: the way on older kernels, and at boot everywhere.",
      },
      apply: { title: "Apply now", why: "The same settings on the running host, without a reboot." },
    },
    commentsNote:
      "The files' comments stay in English in every language, so a team shares one text and can search for it.",
    tabsLabel: "Config files",
    tabs: {
      sysctl: "sysctl.d",
      "modules-load": "modules-load.d",
      modprobe: "modprobe.d",
      apply: "Apply now",
      script: "Setup script",
    },
    script: {
      title: "Setup script",
      why: "Every file above and the apply commands in one POSIX sh script: read it, then run it as root.",
    },
    scriptFirst:
      "This kernel sets the bucket count only through the module option, so the script that writes every file comes first.",
    targets: {
      files: "Plain files",
      ansible: "Ansible",
      "cloud-init": "cloud-init",
      nixos: "NixOS",
      talos: "Talos",
      alerts: "Alerts",
    } satisfies Record<TargetChoice, string>,
  },
  /**
   * Punctuation a component puts between messages, each language's own: Chinese sentences take
   * full-width marks, which an ASCII ". " or ": " in a component would break.
   */
  punctuation: {
    sentenceEnd: ".",
    clauses: "; ",
    label: ": ",
  },
  layout: {
    modeLegend: "Size from",
    modes: { ram: "RAM", traffic: "Traffic", paste: "A pasted dump" },
    modeHints: {
      ram: "From the host's RAM, as the kernel does, with the figures below.",
      traffic:
        "From the connections the host sees: what they keep in the table, with the headroom, is the answer.",
      paste:
        "From the host's own output: it fills the fields below, and the RAM rule sizes on what it shows.",
    },
    summary: ({ ram, arch, kernel, page }: { ram: string; arch: string; kernel: string; page: number }) =>
      `${ram} RAM, ${arch}-bit, kernel ${kernel}, ${page} KiB pages`,
    editInputs: "Edit inputs",
    hideInputs: "Hide inputs",
    arithmetic: "The arithmetic",
  },
};

export type Messages = typeof en;
