import { create } from "zustand";

/**
 * Whether the inputs are unfolded on a narrow screen, where a shared link folds them into a
 * one-line summary so that its numbers come first. Held here rather than in the form, so that a
 * link elsewhere in the page (the header's "paste its diagnostics") can unfold them before it
 * moves to a field inside; a folded form hides its fields, and a hidden field cannot be shown.
 */
export const useInputsFold = create<{ readonly open: boolean }>()(() => ({ open: true }));

export function showInputs(open: boolean): void {
  useInputsFold.setState({ open });
}

/**
 * A shared link (any query string) starts folded, a plain visit unfolded. Give it the address as
 * it was opened: once the address is normalised every visit has a query string.
 */
export function startInputsFold(openedSearch: string): void {
  showInputs(openedSearch === "");
}
