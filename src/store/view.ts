import { create } from "zustand";
import type { FieldGroup } from "../domain/core/field-spec";
import { DEFAULT_ALL_RAW, fieldsOf, type AllRaw } from "../domain/sizing/fields";
import { readWay, type SizingWay } from "../domain/sizing/way";
import { setField, useCalcStore } from "./calc-store";

/** The config tabs: the four files, and the script that holds them all. */
export type ConfigTab = "sysctl" | "modules-load" | "modprobe" | "apply" | "script";

/**
 * How the page is laid out for the reader: the config tab shown. Never in the link and never a
 * value the sizing reads. (The way of sizing is a field, `from`: it decides the answer.)
 */
interface ViewState {
  /** The config tab chosen by the user; null: the one that matters most for the kernel. */
  readonly tab: ConfigTab | null;
}

export const useViewStore = create<ViewState>()(() => ({ tab: null }));

/** The reader chose a way of sizing: it decides the answer, and its panel comes first. */
export function chooseMode(mode: SizingWay): void {
  setField("from", mode);
}

export function chooseTab(tab: ConfigTab): void {
  useViewStore.setState({ tab });
}

const groupSet = (raw: AllRaw, group: FieldGroup) =>
  fieldsOf(group).some((key) => raw[key] !== DEFAULT_ALL_RAW[key]);

/**
 * A link that sets the alert threshold but names no output opens on the alerts, where the
 * threshold's field is (and any error in it shows).
 */
export function startView(): void {
  const { raw } = useCalcStore.getState();
  if (groupSet(raw, "alerts") && !groupSet(raw, "output")) setField("target", "alerts");
}

/** Whether any field of the group holds other text than its default (a link or the user set it). */
export function useGroupSet(group: FieldGroup): boolean {
  return useCalcStore((state) => groupSet(state.raw, group));
}

/** The way of sizing in force (an invalid `from` falls back to RAM, and its field says why). */
export function useSizingMode(): SizingWay {
  return useCalcStore((state) => readWay(state.validRaw.from));
}
