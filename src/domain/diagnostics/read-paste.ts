import type { KernelVersion } from "../kernel/kernel-version";
import type { TimeoutUrlKey } from "../kernel/timeouts";
import type { Diagnostics } from "./dump";
import { parseDiagnostics } from "./parse-diagnostics";
import { suggestedFields, suggestedTimeoutFields, type SuggestedField } from "./suggestions";

/** What a pasted dump says, and the form fields it fills in. */
export interface PasteReading {
  readonly diagnostics: Diagnostics;
  readonly fields: Partial<Record<SuggestedField | TimeoutUrlKey, string>>;
}

/**
 * The paste box's one entry point, loaded in its own chunk: parse the dump, then suggest the
 * sizing fields it measured and the timeouts that differ from `kernel`'s defaults.
 */
export function readPaste(text: string, kernel: KernelVersion): PasteReading {
  const diagnostics = parseDiagnostics(text);
  return {
    diagnostics,
    fields: { ...suggestedFields(diagnostics), ...suggestedTimeoutFields(diagnostics, kernel) },
  };
}
