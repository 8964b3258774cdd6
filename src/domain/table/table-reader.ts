import type { Timeouts } from "../kernel/timeouts";
import { createPackedEntry, createTableNames, packEntry } from "./entry";
import { readEntryBytes, readEntryText } from "./read-entry-line";
import { readXmlFlow } from "./read-xml-flow";
import { createTableAggregator, mergeTableStats, type TableStats } from "./table-stats";

/**
 * Longest line read (bytes; characters for an XML flow). The longest real entry line is under 600
 * characters (an IPv6 /proc line with counters, secctx and labels); an XML flow with every element
 * is under 2,000. A longer line is not a table's: counted as not understood, its text not kept.
 */
const MAX_LINE_CHARS = 16384;

/**
 * Lines not understood, before the first entry, after which the input is judged not a table and
 * reading stops: enough for a paste's prompts, headers and other commands, far less work than a
 * large file that is something else.
 */
const NOT_A_TABLE_LINES = 1000;

/** Lines not understood kept for display (with their numbers); the rest are only counted. */
const SKIPPED_SAMPLES = 5;

/** Characters of a kept line shown. */
const SAMPLE_CHARS = 160;

export type StopReason = "binary" | "not-a-table";

export interface SkippedLine {
  readonly lineNumber: number;
  readonly text: string;
}

export interface TableReading {
  readonly stats: TableStats;
  readonly lines: number;
  /** Lines that are none of the formats (blank lines and XML's frame are not counted). */
  readonly skipped: number;
  readonly skippedSamples: readonly SkippedLine[];
  /** conntrack's stderr summary, if the listing carried it. */
  readonly summary: { readonly version: string; readonly count: number } | null;
  /** Why reading stopped early, or null. */
  readonly stopped: StopReason | null;
}

export interface TableReader {
  /**
   * Reads more of the listing, as UTF-8 bytes or as text (any split, even mid-line, mid-character);
   * false once reading has stopped.
   */
  push(chunk: Uint8Array | string): boolean;
  /**
   * Reads the last line, and returns the reading. `whole`: the top lists with every counter, for
   * mergeTableReadings.
   */
  finish(whole?: boolean): TableReading;
  /** Entries and lines so far, for progress. */
  progress(): { entries: number; lines: number; skipped: number };
}

/**
 * conntrack's summary in the middle of a line: `conntrack -L 2>&1` writes stderr unbuffered while
 * stdout waits in its buffer, so the summary lands inside an entry line (seen on this machine:
 * `udp 17 28 src=127.0.0.1 dst=127.conntrack v1.4.7 (conntrack-tools): 91 flow entries have been
 * shown.` followed by the rest of the entry on the next line).
 */
const SPLICED_SUMMARY =
  /conntrack v(\d+\.\d+\.\d+)\s+\(conntrack-tools\):\s+(\d+)\s+flow entr(?:y|ies) ha(?:s|ve) been shown\.?$/;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The frame of -o xml: the declaration and the `<conntrack>` element. */
const XML_FRAME = /^(?:<\?xml[^>]*\?>)?\s*(?:<\/?conntrack>)?\s*$/;

/**
 * A streaming reader of a table listing in any of the formats (read-entry-line.ts, read-xml-flow.ts),
 * in bounded memory: one partial line, one partial XML flow, and the aggregator's counters.
 *
 * @example const r = createTableReader(defaultTimeouts(v(6, 12))); r.push(text); r.finish().stats.entries
 */
export function createTableReader(timeouts: Timeouts): TableReader {
  const names = createTableNames();
  // The start of a line that the next chunk ends, and its length in bytes.
  let carry = new Uint8Array(1024);
  let carried = 0;
  const aggregator = createTableAggregator(timeouts, names);
  // Every line is read into this one record (PackedEntry: nothing allocated per entry).
  const packed = createPackedEntry();
  let overlong = false;
  let xml = "";
  let lines = 0;
  let skipped = 0;
  const skippedSamples: SkippedLine[] = [];
  let summary: TableReading["summary"] = null;
  let stopped: StopReason | null = null;
  let entries = 0;
  // A function, so the check after each line sees what skip() set (no narrowing across calls).
  const halted = () => stopped !== null;

  const skip = (text: string) => {
    skipped += 1;
    if (skippedSamples.length < SKIPPED_SAMPLES) {
      skippedSamples.push({ lineNumber: lines, text: text.slice(0, SAMPLE_CHARS) });
    }
    if (entries === 0 && skipped >= NOT_A_TABLE_LINES) stopped = "not-a-table";
  };

  const readXml = (line: string) => {
    xml += line;
    for (;;) {
      const start = xml.indexOf("<flow>");
      const end = xml.indexOf("</flow>", start);
      if (start < 0 || end < 0) break;
      const entry = readXmlFlow(xml.slice(start, end + 7));
      if (entry && packEntry(entry, names, packed)) {
        entries += 1;
        aggregator.add(packed);
      } else skip(xml.slice(start, end + 7));
      xml = xml.slice(end + 7);
    }
    if (!xml.includes("<flow>")) xml = "";
    else if (xml.length > MAX_LINE_CHARS) {
      skip(xml);
      xml = "";
    }
  };

  let spliced = "";
  /** A line as text: every format, and the lines readLine() does not read as bytes. */
  const readLineText = (whole: string) => {
    const line = spliced + whole;
    spliced = "";
    // Only a line ending as the summary does ("shown." or "shown") is searched for it.
    const last = line.charCodeAt(line.length - 1);
    const summaryInside = last === 46 || last === 110 ? SPLICED_SUMMARY.exec(line) : null;
    if (summaryInside && summaryInside.index > 0) {
      summary = { version: summaryInside[1] ?? "", count: Number(summaryInside[2]) };
      spliced = line.slice(0, summaryInside.index);
      return;
    }
    if (xml !== "" || line.includes("<flow>")) {
      readXml(line);
      return;
    }
    const reading = readEntryText(line, names, packed);
    if (reading.kind === "entry") {
      entries += 1;
      aggregator.add(packed);
    } else if (reading.kind === "summary") summary = { version: reading.version, count: reading.count };
    else if (reading.kind === "unknown" && !XML_FRAME.test(line.trim())) skip(line);
  };

  /**
   * The line in `bytes[from, to)` (without its newline). A line as the kernel or conntrack writes
   * it (a protocol's name first, single spaces, no summary at its end) is read as bytes, with no
   * string made; any other, or one not read so, as text.
   */
  const readLine = (bytes: Uint8Array, from: number, end: number) => {
    lines += 1;
    const to = end > from && bytes[end - 1] === 13 ? end - 1 : end;
    const first = bytes[from] ?? 0;
    const last = bytes[to - 1] ?? 0;
    if (
      spliced === "" &&
      xml === "" &&
      first >= 97 &&
      first <= 122 &&
      last > 32 &&
      last !== 46 &&
      last !== 110 &&
      readEntryBytes(bytes, from, to, names, packed).kind === "entry"
    ) {
      entries += 1;
      aggregator.add(packed);
      return;
    }
    readLineText(decoder.decode(bytes.subarray(from, to)));
  };

  /** Keeps `bytes[from, to)` for the line the next chunk ends; false when the line is overlong. */
  const keep = (bytes: Uint8Array, from: number, to: number): boolean => {
    const length = carried + to - from;
    if (length > MAX_LINE_CHARS) return false;
    if (length > carry.length) {
      const grown = new Uint8Array(Math.min(MAX_LINE_CHARS, 2 * length));
      grown.set(carry.subarray(0, carried));
      carry = grown;
    }
    carry.set(bytes.subarray(from, to), carried);
    carried = length;
    return true;
  };

  return {
    push(chunk) {
      if (stopped) return false;
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      if (bytes.indexOf(0) >= 0) {
        stopped = "binary";
        return false;
      }
      let from = 0;
      for (;;) {
        const newline = bytes.indexOf(10, from);
        if (newline < 0) break;
        if (overlong) {
          lines += 1;
          skip("");
          overlong = false;
        } else if (carried > 0) {
          if (keep(bytes, from, newline)) readLine(carry, 0, carried);
          else {
            lines += 1;
            skip("");
          }
          carried = 0;
        } else readLine(bytes, from, newline);
        from = newline + 1;
        if (halted()) return false;
      }
      if (!overlong && !keep(bytes, from, bytes.length)) {
        overlong = true;
        carried = 0;
      }
      return true;
    },
    finish(whole = false) {
      if (!stopped) {
        if (overlong) {
          lines += 1;
          skip("");
        } else if (carried > 0) readLine(carry, 0, carried);
        else if (spliced !== "") {
          lines += 1;
          readLineText("");
        }
        if (xml !== "") skip(xml);
      }
      carried = 0;
      xml = "";
      return { stats: aggregator.result(whole), lines, skipped, skippedSamples, summary, stopped };
    },
    progress: () => ({ entries, lines, skipped }),
  };
}

/**
 * The readings of a text's two parts, split after a newline and each read with `finish(true)`, as
 * one reading of the whole text; null when they might differ from one reading, so the text must be
 * read in one part: a part stopped (not-a-table, binary), skipped a line (an XML flow or a
 * conntrack summary spliced into a line can straddle the split, and the samples' line numbers
 * would need the first part's count), or had an exact map reach its limit (mergeTableStats).
 *
 * @example mergeTableReadings(first.finish(true), second.finish(true))?.stats.entries
 */
export function mergeTableReadings(first: TableReading, second: TableReading): TableReading | null {
  if (first.stopped || second.stopped || first.skipped > 0 || second.skipped > 0) return null;
  const stats = mergeTableStats(first.stats, second.stats);
  if (!stats) return null;
  return {
    stats,
    lines: first.lines + second.lines,
    skipped: 0,
    skippedSamples: [],
    // One reading keeps the last summary it meets.
    summary: second.summary ?? first.summary,
    stopped: null,
  };
}
