import { useEffect, useMemo, useState } from "react";
import { create } from "zustand";
import {
  ALL_FIELD_KEYS,
  FIELDS,
  timeoutRaw,
  validateAllFields,
  validateAnyField,
  type AnyFieldKey,
} from "../domain/sizing/fields";
import { computeAnswer, fieldsBehind } from "../domain/sizing/answer";
import { readWay } from "../domain/sizing/way";
import { readTimeouts } from "../domain/kernel/timeouts";
import { readTraffic } from "../domain/traffic/traffic-fields";
import { computeTrafficSizing } from "../domain/traffic/traffic-sizing";
import { readInputs } from "../domain/sizing/inputs";
import type { Diagnostics } from "../domain/diagnostics/dump";
import type { SnapshotRates } from "../domain/diagnostics/snapshot-rates";
import type { kernelWarns } from "../domain/kernel/kernel-compare";
import { computeKernelDefault } from "../domain/kernel/kernel-defaults";
import type { TrafficPresetId } from "../domain/traffic/traffic-presets";
import type { Locale } from "../domain/core/locale";
import { decodeSearch, type LinkState } from "../url/codec";

/**
 * The one store: the text of every field as shown, the text of its last valid value, and the
 * chosen language. Everything else (inputs, sizing, issues, config) is derived, never stored.
 * It starts from the defaults and reads nothing from the page when imported: startUrlSync()
 * loads the address bar (so a test can import it, and reset it to getInitialState()).
 */
export interface CalcState extends LinkState {
  /** Pasted host diagnostics: kept in the page only, never in the URL. */
  readonly paste: string;
  /** What was read from the paste box last, for its report (null while the box is empty). */
  readonly pasteReading: PasteReading | null;
  /** The traffic preset chosen last, whose assumptions the page shows (the fields stay editable). */
  readonly trafficPreset: TrafficPresetId | null;
}

/**
 * A paste as read: its diagnostics and the fields it filled (named in the report; editing one
 * afterwards does not change this). "failed": the parser's file could not be loaded.
 */
export type PasteReading =
  | {
      readonly status: "read";
      readonly diagnostics: Diagnostics;
      readonly filled: readonly AnyFieldKey[];
      /** Per-second rates when the paste holds two snapshots with `TIME:` lines. */
      readonly rates: SnapshotRates | null;
    }
  | { readonly status: "failed" };

export const useCalcStore = create<CalcState>()(() => ({
  ...decodeSearch(""),
  paste: "",
  pasteReading: null,
  trafficPreset: null,
}));

/** A field's text changed: keep it as typed; remember it as the field's value only if valid. */
export function setField(key: AnyFieldKey, text: string): void {
  useCalcStore.setState((state) => ({
    raw: { ...state.raw, [key]: text },
    validRaw: validateAnyField(key, text).ok ? { ...state.validRaw, [key]: text } : state.validRaw,
  }));
}

type LinkFields = Pick<CalcState, "raw" | "validRaw">;

/**
 * The fields after setting several at once: each as given, each valid one also as its value. For
 * actions that set more than fields (applyTrafficPreset() in traffic-view.ts).
 */
export function withFields(state: CalcState, fields: Partial<Record<AnyFieldKey, string>>): LinkFields {
  const raw = { ...state.raw };
  const validRaw = { ...state.validRaw };
  for (const [key, text] of Object.entries(fields) as Array<[AnyFieldKey, string]>) {
    raw[key] = text;
    if (validateAnyField(key, text).ok) validRaw[key] = text;
  }
  return { raw, validRaw };
}

/** Sets several fields at once (values read from a pasted diagnostic dump). */
export function applyFields(fields: Partial<Record<AnyFieldKey, string>>): void {
  useCalcStore.setState((state) => withFields(state, fields));
}

/** The box is read this long after its last change (parsing a 1 MiB paste takes tens of ms). */
const PASTE_READ_DELAY_MS = 150;

let pasteTimer: ReturnType<typeof setTimeout> | undefined;
/** Counts the readings begun, so one that a newer paste overtook is dropped. */
let pasteReads = 0;

/** The paste box changed: its text is kept at once and read once typing pauses (cleared: at once). */
export function setPaste(paste: string): void {
  useCalcStore.setState({ paste });
  clearTimeout(pasteTimer);
  pasteTimer = setTimeout(() => void applyPaste(paste), paste === "" ? 0 : PASTE_READ_DELAY_MS);
}

/**
 * Reads a pasted dump and fills the calculator from it, once: editing a field afterwards is not
 * undone. The host's tuned timeouts come along, so the generated sysctl file keeps them. The
 * parser is loaded on the first paste (most visits never paste).
 *
 * @internal exported for its tests
 */
export async function applyPaste(text: string): Promise<void> {
  const turn = ++pasteReads;
  if (text.trim() === "") {
    useCalcStore.setState({ pasteReading: null });
    return;
  }
  const parser = await import("../domain/diagnostics/read-paste").catch(() => null);
  if (turn !== pasteReads) return;
  if (!parser) {
    useCalcStore.setState({ pasteReading: { status: "failed" } });
    return;
  }
  useCalcStore.setState((state) => {
    const { diagnostics, fields, rates } = parser.readPaste(text, readInputs(state.validRaw));
    const filled = Object.keys(fields) as AnyFieldKey[];
    return { ...withFields(state, fields), pasteReading: { status: "read", diagnostics, filled, rates } };
  });
}

/** Chooses the page language (null: follow the browser). */
export function setLang(lang: Locale | null): void {
  useCalcStore.setState({ lang });
}

/** Replaces every field from a query string (page load, back/forward). */
export function loadSearch(search: string): void {
  useCalcStore.setState(decodeSearch(search));
}

/**
 * The inputs the results use, and the answer computed from them: the way of sizing (`from`)
 * decides nf_conntrack_max, and `sizing` is the answer's (what every block writes).
 */
export function useSizing() {
  const validRaw = useCalcStore((state) => state.validRaw);
  return useMemo(() => {
    const inputs = readInputs(validRaw);
    const way = readWay(validRaw.from);
    const traffic =
      way === "traffic"
        ? computeTrafficSizing(
            readTraffic(validRaw),
            readTimeouts(timeoutRaw(validRaw), inputs.kernel).values,
            inputs.kernel,
          )
        : null;
    const answer = computeAnswer({ inputs, way, traffic, kernelMax: computeKernelDefault(inputs).max });
    return { validRaw, inputs, answer, sizing: answer.sizing, traffic };
  }, [validRaw]);
}

/**
 * The invalid fields a part of the page is computed from (fieldsBehind()): while there are any,
 * that part says so where it is, and hands out nothing that no longer matches the form.
 */
export function useInvalidBehind(part: "answer" | "config" | "targets"): readonly AnyFieldKey[] {
  const raw = useCalcStore((state) => state.raw);
  const way = useCalcStore((state) => readWay(state.validRaw.from));
  return useMemo(() => {
    const issues = validateAllFields(raw);
    const groups = fieldsBehind(way, part);
    return ALL_FIELD_KEYS.filter((key) => issues[key] !== undefined && groups.includes(FIELDS[key].group));
  }, [raw, way, part]);
}

/**
 * Whether the kernel's section opens by itself (kernelWarns()). The comparison is its own file,
 * loaded just after the first render, beside the kernel panel that shows it: the first download
 * only needs this one answer of it. False until the file is here, and if it cannot be had (the
 * panel, which needs it too, then says so in its place).
 */
export function useKernelWarns(): boolean {
  const { inputs, sizing } = useSizing();
  const [compare, setCompare] = useState<{ readonly kernelWarns: typeof kernelWarns } | null>(null);
  useEffect(() => {
    let current = true;
    void import("../domain/kernel/kernel-compare")
      .then((module) => {
        if (current) setCompare({ kernelWarns: module.kernelWarns });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return useMemo(
    () => compare !== null && compare.kernelWarns(inputs, sizing, computeKernelDefault(inputs)),
    [compare, inputs, sizing],
  );
}

/** The issue of each invalid field, for messages at the fields. */
export function useFieldIssues() {
  const raw = useCalcStore((state) => state.raw);
  return useMemo(() => validateAllFields(raw), [raw]);
}
