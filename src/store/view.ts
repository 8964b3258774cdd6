import { create } from "zustand";
import type { FieldGroup } from "../domain/core/field-spec";
import { DEFAULT_ALL_RAW, fieldsOf, type AllRaw } from "../domain/sizing/fields";
import { setField, useCalcStore } from "./calc-store";

/**
 * How the page is laid out for the reader: the way of sizing chosen and the config tab shown.
 * Never in the link (the values are; these only choose what is shown), and never a value the
 * sizing reads: switching either hides or shows, it changes no number.
 */
export type SizingMode = "ram" | "traffic" | "paste";

/** The config tabs: the four files, and the script that holds them all. */
export type ConfigTab = "sysctl" | "modules-load" | "modprobe" | "apply" | "script";

interface ViewState {
  readonly mode: SizingMode;
  /** The config tab chosen by the user; null: the one that matters most for the kernel. */
  readonly tab: ConfigTab | null;
}

export const useViewStore = create<ViewState>()(() => ({ mode: "ram", tab: null }));

export function chooseMode(mode: SizingMode): void {
  useViewStore.setState({ mode });
}

export function chooseTab(tab: ConfigTab): void {
  useViewStore.setState({ tab });
}

const groupSet = (raw: AllRaw, group: FieldGroup) =>
  fieldsOf(group).some((key) => raw[key] !== DEFAULT_ALL_RAW[key]);

/**
 * Starts on the way the loaded link points to: traffic when it sets a traffic field, else RAM.
 * Later the way changes only when the reader chooses one, never under the fingers of someone
 * typing (a field that moved would lose its focus).
 */
export function startView(): void {
  const { raw } = useCalcStore.getState();
  useViewStore.setState({ mode: groupSet(raw, "traffic") ? "traffic" : "ram" });
  // A link that sets the alert threshold but names no output opens on the alerts, where the
  // threshold's field is (and any error in it shows).
  if (groupSet(raw, "alerts") && !groupSet(raw, "output")) setField("target", "alerts");
}

/** Whether any field of the group holds other text than its default (a link or the user set it). */
export function useGroupSet(group: FieldGroup): boolean {
  return useCalcStore((state) => groupSet(state.raw, group));
}

export function useSizingMode(): SizingMode {
  return useViewStore((state) => state.mode);
}
