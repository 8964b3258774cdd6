// The scenarios scripts/validate-targets.mjs renders every target for, built from the domain as
// the page builds them (src/store/config.ts), loaded through Vite's module runner.
import { kernelRules } from "../src/domain/kernel/kernel-defaults";
import { changedTimeouts, readTimeouts } from "../src/domain/kernel/timeouts";
import { k8s } from "../src/domain/kube/kubernetes-version";
import { DEFAULT_RAW, readInputs, type RawInputs } from "../src/domain/sizing/inputs";
import { computeSizing, type Sizing } from "../src/domain/sizing/sizing";
import { buildTargets, type TargetFile, type TargetSource } from "../src/domain/config/targets";
import type { TimeoutKey } from "../src/domain/kernel/timeouts";

interface Scenario {
  readonly name: string;
  readonly raw: Partial<RawInputs>;
  readonly timeouts?: Readonly<Partial<Record<TimeoutKey, string>>>;
  readonly alert?: number;
  readonly kube?: TargetSource["kube"];
}

const SCENARIOS: readonly Scenario[] = [
  { name: "kernel-3.10", raw: { kernel: "3.10" } },
  { name: "kernel-4.19", raw: { kernel: "4.19" } },
  { name: "kernel-5.15", raw: { kernel: "5.15" } },
  { name: "kernel-6.12", raw: { kernel: "6.12" } },
  { name: "kernel-7.3", raw: { kernel: "7.3" } },
  { name: "32-bit", raw: { kernel: "5.10", arch: "32", ram: "3G" } },
  { name: "kube-node", raw: { kernel: "6.12", ram: "64G" }, kube: { cores: 16, version: k8s(36) } },
  {
    name: "changed-timeouts",
    raw: { kernel: "6.12" },
    timeouts: { udp_timeout: "10", tcp_timeout_established: "86400" },
  },
  { name: "odd-threshold", raw: { kernel: "6.1", max: "1000003" }, alert: 33 },
  { name: "ip_conntrack-2.6.18", raw: { kernel: "2.6.18", ram: "2G" } },
];

/** MemTotal of the fleet's hosts the fleet variants are checked against, in MiB: all sizes. */
const FLEET_MIB = [1024, 3000, 16384, 65536, 787752] as const;

/** One host of the fleet: its MemTotal and what the page recommends for it. */
export interface FleetHost {
  readonly memTotalBytes: number;
  readonly max: number;
  readonly buckets: number;
}

export interface RenderedScenario {
  readonly name: string;
  readonly alertThresholdPercent: number;
  /** Where the max comes from: the RAM rule (per host in the fleet variants) or an explicit max. */
  readonly maxSource: Sizing["maxSource"];
  readonly files: readonly TargetFile[];
  /** Whether nf_conntrack_max = 0 means no limit on the scenario's kernel (before 6.19). */
  readonly maxZeroMeansNoLimit: boolean;
  /** The same inputs with each fleet host's MemTotal: the values its per-host rules must give. */
  readonly fleet: readonly FleetHost[];
}

export function renderScenarios(): RenderedScenario[] {
  return SCENARIOS.map((scenario) => {
    const inputs = readInputs({ ...DEFAULT_RAW, ...scenario.raw });
    const timeouts = changedTimeouts(
      readTimeouts(scenario.timeouts ?? {}, inputs.kernel).values,
      inputs.kernel,
    );
    const alertThresholdPercent = scenario.alert ?? 75;
    const source: TargetSource = {
      inputs,
      sizing: computeSizing(inputs),
      rules: kernelRules(inputs.kernel),
      link: `https://example.test/calc/?v=2&scenario=${scenario.name}`,
      generator: "conntrack-calc validate-targets",
      timeouts,
      alertThresholdPercent,
      kube: scenario.kube ?? null,
    };
    const fleet = FLEET_MIB.map((mib) => {
      const sizing = computeSizing(readInputs({ ...DEFAULT_RAW, ...scenario.raw, ram: `${mib}MiB` }));
      return { memTotalBytes: mib * 1024 * 1024, max: sizing.max, buckets: sizing.buckets };
    });
    return {
      name: scenario.name,
      alertThresholdPercent,
      maxSource: source.sizing.maxSource,
      files: buildTargets(source),
      maxZeroMeansNoLimit: source.rules.maxZeroMeansNoLimit,
      fleet,
    };
  });
}
