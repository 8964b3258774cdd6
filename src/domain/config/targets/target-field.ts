import { lengthIssue, type FieldSpec } from "../../core/field-spec";
import { fail, ok, type Result } from "../../core/result";
import type { FieldIssue } from "../../core/field-spec";

/**
 * What the config is written for: the plain files (sysctl.d, modules-load.d, modprobe.d, the
 * apply commands, the setup script), or one of the tools that deploy them (index.ts), or the alerts
 * (the Prometheus rules and the check script, with the alert threshold). The values never depend
 * on it: it only chooses the blocks shown first.
 */
export const TARGET_CHOICES = ["files", "ansible", "cloud-init", "nixos", "talos", "alerts"] as const;

export type TargetChoice = (typeof TARGET_CHOICES)[number];

/**
 * One of the choices, exactly as written (a link carries it as the page wrote it).
 *
 * @example validateTargetChoice("nixos") // { ok: true, value: "nixos" }
 */
function validateTargetChoice(text: string): Result<TargetChoice, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const choice = TARGET_CHOICES.find((candidate) => candidate === text.trim());
  return choice === undefined ? fail({ code: text.trim() === "" ? "empty" : "choice" }) : ok(choice);
}

/** The plain files: what a page without the key shows. */
const DEFAULT_TARGET: TargetChoice = "files";

/**
 * The output a text names, or the plain files when it names none (the page shows them while a
 * bad choice from a link waits at its field).
 *
 * @example readTarget("alerts") // "alerts"
 * @example readTarget("puppet") // "files"
 */
export function readTarget(text: string): TargetChoice {
  const result = validateTargetChoice(text);
  return result.ok ? result.value : DEFAULT_TARGET;
}

export type TargetFieldKey = "target";

/** The output chosen: written to a link only when it is not the plain files, as links before it. */
export const TARGET_FIELDS: { readonly [K in TargetFieldKey]: FieldSpec<TargetChoice> } = {
  target: {
    group: "output",
    default: DEFAULT_TARGET,
    link: "when-changed",
    accepted: { kind: "target", params: {} },
    validate: validateTargetChoice,
  },
};
