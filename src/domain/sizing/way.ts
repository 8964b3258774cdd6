import type { FieldIssue, FieldSpec } from "../core/field-spec";
import { fail, ok, type Result } from "../core/result";

/**
 * The way the reader sizes the table, which decides the answer (answer.ts): from RAM (the
 * RAM-proportional rule, or the reader's own nf_conntrack_max), from the traffic (its steady state
 * with the headroom), or from a pasted dump of the host (the rule on what the host shows).
 */
export const SIZING_WAYS = ["ram", "traffic", "paste"] as const;

export type SizingWay = (typeof SIZING_WAYS)[number];

export type WayFieldKey = "from";

/** Reads a way, exactly as the URL and the switch write it. Never throws. */
function tryParseWay(text: string): Result<SizingWay, FieldIssue> {
  const trimmed = text.trim();
  const way = SIZING_WAYS.find((w) => w === trimmed);
  return way === undefined ? fail({ code: "choice" }) : ok(way);
}

/**
 * The way of sizing as a field (URL key `from`). A link without it was written before the way
 * decided the answer: it means traffic when the link sets a traffic field (the page opened such
 * links on the traffic panel), else RAM (impliedWay(), url/codec.ts).
 */
export const WAY_FIELDS: { readonly [K in WayFieldKey]: FieldSpec<SizingWay> } = {
  from: {
    group: "way",
    default: "ram",
    link: "unless-implied",
    accepted: { kind: "way", params: {} },
    validate: tryParseWay,
  },
};

/** The way a field's text names; RAM when it names none (an invalid `from` falls back alone). */
export function readWay(text: string): SizingWay {
  const result = tryParseWay(text);
  return result.ok ? result.value : "ram";
}
