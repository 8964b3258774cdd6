/**
 * Characters that are not seen as themselves: controls (C0, DEL, C1), format characters (the
 * bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks
 * U+200E, U+200F and U+061C, zero-width characters, U+FEFF), the line and paragraph separators
 * U+2028 and U+2029, private-use and unassigned code points, and lone surrogates.
 */
const UNSEEN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]$/u;

/**
 * How many characters of a link's value the page shows where it shows one.
 *
 * @internal exported for its tests
 */
export const VISIBLE_TEXT_CHARS = 24;

/**
 * A value from a link as the page may show it, inside the field it belongs to: at most `maxChars`
 * characters (code points) followed by "…" when longer, and every character that would be obeyed
 * rather than seen (a right-to-left override that reverses what follows, a line separator, a
 * zero-width space) written as its code point, "[U+202E]", so what is shown is what was given.
 * Linear in the characters it keeps: the rest of a long value is never read.
 *
 * @example visibleText("\u202e46") // "[U+202E]46"
 * @example visibleText("x".repeat(30), 4) // "xxxx…"
 */
export function visibleText(text: string, maxChars: number = VISIBLE_TEXT_CHARS): string {
  let out = "";
  let count = 0;
  for (const char of text) {
    if (count === maxChars) return `${out}…`;
    count += 1;
    const code = char.codePointAt(0) ?? 0;
    out += UNSEEN.test(char) ? `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]` : char;
  }
  return out;
}
