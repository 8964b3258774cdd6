import { useMemo } from "react";
import { create } from "zustand";
import { validateAllFields, validateAnyField, type AnyFieldKey } from "../domain/sizing/fields";
import { readInputs } from "../domain/sizing/inputs";
import { computeChainSeries, computeMemorySeries } from "../domain/sizing/chart-series";
import { explainDifferences, uncertainBoundaries } from "../domain/kernel/kernel-compare";
import { computeKernelDefault } from "../domain/kernel/kernel-defaults";
import { distributionKernel } from "../domain/kernel/kernel-version";
import { computeSizing } from "../domain/sizing/sizing";
import type { Locale } from "../domain/core/locale";
import { decodeSearch, type LinkState } from "../url/codec";

/**
 * The one store: the text of every field as shown, the text of its last valid value, and the
 * chosen language. Everything else (inputs, sizing, issues, config) is derived, never stored.
 */
export interface CalcState extends LinkState {
  /** Pasted host diagnostics: kept in the page only, never in the URL. */
  readonly paste: string;
}

export const useCalcStore = create<CalcState>()(() => ({
  ...decodeSearch(window.location.search),
  paste: "",
}));

/** A field's text changed: keep it as typed; remember it as the field's value only if valid. */
export function setField(key: AnyFieldKey, text: string): void {
  useCalcStore.setState((state) => ({
    raw: { ...state.raw, [key]: text },
    validRaw: validateAnyField(key, text).ok ? { ...state.validRaw, [key]: text } : state.validRaw,
  }));
}

/** Sets several fields at once (values read from a pasted diagnostic dump). */
export function applyFields(fields: Partial<Record<AnyFieldKey, string>>): void {
  useCalcStore.setState((state) => {
    const raw = { ...state.raw };
    const validRaw = { ...state.validRaw };
    for (const [key, text] of Object.entries(fields) as Array<[AnyFieldKey, string]>) {
      raw[key] = text;
      if (validateAnyField(key, text).ok) validRaw[key] = text;
    }
    return { raw, validRaw };
  });
}

/** The pasted diagnostics text changed. */
export function setPaste(paste: string): void {
  useCalcStore.setState({ paste });
}

/** Chooses the page language (null: follow the browser). */
export function setLang(lang: Locale | null): void {
  useCalcStore.setState({ lang });
}

/** Replaces every field from a query string (page load, back/forward). */
export function loadSearch(search: string): void {
  useCalcStore.setState(decodeSearch(search));
}

/** The inputs the results use, and the sizing computed from them. */
export function useSizing() {
  const validRaw = useCalcStore((state) => state.validRaw);
  return useMemo(() => {
    const inputs = readInputs(validRaw);
    return { validRaw, inputs, sizing: computeSizing(inputs) };
  }, [validRaw]);
}

/** What the chosen kernel does by itself on this machine, and how the recommendation differs. */
export function useKernelView() {
  const { validRaw, inputs, sizing } = useSizing();
  return useMemo(() => {
    const kernel = computeKernelDefault(inputs);
    return {
      kernel,
      differences: explainDifferences(inputs, sizing, kernel),
      uncertain: uncertainBoundaries(inputs.kernel),
      distribution: distributionKernel(validRaw.kernel),
    };
  }, [validRaw.kernel, inputs, sizing]);
}

/** The chart series for the current sizing. */
export function useChartSeries() {
  const { inputs, sizing } = useSizing();
  return useMemo(
    () => ({
      inputs,
      sizing,
      memory: computeMemorySeries(sizing, inputs.struct, inputs.ram),
      chain: computeChainSeries(sizing),
    }),
    [inputs, sizing],
  );
}

/** The issue of each invalid field, for messages at the fields. */
export function useFieldIssues() {
  const raw = useCalcStore((state) => state.raw);
  return useMemo(() => validateAllFields(raw), [raw]);
}
