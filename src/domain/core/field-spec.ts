import type { Result } from "./result";

/** Why a field's text was refused; the page words it with what the field accepts. */
export type FieldIssue =
  | { code: "empty" }
  | { code: "syntax" }
  | { code: "unit" }
  | { code: "precision" }
  | { code: "range" }
  | { code: "choice" };

/**
 * The most characters a field's text may have, surrounding space included. No accepted value needs
 * half of it (the longest are a kernel release, which uname keeps within 64 characters, and a pasted
 * "MemTotal:" line); every validator checks it before reading anything else, so that no parser ever
 * reads more than this, whatever a link or a paste carries (a megabyte of spaces in a link once made
 * the page take seconds per keystroke).
 */
export const MAX_FIELD_TEXT_LENGTH = 100;

/**
 * The issue of a text longer than any field takes, or null when its length is fine. A long number
 * is out of range; anything else that long is not understood. Linear: two scans at most.
 *
 * @example lengthIssue("9".repeat(200)) // { code: "range" }
 * @example lengthIssue("64 GiB") // null
 */
export function lengthIssue(text: string): { code: "range" } | { code: "syntax" } | null {
  if (text.length <= MAX_FIELD_TEXT_LENGTH) return null;
  return { code: /\d/.test(text) && /^[\d\s.,_]*$/.test(text) ? "range" : "syntax" };
}

type NoParams = Readonly<Record<string, never>>;

/** What each kind of field accepts, as the numbers the message stating it needs. */
export interface AcceptedParams {
  readonly ram: { readonly min: number; readonly max: number };
  readonly arch: NoParams;
  readonly ratio: { readonly min: number; readonly max: number; readonly decimals: number };
  readonly struct: { readonly min: number; readonly max: number };
  readonly max: { readonly min: number; readonly max: number };
  readonly kernel: NoParams;
  readonly page: NoParams;
  readonly role: NoParams;
  readonly way: NoParams;
  readonly rate: { readonly max: number; readonly decimals: number };
  readonly life: { readonly max: number };
  readonly headroom: { readonly max: number };
  readonly cores: { readonly min: number; readonly max: number };
  readonly k8s: NoParams;
  readonly timeout: { readonly max: number };
  readonly alert: { readonly min: number; readonly max: number };
  readonly target: NoParams;
}

export type AcceptedKind = keyof AcceptedParams;

/** A field's accepted values: which message states them, with its numbers. */
export type Accepted<K extends AcceptedKind = AcceptedKind> = {
  readonly [P in K]: { readonly kind: P; readonly params: AcceptedParams[P] };
}[K];

/** The part of the page a field belongs to. */
export type FieldGroup = "way" | "sizing" | "traffic" | "kube" | "timeouts" | "alerts" | "output";

/**
 * When a link carries a field (encodeSearch()):
 * - `always`: as typed;
 * - `unless-empty`: as typed, left out when empty (empty has a meaning: "derive it", "the kernel's own");
 * - `when-changed`: when it differs from its default;
 * - `group-when-changed`: when any field of its group differs from its default, so a link never
 *   depends on a default that may change (the five traffic fields; the Kubernetes version with its
 *   cores);
 * - `unless-implied`: when it differs from what the link's other fields imply without it (the way
 *   of sizing, way.ts).
 */
export type LinkRule = "always" | "unless-empty" | "when-changed" | "group-when-changed" | "unless-implied";

/**
 * Everything the page knows about one field. Each field's key is also its URL query key and its
 * form control's `name` (docs/url.md); its label and hint are in the message tables under the same
 * key.
 */
export interface FieldSpec<V> {
  readonly group: FieldGroup;
  /** The text a link without the key, and a new page, stand for. */
  readonly default: string;
  /** Reads the text. Never throws, whatever the string. */
  readonly validate: (text: string) => Result<V, FieldIssue>;
  readonly link: LinkRule;
  readonly accepted: Accepted;
}
