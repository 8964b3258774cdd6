import { ceilDiv } from "../core/integer";
import type { DiagnosticLine, Diagnostics, UnavailableSource } from "./dump";
import type { LineRecord, ParseState, Reader } from "./parse-state";
import { expectationOf, freeUnitOf, readCommandLine } from "./read-command-line";
import { readConntrackStats } from "./read-conntrack-s";
import { readCollectorCount } from "./read-collector-count";
import { readBareNumber } from "./read-bare-number";
import { readFree } from "./read-free";
import { readKernelLog } from "./read-kernel-log";
import { readMemTotal } from "./read-meminfo";
import { readPageSizeLabel } from "./read-page-size";
import { readStatHeader, readStatRow } from "./read-proc-stat";
import { readSlabinfo } from "./read-slabinfo";
import { readSysctl } from "./read-sysctl";
import { readUname } from "./read-uname";
import { readUnavailable } from "./read-unavailable";
import { inferSlabPageBytes } from "./slab-page-size";
import type { StatKey } from "./stat-block";

/**
 * Reads what a user pastes from their host: the collector's output (collector.ts), any part of
 * it, or the same commands run by hand and pasted in any order. Each line is recognised by its
 * own shape, never by its position or by marker lines; everything else is listed as ignored.
 *
 * Rules a reader of the result needs:
 * - First value wins. A later line giving the same field again is still listed as recognised,
 *   with the note "duplicate" (same value) or "conflict" (different value, not used).
 * - MemTotal from /proc/meminfo beats a `free` row wherever each appears (the `free` line gets the
 *   note "superseded").
 * - Table-full messages: the collector's `table_full_messages: N` count beats counting pasted log
 *   lines (both are never added). `net_ratelimit: N callbacks suppressed` is summed separately as
 *   suppressedCallbacks: the kernel's net_ratelimit() state is shared by every rate-limited
 *   network message, so those N are not all known to be conntrack's.
 * - Bounded work: only the first MAX_INPUT_CHARS characters and MAX_LINES lines are read
 *   (truncated = true otherwise); a line longer than MAX_LINE_CHARS is ignored unread. Every
 *   regular expression is anchored or applied after a literal was found, bounds its repetitions,
 *   and repeats no group that itself repeats, so each line costs time linear in its length.
 */

/**
 * At most this many characters (1 MiB of UTF-16 code units) are read.
 *
 * @internal exported for its tests
 */
export const MAX_INPUT_CHARS = 1024 * 1024;
/**
 * At most this many lines are read.
 *
 * @internal exported for its tests
 */
export const MAX_LINES = 20_000;
/**
 * Longer lines are ignored unread: no format the parser knows comes near this.
 */
const MAX_LINE_CHARS = 4096;
/**
 * Line text kept for display.
 */
const DISPLAY_CHARS = 200;

/**
 * Parses a pasted diagnostic dump. Never throws, whatever the input; reads at most the first
 * MAX_INPUT_CHARS characters and MAX_LINES lines.
 *
 * @example
 * const d = parseDiagnostics("MemTotal:       24683620 kB\n6.18.44 x86_64\n");
 * d.memTotalBytes // 25276026880
 * d.arch // 64
 * d.kernelRelease // "6.18.44"
 * d.lines.map((l) => l.kind) // ["meminfo", "uname"]
 */
export function parseDiagnostics(text: string): Diagnostics {
  const input = typeof text === "string" ? text : "";
  let truncated = input.length > MAX_INPUT_CHARS;
  let body = input;
  if (truncated) {
    // Drop the line cut in half: its tail is not there to read. A line that ends right at the
    // cut (a line break just after it) is whole and stays.
    body = input.slice(0, MAX_INPUT_CHARS);
    const next = input[MAX_INPUT_CHARS];
    if (next !== "\n" && next !== "\r") {
      const lastBreak = Math.max(body.lastIndexOf("\n"), body.lastIndexOf("\r"));
      body = lastBreak >= 0 ? body.slice(0, lastBreak) : "";
    }
  }
  const timeouts: Record<string, number> = {};
  const state: ParseState = {
    out: { lines: [], truncated: false, timeouts, unavailable: [] },
    timeouts,
    expectation: null,
    expected: null,
    freeUnit: null,
    freeLine: null,
    statHeader: null,
    statBlock: null,
    statSealed: false,
    slabLine: null,
    tableFullCount: null,
    tableFullLogLines: 0,
    tableFullNetnsCount: null,
    tableFullNetnsLogLines: 0,
    netnsLogLines: new Map(),
    netnsCounts: null,
    suppressed: null,
    unavailable: new Set(),
  };
  const records: LineRecord[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let lineNumber = 0;
  while (start <= body.length) {
    if (lineNumber === MAX_LINES) {
      truncated = true;
      break;
    }
    breaks.lastIndex = start;
    const found = breaks.exec(body);
    const end = found ? found.index : body.length;
    lineNumber += 1;
    const raw = body.slice(start, end);
    const record = readLine(state, raw, lineNumber);
    if (record) records.push(record);
    if (!found) break;
    start = found.index + found[0].length;
    // A trailing newline ends the text; it does not open one more, empty, line.
    if (start === body.length) break;
  }
  return finish(state, records, truncated);
}

function readLine(state: ParseState, raw: string, lineNumber: number): LineRecord | null {
  if (raw.length > MAX_LINE_CHARS) {
    return { lineNumber, text: displayText(raw), kind: "ignored", note: "too-long" };
  }
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  const record: LineRecord = { lineNumber, text: displayText(trimmed), kind: "ignored" };
  // Runs of spaces and tabs become one space, so no pattern below needs a whitespace quantifier.
  const tokens = trimmed.split(/\s+/);
  classify(state, tokens.join(" "), tokens, record);
  return record;
}

/** Fills record.kind (and note) and the state from one normalised, non-empty line. */
function classify(state: ParseState, line: string, tokens: readonly string[], record: LineRecord): void {
  const command = readCommandLine(line);
  if (command !== null) {
    if (command.isCommand) {
      record.note = "command";
      state.expectation = expectationOf(command.text);
      state.freeUnit = freeUnitOf(command.text);
    } else {
      record.note = "comment";
    }
    return;
  }
  // A command's single value is the first line of output after it, or nothing.
  state.expected = state.expectation;
  state.expectation = null;
  if (readKernelLog(state, line, record)) return;
  // Every format below is printable ASCII: anything else (binary junk) is settled in one scan.
  if (/[^\x20-\x7e]/.test(line)) return;
  const first = tokens[0] ?? "";
  const readers = first === "MemTotal:" || first.startsWith("/proc/meminfo:") ? MEMINFO_READERS : READERS;
  for (const reader of readers) {
    if (reader(state, line, tokens, record)) return;
  }
}

const MEMINFO_READERS: readonly Reader[] = [readMemTotal];
/** In order; the first that recognises a line wins. */
const READERS: readonly Reader[] = [
  readSysctl,
  readSlabinfo,
  readStatHeader,
  readStatRow,
  readConntrackStats,
  readFree,
  readUname,
  readPageSizeLabel,
  readCollectorCount,
  readUnavailable,
  readBareNumber,
];

function finish(state: ParseState, records: LineRecord[], truncated: boolean): Diagnostics {
  const out = state.out;
  out.truncated = truncated;
  out.lines = records.map((r): DiagnosticLine => ({
    lineNumber: r.lineNumber,
    text: r.text,
    kind: r.kind,
    ...(r.note === undefined ? {} : { note: r.note }),
  }));
  if (state.slabLine !== null) {
    const pageBytesAssumed = out.pageBytes === undefined;
    // Without a pasted page size, the smallest one the slab line itself allows (4096 at least).
    const pageBytes = out.pageBytes ?? inferSlabPageBytes(state.slabLine) ?? 4096;
    out.slab = {
      ...state.slabLine,
      // docs/kernel-facts.md §4: effective cost = PAGE_SIZE × pagesperslab / objperslab.
      effectiveBytesPerEntry: ceilDiv(pageBytes * state.slabLine.pagesPerSlab, state.slabLine.objectsPerSlab),
      pageBytes,
      pageBytesAssumed,
    };
  }
  const block = state.statBlock;
  if (block !== null && block.rows > 0) {
    const sum = (key: StatKey): number => block.sums.get(key) ?? 0;
    const optional = (key: StatKey): Partial<Record<StatKey, number>> =>
      block.sums.has(key) ? { [key]: sum(key) } : {};
    out.stats = {
      source: block.source,
      cpus: block.rows,
      ...(block.entries === undefined ? {} : { entries: block.entries }),
      drop: sum("drop"),
      earlyDrop: sum("earlyDrop"),
      insertFailed: sum("insertFailed"),
      ...optional("found"),
      ...optional("invalid"),
      ...optional("searchRestart"),
      ...optional("chainTooLong"),
      ...optional("clashResolve"),
    };
  }
  if (state.tableFullCount !== null) {
    out.tableFullMessages = state.tableFullCount;
    out.tableFullSource = "collector-count";
  } else if (state.tableFullLogLines > 0) {
    out.tableFullMessages = state.tableFullLogLines;
    out.tableFullSource = "log-lines";
  }
  if (state.tableFullNetnsCount !== null) out.tableFullNetnsMessages = state.tableFullNetnsCount;
  else if (state.tableFullNetnsLogLines > 0) out.tableFullNetnsMessages = state.tableFullNetnsLogLines;
  const perNamespace = state.netnsCounts ?? state.netnsLogLines;
  if (perNamespace.size > 0) {
    out.tableFullNamespaces = [...perNamespace]
      .map(([inum, messages]) => ({ inum, messages }))
      .sort((a, b) => b.messages - a.messages || a.inum - b.inum);
  }
  if (state.suppressed !== null) out.suppressedCallbacks = state.suppressed;
  // A source reported unreadable but found elsewhere in the paste (run again as root) is fine.
  const found: Record<UnavailableSource, boolean> = {
    sysctl:
      out.conntrackMax !== undefined ||
      out.conntrackBuckets !== undefined ||
      out.conntrackCount !== undefined,
    slabinfo: out.slab !== undefined,
    stats: out.stats !== undefined,
    "kernel-log": out.tableFullMessages !== undefined || out.tableFullNetnsMessages !== undefined,
  };
  out.unavailable = [...state.unavailable].filter((s) => !found[s]);
  return out;
}

/** At most DISPLAY_CHARS, without splitting a surrogate pair; control characters shown as U+FFFD. */
function displayText(line: string): string {
  let cut = line.trimEnd();
  if (cut.length > DISPLAY_CHARS) {
    const end = /[\uD800-\uDBFF]/.test(cut.charAt(DISPLAY_CHARS - 1)) ? DISPLAY_CHARS - 1 : DISPLAY_CHARS;
    cut = cut.slice(0, end);
  }
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  return cut.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\uFFFD");
}
