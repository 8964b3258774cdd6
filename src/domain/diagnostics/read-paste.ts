import type { TimeoutUrlKey } from "../kernel/timeouts";
import type { Diagnostics } from "./dump";
import { parseDiagnostics } from "./parse-diagnostics";
import type { PasteContext } from "./paste-entry-bytes";
import { suggestedFields, suggestedTimeoutFields, type SuggestedField } from "./suggestions";
import { computeSnapshotRates, type SnapshotRates } from "./snapshot-rates";

/** What a pasted dump says, and the form fields it fills in. */
export interface PasteReading {
  readonly diagnostics: Diagnostics;
  readonly fields: Partial<Record<SuggestedField | TimeoutUrlKey, string>>;
  /** Per-second rates when the paste holds two snapshots with `TIME:` lines. */
  readonly rates: SnapshotRates | null;
}

/**
 * The paste box's one entry point, loaded in its own chunk: parse the dump, then suggest the
 * sizing fields it measured and the timeouts that differ from the kernel's defaults. `context` is
 * the fields as they are (the kernel, architecture and role the paste does not say).
 */
export function readPaste(text: string, context: PasteContext): PasteReading {
  const diagnostics = parseDiagnostics(text);
  return {
    diagnostics,
    fields: {
      ...suggestedFields(diagnostics, context),
      ...suggestedTimeoutFields(diagnostics, context.kernel),
    },
    rates: computeSnapshotRates(text),
  };
}
