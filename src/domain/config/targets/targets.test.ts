import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { buildConfigFiles, headerLines, renderConfig } from "../config-files";
import { fileLink } from "../file-text";
import { buildTargets, type TargetFile, type TargetId, type TargetSource } from "./index";
import { ALERTS } from "./alert-rules";
import { kubeLines } from "./target-source";
import { SCENARIOS, targetSource, UDP_TIMEOUT } from "./targets.fixture";
import { k8s } from "../../kube/kubernetes-version";

const target = (source: TargetSource, id: TargetId): TargetFile => {
  const file = buildTargets(source).find((t) => t.id === id);
  if (!file) throw new Error(`no ${id} target`);
  return file;
};

/** Parses YAML strictly: any error or warning fails. */
function yamlOf(file: TargetFile): unknown {
  const doc = parseDocument(file.text, { prettyErrors: false });
  expect(doc.errors, file.fileName).toEqual([]);
  expect(doc.warnings, file.fileName).toEqual([]);
  return parse(file.text);
}

type Map = Record<string, unknown>;
const scenarios = Object.entries(SCENARIOS);

describe("buildTargets", () => {
  it("gives the eight targets in order, with their file names and syntaxes", () => {
    expect(
      buildTargets(SCENARIOS["kernel 6.12"]).map(({ id, fileName, syntax }) => [id, fileName, syntax]),
    ).toEqual([
      ["ansible", "nf-conntrack.yml", "yaml"],
      ["ansible-host", "nf-conntrack-host.yml", "yaml"],
      ["cloud-init", "nf-conntrack-cloud-config.yaml", "yaml"],
      ["nixos", "nf-conntrack.nix", "nix"],
      ["talos", "nf-conntrack-talos-patch.yaml", "yaml"],
      ["prometheus", "nf-conntrack-alerts.yml", "yaml"],
      ["prometheus-host", "nf-conntrack-alerts-host.yml", "yaml"],
      ["check", "check-nf-conntrack.sh", "sh"],
    ]);
  });

  describe.each(scenarios)("%s", (name, source) => {
    it.each(buildTargets(source).map((t) => [t.id, t] as const))(
      "renders %s as its golden file",
      (_id, file) => {
        expect(file.text).toMatchSnapshot();
      },
    );

    it("starts every file with the plain files' header, and never prints NaN or undefined", () => {
      const header = renderConfig(headerLines(source));
      for (const file of buildTargets(source)) {
        expect(file.text, file.id).toContain(header);
        expect(file.text, file.id).not.toMatch(/NaN|Infinity|undefined|\[object/);
        expect(file.text.endsWith("\n"), file.id).toBe(true);
      }
    });

    it("names kube-proxy on a Kubernetes node, and only there", () => {
      for (const file of buildTargets(source)) {
        const kube = /kube-proxy writes net\.netfilter\.nf_conntrack_max/.test(file.text);
        expect(kube, `${name} ${file.id}`).toBe(source.kube !== null);
      }
    });
  });
});

describe("the Ansible task list", () => {
  it.each(scenarios)(
    "%s, this page's values: loads the module first, then sets the same values",
    (_name, source) => {
      const tasks = yamlOf(target(source, "ansible-host")) as Map[];
      const { sizing, rules } = source;
      expect(tasks[0]?.["community.general.modprobe"]).toEqual({
        name: "nf_conntrack",
        params: `hashsize=${sizing.buckets}`,
        state: "present",
        persistent: "present",
      });
      const sysctls = tasks.flatMap((t) =>
        t["ansible.posix.sysctl"] ? [t["ansible.posix.sysctl"] as Map] : [],
      );
      const expected: [string, string][] = [["net.netfilter.nf_conntrack_max", String(sizing.max)]];
      if (rules.bucketsSysctlWritable)
        expected.push(["net.netfilter.nf_conntrack_buckets", String(sizing.buckets)]);
      for (const t of source.timeouts) expected.push([t.sysctl, String(t.seconds)]);
      expect(sysctls.map((s) => [s.name, s.value])).toEqual(expected);
      for (const s of sysctls) {
        expect(s).toMatchObject({
          sysctl_file: "/etc/sysctl.d/90-nf-conntrack.conf",
          sysctl_set: true,
          state: "present",
          reload: true,
        });
      }
      const shell = tasks.find((t) => "ansible.builtin.shell" in t);
      expect(shell !== undefined).toBe(!rules.bucketsSysctlWritable && rules.hashsizeWritable);
      if (shell) {
        expect(shell["ansible.builtin.shell"]).toContain(
          `echo ${sizing.buckets} > /sys/module/nf_conntrack/parameters/hashsize`,
        );
        expect(shell).toMatchObject({
          register: "nf_conntrack_hashsize",
          changed_when: "'resized' in nf_conntrack_hashsize.stdout",
        });
      }
    },
  );

  it.each([
    // 6.12, 64-bit: ratio 1, a page of 512 heads; the largest table 268434944 (sizing.ts).
    [
      "kernel 6.12",
      SCENARIOS["kernel 6.12"],
      "{{ [ansible_memtotal_mb * 32, 2147483647] | min }}",
      "{{ [((nf_conntrack_max | int) + 511) // 512 * 512, 268434944] | min }}",
    ],
    // 4.19: ratio 4.
    [
      "kernel 4.19",
      SCENARIOS["kernel 4.19"],
      "{{ [ansible_memtotal_mb * 32, 2147483647] | min }}",
      "{{ [(((nf_conntrack_max | int) + 3) // 4 + 511) // 512 * 512, 268434944] | min }}",
    ],
    // 32-bit, 5.10: RAM in MiB × 64, ratio 4, 1024 four-byte heads a page, INT_MAX / 4 rounded down.
    [
      "32-bit 5.10",
      targetSource({ kernel: "5.10", arch: "32", ram: "3G" }),
      "{{ [ansible_memtotal_mb * 64, 2147483647] | min }}",
      "{{ [(((nf_conntrack_max | int) + 3) // 4 + 1023) // 1024 * 1024, 536869888] | min }}",
    ],
    // A ratio of 2.5, read as 25/10: ceil(max × 10 / 25), the same integer as ceil(max × 2 / 5).
    [
      "ratio 2.5",
      targetSource({ kernel: "6.12", ratio: "2.5" }),
      "{{ [ansible_memtotal_mb * 32, 2147483647] | min }}",
      "{{ [(((nf_conntrack_max | int) * 10 + 24) // 25 + 511) // 512 * 512, 268434944] | min }}",
    ],
  ] as const)(
    "%s, every host: sizes each host from its facts, then uses them",
    (_name, source, max, buckets) => {
      const tasks = yamlOf(target(source, "ansible")) as Map[];
      expect(tasks.slice(0, 2).map((t) => t["ansible.builtin.set_fact"])).toEqual([
        { nf_conntrack_max: max },
        { nf_conntrack_buckets: buckets },
      ]);
      expect((tasks[2]?.["community.general.modprobe"] as Map).params).toBe(
        "hashsize={{ nf_conntrack_buckets }}",
      );
      const sysctls = tasks.flatMap((t) =>
        t["ansible.posix.sysctl"] ? [t["ansible.posix.sysctl"] as Map] : [],
      );
      expect(sysctls[0]).toMatchObject({
        name: "net.netfilter.nf_conntrack_max",
        value: "{{ nf_conntrack_max }}",
      });
      expect(target(source, "ansible").text).not.toContain(String(source.sizing.max));
    },
  );

  it("writes an explicit max for every host, as the page's values", () => {
    const source = targetSource({ kernel: "6.12", max: "1000003" });
    const tasks = yamlOf(target(source, "ansible")) as Map[];
    expect(tasks.some((t) => "ansible.builtin.set_fact" in t)).toBe(false);
    expect((tasks[1]?.["ansible.posix.sysctl"] as Map).value).toBe("1000003");
  });

  it("uses ip_conntrack's names on a kernel before 2.6.22, and has no /sys write before 2.6.15", () => {
    const tasks = yamlOf(target(targetSource({ kernel: "2.6.14" }), "ansible-host")) as Map[];
    expect((tasks[0]?.["community.general.modprobe"] as Map).name).toBe("ip_conntrack");
    expect((tasks[1]?.["ansible.posix.sysctl"] as Map).name).toBe("net.ipv4.netfilter.ip_conntrack_max");
    expect(tasks.some((t) => "ansible.builtin.shell" in t)).toBe(false);
  });
});

describe("the cloud-init user data", () => {
  it.each(scenarios)("%s: writes the plain files word for word and applies them once", (_name, source) => {
    const file = target(source, "cloud-init");
    expect(file.text.split("\n")[0]).toBe("#cloud-config");
    const data = yamlOf(file) as { write_files: Map[]; runcmd: string[] };
    const plain = buildConfigFiles(source, kubeLines(source, false)).filter((f) => f.path !== null);
    expect(data.write_files.map((f) => [f.path, f.content, f.permissions])).toEqual(
      plain.map((f) => [f.path, renderConfig(f.lines), "0644"]),
    );
    const resize = !source.rules.bucketsSysctlWritable && source.rules.hashsizeWritable;
    expect(data.runcmd).toEqual([
      "modprobe nf_conntrack",
      "sysctl --system",
      ...(resize ? [`echo ${source.sizing.buckets} > /sys/module/nf_conntrack/parameters/hashsize`] : []),
    ]);
  });
});

describe("the Talos patch", () => {
  it.each(scenarios)("%s: sets the sysctls as strings, and no module entry (built in)", (_name, source) => {
    const patch = yamlOf(target(source, "talos")) as { machine: Map; cluster?: Map };
    const sysctls: Record<string, string> = { "net.netfilter.nf_conntrack_max": String(source.sizing.max) };
    if (source.rules.bucketsSysctlWritable)
      sysctls["net.netfilter.nf_conntrack_buckets"] = String(source.sizing.buckets);
    for (const t of source.timeouts) sysctls[t.sysctl] = String(t.seconds);
    expect(patch.machine).toEqual({ sysctls });
    expect(patch.cluster !== undefined).toBe(source.kube !== null);
  });

  it("gives kube-proxy the flags that keep the recommended max on a Kubernetes node", () => {
    const source = SCENARIOS["Kubernetes node"];
    const patch = yamlOf(target(source, "talos")) as { cluster: { proxy: { extraArgs: Map } } };
    // 64 GiB: max 2097152; 16 cores on 1.36: maxPerCore = min(2097152 / 16, 1048576 / 16) = 65536.
    expect(source.sizing.max).toBe(2097152);
    expect(patch.cluster.proxy.extraArgs).toEqual({
      "conntrack-max-per-core": "65536",
      "conntrack-min": "2097152",
    });
  });

  it("leaves nf_conntrack_max to the sysctl (maxPerCore 0) when fewer entries than cores are wanted", () => {
    const source = targetSource({ max: "100" }, { kube: { cores: 128, version: k8s(36) } });
    const patch = yamlOf(target(source, "talos")) as { cluster: { proxy: { extraArgs: Map } } };
    expect(patch.cluster.proxy.extraArgs).toEqual({ "conntrack-max-per-core": "0" });
  });
});

describe("the NixOS module", () => {
  it.each(scenarios)("%s: loads the module, sizes it at load and sets the same sysctls", (_name, source) => {
    const text = target(source, "nixos").text;
    const { sizing, rules } = source;
    expect(text).toContain('kernelModules = [ "nf_conntrack" ];');
    expect(text).toContain(`options nf_conntrack hashsize=${sizing.buckets}\n`);
    expect(text).toContain(`"net.netfilter.nf_conntrack_max" = ${sizing.max};`);
    expect(text.includes('"net.netfilter.nf_conntrack_buckets"')).toBe(rules.bucketsSysctlWritable);
    for (const t of source.timeouts) expect(text).toContain(`"${t.sysctl}" = ${t.seconds};`);
    expect(text.indexOf("kernelModules")).toBeLessThan(text.indexOf("kernel.sysctl"));
  });
});

type Rule = Map & { alert: string; expr: string; for: string; annotations: Map };
const rulesOf = (file: TargetFile): Rule[] => {
  const groups = (yamlOf(file) as { groups: { name: string; rules: Rule[] }[] }).groups;
  expect(groups.map((g) => g.name)).toEqual(["nf-conntrack"]);
  return groups[0]?.rules ?? [];
};
/** The fill; before 6.19 a limit of 0 (no limit) is filtered out instead of divided by. */
const fillOf = (source: TargetSource) =>
  source.rules.maxZeroMeansNoLimit
    ? "100 * node_nf_conntrack_entries / (node_nf_conntrack_entries_limit > 0)"
    : "100 * node_nf_conntrack_entries / node_nf_conntrack_entries_limit";
/** The rules every variant shares, with the user's threshold. */
const sharedRules = (source: TargetSource) => {
  const fill = fillOf(source);
  return [
    ["NfConntrackTableFilling", `${fill} > ${source.alertThresholdPercent}`, "5m"],
    [
      "NfConntrackDrop",
      "rate(node_nf_conntrack_stat_drop[5m]) > rate(node_nf_conntrack_stat_insert_failed[5m])",
      "10m",
    ],
    ["NfConntrackEarlyDrop", "rate(node_nf_conntrack_stat_early_drop[5m]) > 0", "10m"],
    [
      "NfConntrackInsertFailed",
      `rate(node_nf_conntrack_stat_insert_failed[5m]) > 0 and ${fill} >= 50`,
      "15m",
    ],
    [
      "NfConntrackInsertRace",
      `rate(node_nf_conntrack_stat_insert_failed[5m]) > 0 unless ${fill} >= 50`,
      "15m",
    ],
  ];
};

describe("the Prometheus rules", () => {
  it.each(scenarios)(
    "%s, every host: per-host values in the queries, no host's numbers or link",
    (_name, source) => {
      const file = target(source, "prometheus");
      const list = rulesOf(file);
      expect(list.map((r) => [r.alert, r.expr, r.for])).toEqual([
        ...sharedRules(source),
        [
          "NfConntrackLimitBelowRecommended",
          // 64-bit: the RAM rule MemTotal / 32768, as computeSizing() with an INT_MAX clamp.
          "clamp_max(floor(node_memory_MemTotal_bytes / 32768), 2147483647) > node_nf_conntrack_entries_limit",
          "1h",
        ],
      ]);
      expect(list.slice(0, 5).map((r) => r.alert)).toEqual(ALERTS.map((a) => a.name));
      for (const rule of list) expect(rule.annotations.reproduce).toBeUndefined();
      const groups = file.text.slice(file.text.indexOf("groups:"));
      expect(groups).not.toContain(String(source.sizing.max));
      expect(groups).not.toContain(source.link);
    },
  );

  it("compares with an explicit max, the same for every host", () => {
    const source = targetSource({ kernel: "6.12", max: "1000003" });
    expect(rulesOf(target(source, "prometheus")).at(-1)?.expr).toBe(
      "node_nf_conntrack_entries_limit < 1000003",
    );
  });

  it("divides MemTotal by 16384 on 32-bit", () => {
    const source = targetSource({ kernel: "5.10", arch: "32", ram: "3G" });
    expect(rulesOf(target(source, "prometheus")).at(-1)?.expr).toBe(
      "clamp_max(floor(node_memory_MemTotal_bytes / 16384), 2147483647) > node_nf_conntrack_entries_limit",
    );
  });

  it.each(scenarios)(
    "%s, this page's values: the host's recommendation and link in every rule",
    (_name, source) => {
      const list = rulesOf(target(source, "prometheus-host"));
      expect(list.map((r) => [r.alert, r.expr, r.for])).toEqual([
        ...sharedRules(source),
        ["NfConntrackLimitBelowRecommended", `node_nf_conntrack_entries_limit < ${source.sizing.max}`, "1h"],
      ]);
      for (const rule of list) {
        expect(rule.annotations.reproduce).toBe(source.link);
        expect(rule.annotations.description).toContain(
          `nf_conntrack_max = ${source.sizing.max}, ${source.sizing.buckets} buckets`,
        );
      }
    },
  );

  it("names the insert race and says a bigger table does not fix it", () => {
    const race = rulesOf(target(SCENARIOS["kernel 6.12"], "prometheus")).find(
      (r) => r.alert === "NfConntrackInsertRace",
    );
    expect(race?.annotations.summary).toBe("nf_conntrack insert race on {{ $labels.instance }}");
    expect(race?.annotations.description).toContain("A bigger table does not fix it");
    expect(race?.annotations.description).toContain("DNS A and AAAA");
  });
});

describe("hostile links", () => {
  const link = "https://x.test/?a=\"b\"&c='d'\n# e: f ''${g}\\";

  it("stay inside comments and quoted strings: every YAML target parses with the link's meaning intact", () => {
    const source = targetSource({ kernel: "4.19" }, { link, kube: { cores: 4, version: k8s(30) } });
    for (const file of buildTargets(source)) {
      expect(file.text, file.id).not.toContain("\n# e: f");
      if (file.syntax === "yaml") yamlOf(file);
    }
    const rules = yamlOf(target(source, "prometheus-host")) as {
      groups: { rules: { annotations: Map }[] }[];
    };
    // Percent-encoded to printable ASCII (fileLink()): the same link, read the same way.
    const reproduce = String(rules.groups[0]?.rules[0]?.annotations.reproduce);
    expect(reproduce).toBe(fileLink(link).text);
    expect(new URL(reproduce).searchParams.get("a")).toBe(new URL(link).searchParams.get("a"));
  });
});

describe("the changed timeouts", () => {
  it("are in every target", () => {
    for (const file of buildTargets(targetSource({}, { timeouts: [UDP_TIMEOUT] }))) {
      if (file.id === "prometheus" || file.id === "prometheus-host" || file.id === "check") continue;
      expect(file.text, file.id).toContain("net.netfilter.nf_conntrack_udp_timeout");
    }
  });
});
