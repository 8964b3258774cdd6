import { computeSizing, ramRuleEntries, type Sizing } from "./sizing";
import { INT_MAX, type Inputs } from "./inputs";
import type { SizingWay } from "./way";
import type { FieldGroup } from "../core/field-spec";
import type { TrafficSizing } from "../traffic/traffic-sizing";

/**
 * Where the answer's nf_conntrack_max comes from:
 * - `explicit`: the reader's own figure (the `max` field), whatever the way;
 * - `ram`: the RAM-proportional rule (sizing.ts), on the RAM given or on what a pasted dump showed;
 * - `traffic`: the traffic's steady state with the headroom (traffic-sizing.ts requiredMax).
 */
export type AnswerBasis = "explicit" | "ram" | "traffic";

export interface Answer {
  readonly way: SizingWay;
  readonly basis: AnswerBasis;
  /** The way asks for traffic but none is given (no rates): the RAM rule stands in. */
  readonly noTraffic: boolean;
  /** nf_conntrack_max, buckets and memory of the answer: what every block writes. */
  readonly sizing: Sizing;
  /** Shown beside the answer for reference. */
  readonly reference: {
    /** What the RAM rule gives for this RAM (at most INT_MAX). */
    readonly ramRuleMax: number;
    /** What the kernel picks by itself on this machine. */
    readonly kernelMax: number;
  };
}

/**
 * The answer to the question the reader asked: the way of sizing decides nf_conntrack_max, and
 * buckets and memory follow from it exactly as computeSizing() derives them. The reader's own
 * `max` wins in every way (it is their explicit target); the traffic way answers with what the
 * traffic needs with its headroom, so the page's own answer is never judged too small by its
 * traffic verdict (traffic-verdict.ts counts the headroom once); the paste way sizes by the RAM
 * rule on the fields the dump filled in (the host's MemTotal, kernel, architecture, page size and
 * entry size), so a link reproduces it without the dump.
 *
 * @example
 * computeAnswer({ inputs, way: "traffic", traffic: computeTrafficSizing(...), kernelMax: 262144 })
 * // basis "traffic", sizing.max = traffic.requiredMax
 */
export function computeAnswer(params: {
  readonly inputs: Inputs;
  readonly way: SizingWay;
  /** The traffic's sizing; needed in the traffic way only. */
  readonly traffic: TrafficSizing | null;
  readonly kernelMax: number;
}): Answer {
  const { inputs, way, traffic, kernelMax } = params;
  const reference = {
    ramRuleMax: Math.min(ramRuleEntries(inputs), INT_MAX),
    kernelMax,
  };
  const fromTraffic = way === "traffic" && traffic !== null && traffic.requiredMax >= 1;
  if (inputs.max === null && fromTraffic) {
    return {
      way,
      basis: "traffic",
      noTraffic: false,
      sizing: { ...computeSizing({ ...inputs, max: traffic.requiredMax }), maxSource: "traffic" },
      reference,
    };
  }
  return {
    way,
    basis: inputs.max === null ? "ram" : "explicit",
    noTraffic: way === "traffic" && !fromTraffic,
    sizing: computeSizing(inputs),
    reference,
  };
}

/**
 * The fields a part of the page is computed from, for the way of sizing: while one of them is
 * invalid, that part says so instead of showing numbers for values nobody asked for.
 * - `answer`: the way itself, the sizing inputs, and in the traffic way the traffic and the
 *   timeouts that keep its entries;
 * - `config`: the answer's, and the timeouts and the Kubernetes node every block writes or warns of;
 * - `targets`: the config's, and the alert threshold the alerting targets write.
 */
export function fieldsBehind(way: SizingWay, part: "answer" | "config" | "targets"): readonly FieldGroup[] {
  const answer: FieldGroup[] =
    way === "traffic" ? ["way", "sizing", "traffic", "timeouts"] : ["way", "sizing"];
  if (part === "answer") return answer;
  const config = [...new Set<FieldGroup>([...answer, "timeouts", "kube"])];
  return part === "config" ? config : [...config, "alerts"];
}
