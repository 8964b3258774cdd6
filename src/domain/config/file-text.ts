/**
 * The one gate every line of a generated file passes (renderConfig), and the one form of the
 * reproduce link such a file may carry. Generated files are read by many parsers: sysctl.d,
 * modprobe.d and sh end a comment at a line feed; YAML 1.1 readers (PyYAML; go-yaml, which promtool,
 * kube-proxy and Talos use) also at U+0085, U+2028 and U+2029; a bidirectional override shows a line
 * in another order than the parser reads it. Keeping to printable ASCII closes all of these at once,
 * whatever a future field carries into a file.
 */

/** Printable ASCII, U+0020 to U+007E: the only characters a generated line holds. */
const UNPRINTABLE = /[^\x20-\x7e]/g;

/**
 * A generated line as written: every character outside printable ASCII (a control, a line or
 * paragraph separator, a tab, a bidirectional control, any other non-ASCII character) becomes "?".
 * Nothing the page itself writes needs one; they could only come from text it was given.
 *
 * @example fileText("# a\u2028b: 1") // "# a?b: 1"
 */
export function fileText(line: string): string {
  return line.replace(UNPRINTABLE, "?");
}

/**
 * The longest reproduce link a generated file carries, in characters. Every link the page makes is
 * far shorter (each of its fields takes at most 100 characters, MAX_FIELD_TEXT_LENGTH); the cap
 * bounds the line whatever the page's own address holds. systemd's readers refuse a line of 1 MiB
 * (LONG_LINE_MAX, src/basic/fileio.h).
 */
export const MAX_FILE_LINK_CHARS = 2000;

/** What a shortened link ends with, after its first MAX_FILE_LINK_CHARS characters. */
const SHORTENED_MARK = "...";

/**
 * Characters kept as they are in a file's link: RFC 3986's unreserved and reserved characters
 * (section 2) and "%", which starts an escape already made. The single quote is escaped too, so
 * the link can stand in any quoting of sh or YAML.
 */
const URL_CHAR = /^[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]$/;

const utf8 = new TextEncoder();

/**
 * A link as a generated file writes it: every other character percent-encoded as UTF-8 (a lone
 * surrogate as U+FFFD), which leaves its meaning unchanged and makes it printable ASCII; then, when
 * longer than MAX_FILE_LINK_CHARS, its first MAX_FILE_LINK_CHARS characters and "...", with
 * `shortened` set so the file can say so. The same link passed twice gives the same text.
 *
 * @example fileLink("https://h/?k=a b\u202e") // { text: "https://h/?k=a%20b%E2%80%AE", shortened: false }
 */
export function fileLink(link: string): { text: string; shortened: boolean } {
  let text = "";
  for (const char of link) {
    if (text.length > MAX_FILE_LINK_CHARS) break;
    if (URL_CHAR.test(char)) {
      text += char;
      continue;
    }
    for (const byte of utf8.encode(char)) text += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (text.length <= MAX_FILE_LINK_CHARS) return { text, shortened: false };
  return { text: `${text.slice(0, MAX_FILE_LINK_CHARS)}${SHORTENED_MARK}`, shortened: true };
}
