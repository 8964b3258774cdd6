import { ceilDiv } from "../core/integer";
import { validateField, type Arch, type FieldKey } from "../sizing/inputs";
import { computeKernelDefault } from "../kernel/kernel-defaults";
import { tryParseKernelVersion, type KernelVersion } from "../kernel/kernel-version";
import {
  defaultTimeouts,
  TIMEOUT_KEYS,
  timeoutUrlKey,
  validateTimeout,
  type TimeoutUrlKey,
} from "../kernel/timeouts";
import { bytes, KiB } from "../core/units";

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

/** At most this many characters (1 MiB of UTF-16 code units) are read. */
export const MAX_INPUT_CHARS = 1024 * 1024;
/** At most this many lines are read. */
export const MAX_LINES = 20_000;
/** Longer lines are ignored unread: no format the parser knows comes near this. */
export const MAX_LINE_CHARS = 4096;
/** Line text kept for display. */
export const DISPLAY_CHARS = 200;

export type RecognisedKind =
  | "meminfo"
  | "free-header"
  | "free-mem"
  | "uname"
  | "page-size"
  | "sysctl-max"
  | "sysctl-buckets"
  | "sysctl-count"
  | "sysctl-timeout"
  | "sysctl-other"
  | "hashsize"
  | "bare-value"
  | "slabinfo"
  | "stat-header"
  | "stat-row"
  | "conntrack-stats"
  | "table-full"
  | "table-full-count"
  | "ratelimit-suppressed"
  | "boot-line"
  | "unavailable";

export type LineKind = RecognisedKind | "ignored";

/**
 * Why a line was treated as it was, when its kind alone does not say:
 * - duplicate / conflict / superseded: see the module comment (first value wins);
 * - command: a command line (prompt or a known command); its output is read on the lines after it;
 * - comment: starts with "#" and is not a command;
 * - too-long: longer than MAX_LINE_CHARS, not read;
 * - free-unit-unknown: a `free` row whose unit cannot be told (see readFreeMem);
 * - free-unit-unsupported: a `free -m`, `-g`, `-h` or `--si` row, too coarse for the calculator;
 * - no-header: a /proc/net/stat row pasted without its header line;
 * - unknown-machine: a `uname` line whose machine is not in the architecture table.
 */
export type LineNote =
  | "duplicate"
  | "conflict"
  | "superseded"
  | "command"
  | "comment"
  | "too-long"
  | "free-unit-unknown"
  | "free-unit-unsupported"
  | "no-header"
  | "unknown-machine";

export interface DiagnosticLine {
  /** 1-based, counting every line including blank ones. */
  readonly lineNumber: number;
  /** The line for display: at most DISPLAY_CHARS, control characters replaced by U+FFFD. */
  readonly text: string;
  readonly kind: LineKind;
  readonly note?: LineNote;
}

/** What the collector or an error message says could not be read. */
export type UnavailableSource = "sysctl" | "slabinfo" | "stats" | "kernel-log";

export interface SlabCost {
  /** The slab cache's name: nf_conntrack, or nf_conntrack_<id> on kernels <= 4.6. */
  readonly cache: string;
  /** <objsize>: the slot one entry takes in the slab. */
  readonly objectSize: number;
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
  /** ceil(pageBytes × pagesPerSlab / objectsPerSlab): the slot plus its share of slab waste. */
  readonly effectiveBytesPerEntry: number;
  /** The page size the effective cost was computed with. */
  readonly pageBytes: number;
  /** True when no page size was pasted and 4096 was assumed. */
  readonly pageBytesAssumed: boolean;
}

/** Per-CPU counters summed over CPUs (kernel-facts.md section 8). */
export interface ConntrackStats {
  /** `/proc/net/stat/nf_conntrack` (hex table) or `conntrack -S` (key=value rows). */
  readonly source: "proc" | "conntrack-S";
  readonly cpus: number;
  /** The table's entry count, printed on every /proc row (taken once, not summed). */
  readonly entries?: number;
  readonly drop: number;
  readonly earlyDrop: number;
  readonly insertFailed: number;
  readonly found?: number;
  readonly searchRestart?: number;
  readonly chainTooLong?: number;
  readonly clashResolve?: number;
}

export interface BootLine {
  readonly module: "nf_conntrack" | "ip_conntrack";
  readonly buckets: number;
  readonly max: number;
  /** ip_conntrack's "- N bytes per conntrack": sizeof(struct ip_conntrack). */
  readonly bytesPerEntry?: number;
}

export interface Diagnostics {
  readonly lines: readonly DiagnosticLine[];
  /** The input was longer than MAX_INPUT_CHARS or MAX_LINES; the rest was not read. */
  readonly truncated: boolean;
  readonly memTotalBytes?: number;
  readonly memTotalSource?: "meminfo" | "free";
  /** `uname -m` as printed. */
  readonly machine?: string;
  readonly arch?: Arch;
  /** `uname -r` as printed. */
  readonly kernelRelease?: string;
  readonly pageBytes?: number;
  readonly conntrackMax?: number;
  readonly conntrackBuckets?: number;
  readonly conntrackCount?: number;
  /** Timeout sysctls by name without the net.netfilter. prefix, in seconds. */
  readonly timeouts: Readonly<Record<string, number>>;
  readonly slab?: SlabCost;
  readonly stats?: ConntrackStats;
  readonly tableFullMessages?: number;
  readonly tableFullSource?: "collector-count" | "log-lines";
  /** Sum of `net_ratelimit: N callbacks suppressed` (any rate-limited network message). */
  readonly suppressedCallbacks?: number;
  readonly bootLine?: BootLine;
  /** Sources reported unreadable and not found elsewhere in the paste. */
  readonly unavailable: readonly UnavailableSource[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface LineRecord {
  lineNumber: number;
  text: string;
  kind: LineKind;
  note?: LineNote;
}

/** What the last command line makes of a bare number or a `free` row after it. */
type Expectation =
  | { readonly field: "page" | "max" | "buckets" | "count" }
  | { readonly field: "timeout"; readonly key: string };

type FreeUnit = "bytes" | "kib" | "unsupported";

interface StatBlock {
  readonly source: ConntrackStats["source"];
  rows: number;
  readonly cpuIds: Set<number>;
  readonly sums: Map<string, number>;
  entries?: number;
}

interface ParseState {
  readonly out: Mutable<Diagnostics> & { timeouts: Record<string, number> };
  readonly timeouts: Record<string, number>;
  /** Set by a command line, for the next line. */
  expectation: Expectation | null;
  /** What the line being read is expected to be. */
  expected: Expectation | null;
  freeUnit: FreeUnit | null;
  freeLine: LineRecord | null;
  statHeader: readonly string[] | null;
  statBlock: StatBlock | null;
  statSealed: boolean;
  slabLine: { cache: string; objectSize: number; objectsPerSlab: number; pagesPerSlab: number } | null;
  tableFullCount: number | null;
  tableFullLogLines: number;
  suppressed: number | null;
  readonly unavailable: Set<UnavailableSource>;
}

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

/**
 * Commands whose lines are input, not output. An output line never starts with one of these
 * followed by a space (error messages start with "grep:", "dmesg:", ...).
 */
const COMMANDS = new Set(
  "awk bash busybox cat cd conntrack dmesg docker doas echo egrep find for free getconf grep head ip iptables journalctl kubectl less ls lsmod modinfo modprobe more nft nsenter printf sed sh slabtop ssh su sudo sysctl tail uname watch wc zcat zgrep".split(
    " ",
  ),
);

/**
 * A shell prompt: `$ `, `# `, `% `, optionally after `user@host:dir` or `[user@host dir]`.
 * The character classes exclude the prompt characters, so matching is linear.
 */
const PROMPT = /^(?:\[[^\]]{1,200}\]|[\w.@:~/-]{1,200})? ?([$#%]) /;

/**
 * Null when the line is neither a command nor a comment. A `#` line is a root prompt when a known
 * command follows, else a comment (slabinfo's `# name ...` header, sysctl.conf comments).
 */
function readCommandLine(line: string): { isCommand: boolean; text: string } | null {
  const prompt = PROMPT.exec(line);
  if (prompt) {
    const rest = line.slice(prompt[0].length);
    if (prompt[1] === "#" && !startsWithCommand(rest)) return { isCommand: false, text: rest };
    return { isCommand: true, text: rest };
  }
  if (line.startsWith("#")) return { isCommand: false, text: line };
  return startsWithCommand(line) ? { isCommand: true, text: line } : null;
}

function startsWithCommand(text: string): boolean {
  const space = text.indexOf(" ");
  const word = space < 0 ? text : text.slice(0, space);
  if (!COMMANDS.has(word)) return false;
  // `conntrack v1.4.8 (conntrack-tools): 1530 flow entries have been shown.` is output.
  return !(word === "conntrack" && /^conntrack\s+v\d/.test(text));
}

/**
 * The single value a command prints, if it asks for exactly one known value: `getconf PAGESIZE`
 * or the collector's busybox fallback that reads KernelPageSize from /proc/self/smaps,
 * `conntrack -C` (conntrack-tools: the entry count), or one conntrack key (`sysctl -n <key>`,
 * `cat /proc/sys/net/netfilter/<key>`, `cat /sys/module/nf_conntrack/parameters/hashsize`).
 */
function expectationOf(command: string): Expectation | null {
  const names = new Set<string>();
  if (/\bgetconf PAGE_?SIZE\b|\bKernelPageSize\b.*\/smaps\b/.test(command)) names.add("page");
  if (/\bconntrack (?:-C|--count)\b/.test(command)) names.add("count-option");
  for (const match of command.matchAll(/(?:nf|ip)_conntrack_[a-z0-9_]{1,64}|parameters\/hashsize/g)) {
    names.add(match[0]);
    if (names.size > 1) return null;
  }
  const [name] = names;
  if (name === undefined || names.size > 1) return null;
  if (name === "page") return { field: "page" };
  if (name === "count-option") return { field: "count" };
  if (name === "parameters/hashsize") return { field: "buckets" };
  const field = sysctlField(name);
  if (field === "timeout") return { field, key: name };
  return field === "other" ? null : { field };
}

/**
 * procps-ng free(1): -b/--bytes, -k/--kibi (the default), -m/--mebi, -g/--gibi, -h/--human,
 * --kilo/--mega/--si (powers of 1000); busybox free: -b, -k (default), -m, -g.
 */
function freeUnitOf(command: string): FreeUnit | null {
  const words = command.split(" ");
  const at = words.findIndex(
    (w, i) => w === "free" && (i === 0 || /^(?:sudo|doas|busybox|[;|&(]{1,2})$/.test(words[i - 1] ?? "")),
  );
  if (at < 0) return null;
  let unit: FreeUnit = "kib";
  for (const option of words.slice(at + 1)) {
    if (!option.startsWith("-")) break;
    if (option === "--bytes") unit = "bytes";
    else if (option === "--kibi") unit = "kib";
    else if (/^--(?:mebi|gibi|tebi|pebi|kilo|mega|giga|tera|peta|si|human)$/.test(option))
      unit = "unsupported";
    else if (/^-[a-z]{1,8}$/.test(option)) {
      // Bundled short options (-bt, -hw): the last unit letter wins, as in free's own parsing.
      for (const letter of option.slice(1)) {
        if (letter === "b") unit = "bytes";
        else if (letter === "k") unit = "kib";
        else if ("mgh".includes(letter)) unit = "unsupported";
      }
    }
  }
  return unit;
}

/**
 * kernel-facts.md section 8: `nf_conntrack: nf_conntrack: table full, dropping packet` (pr_fmt
 * prefix, current), `nf_conntrack: table full, dropping packet` (3.x), with a trailing dot (2.6.x),
 * and `ip_conntrack: table full, dropping packet.`. The module prefix is required so that a pasted
 * `grep 'table full, dropping packet'` is not counted.
 */
const TABLE_FULL = "_conntrack: table full, dropping packet";

/**
 * kernel-facts.md section 8: the table-full warning is net_warn_ratelimited(), and what the rate
 * limit holds back is reported as `net_ratelimit: N callbacks suppressed` (printed by
 * ___ratelimit() in lib/ratelimit.c with the caller's name).
 */
const SUPPRESSED = /^net_ratelimit: (\d{1,10}) callbacks suppressed/;

/**
 * kernel-facts.md section 8 and kernel-defaults.ts renderBootLine(): nf_conntrack printed
 * "nf_conntrack version 0.5.0 (%u buckets, %d max)" until about 4.19; ip_conntrack printed
 * "ip_conntrack version 2.4 (%u buckets, %d max) - %Zd bytes per conntrack".
 */
const BOOT_LINE =
  /^(nf_conntrack|ip_conntrack) version [0-9.]{1,12} \((\d{1,10}) buckets, (\d{1,10}) max\)(?: - (\d{1,6}) bytes per conntrack)?/;

function readKernelLog(state: ParseState, line: string, record: LineRecord): boolean {
  if (line.includes(TABLE_FULL)) {
    state.tableFullLogLines += 1;
    record.kind = "table-full";
    return true;
  }
  const ratelimit = line.indexOf("net_ratelimit: ");
  if (ratelimit >= 0) {
    const match = SUPPRESSED.exec(line.slice(ratelimit));
    if (match) {
      state.suppressed = (state.suppressed ?? 0) + Number(match[1]);
      record.kind = "ratelimit-suppressed";
      return true;
    }
  }
  const version = line.indexOf("_conntrack version ");
  if (version >= 2) {
    const match = BOOT_LINE.exec(line.slice(version - 2));
    if (match) {
      const bytesPerEntry = match[4] === undefined ? undefined : Number(match[4]);
      const boot: BootLine = {
        module: match[1] === "ip_conntrack" ? "ip_conntrack" : "nf_conntrack",
        buckets: Number(match[2]),
        max: Number(match[3]),
        ...(bytesPerEntry === undefined ? {} : { bytesPerEntry }),
      };
      record.kind = "boot-line";
      const previous = state.out.bootLine;
      if (previous === undefined) state.out.bootLine = boot;
      else record.note = sameBoot(previous, boot) ? "duplicate" : "conflict";
      return true;
    }
  }
  return false;
}

const sameBoot = (a: BootLine, b: BootLine): boolean =>
  a.module === b.module && a.buckets === b.buckets && a.max === b.max && a.bytesPerEntry === b.bytesPerEntry;

type Reader = (state: ParseState, line: string, tokens: readonly string[], record: LineRecord) => boolean;

/** /proc/meminfo (proc(5)): `MemTotal:       24683620 kB`, always in kB = KiB; or `grep -H` of it. */
const MEMTOTAL = /^(?:\/proc\/meminfo:)?MemTotal: ?(\d{1,12}) kB$/;

const readMemTotal: Reader = (state, line, _tokens, record) => {
  const match = MEMTOTAL.exec(line);
  if (!match) return false;
  const memBytes = Number(match[1]) * KiB;
  record.kind = "meminfo";
  if (state.out.memTotalSource === "meminfo") {
    record.note = state.out.memTotalBytes === memBytes ? "duplicate" : "conflict";
    return true;
  }
  if (state.freeLine) state.freeLine.note = "superseded";
  state.out.memTotalBytes = memBytes;
  state.out.memTotalSource = "meminfo";
  return true;
};

/**
 * sysctl(8) output (`net.netfilter.nf_conntrack_max = 262144`, also without spaces as in
 * sysctl.conf), `grep -H . /proc/sys/...` output (`/proc/sys/net/netfilter/nf_conntrack_max:262144`,
 * what the collector prints), and the legacy names: `net.nf_conntrack_max` and
 * `net.ipv4.netfilter.ip_conntrack_max` (kernel-facts.md section 3).
 */
const SYSCTL =
  /^(?:\/proc\/sys\/)?(?:net[./](?:ipv4[./])?(?:netfilter[./])?)?((?:nf|ip)_conntrack_[a-z0-9_]{1,64}|nf_flowtable_[a-z0-9_]{1,64}) ?[=:] ?(\d{1,12})$/;

/** The module parameter (kernel-facts.md section 9): `grep -H . /sys/module/nf_conntrack/parameters/hashsize`. */
const HASHSIZE = /^\/sys\/module\/(?:nf|ip)_conntrack\/parameters\/hashsize ?[=:] ?(\d{1,12})$/;

type SysctlField = "max" | "buckets" | "count" | "timeout" | "other";

function sysctlField(key: string): SysctlField {
  const name = key.replace(/^(?:nf|ip)_conntrack_/, "");
  if (name === "max" || name === "buckets" || name === "count") return name;
  // Timeouts (kernel-facts.md section 5) all carry "timeout" in their name; the one count among
  // them, nf_conntrack_tcp_max_retrans, does not.
  return key.includes("timeout") ? "timeout" : "other";
}

const readSysctl: Reader = (state, line, _tokens, record) => {
  const hashsize = HASHSIZE.exec(line);
  if (hashsize) {
    record.kind = "hashsize";
    setField(state, record, "conntrackBuckets", Number(hashsize[1]));
    return true;
  }
  const match = SYSCTL.exec(line);
  if (!match) return false;
  const key = match[1] ?? "";
  const value = Number(match[2]);
  const field = sysctlField(key);
  record.kind = `sysctl-${field}`;
  if (field === "timeout") setTimeoutValue(state, record, key, value);
  else if (field !== "other") setField(state, record, FIELD_OF[field], value);
  return true;
};

const FIELD_OF = { max: "conntrackMax", buckets: "conntrackBuckets", count: "conntrackCount" } as const;

type NumberField = "conntrackMax" | "conntrackBuckets" | "conntrackCount" | "pageBytes";

function setField(state: ParseState, record: LineRecord, field: NumberField, value: number): void {
  const previous = state.out[field];
  if (previous === undefined) state.out[field] = value;
  else record.note = previous === value ? "duplicate" : "conflict";
}

function setTimeoutValue(state: ParseState, record: LineRecord, key: string, value: number): void {
  const previous = Object.prototype.hasOwnProperty.call(state.timeouts, key)
    ? state.timeouts[key]
    : undefined;
  if (previous === undefined) state.timeouts[key] = value;
  else record.note = previous === value ? "duplicate" : "conflict";
}

/**
 * /proc/slabinfo version 2.1 (kernel-facts.md section 4): `name active_objs num_objs objsize
 * objperslab pagesperslab : tunables ... : slabdata ...`. The cache is `nf_conntrack`, or
 * `nf_conntrack_<ptr>` / `nf_conntrack_<n>` per netns on kernels <= 4.6; never
 * `nf_conntrack_expect` (whose "x" ends the hex run).
 */
const SLABINFO =
  /^(nf_conntrack(?:_[0-9a-f]{1,16})?) \d{1,12} \d{1,12} (\d{1,7}) (\d{1,7}) (\d{1,7}) : ?tunables\b/;

const readSlabinfo: Reader = (state, line, _tokens, record) => {
  const match = SLABINFO.exec(line);
  if (!match) return false;
  const slab = {
    cache: match[1] ?? "nf_conntrack",
    objectSize: Number(match[2]),
    objectsPerSlab: Number(match[3]),
    pagesPerSlab: Number(match[4]),
  };
  if (slab.objectSize === 0 || slab.objectsPerSlab === 0 || slab.pagesPerSlab === 0) return false;
  record.kind = "slabinfo";
  const previous = state.slabLine;
  if (previous === null) state.slabLine = slab;
  else {
    // Per-netns caches (nf_conntrack_1, _2, ...) repeat the same geometry: the first one is kept.
    const same =
      previous.objectSize === slab.objectSize &&
      previous.objectsPerSlab === slab.objectsPerSlab &&
      previous.pagesPerSlab === slab.pagesPerSlab;
    record.note = same ? "duplicate" : "conflict";
  }
  return true;
};

/**
 * /proc/net/stat/nf_conntrack header (kernel-facts.md section 8): `entries` then column names; the
 * names changed across kernels (searched -> clashres, delete_list -> chainlength, search_restart
 * added), so columns are mapped by name, never by position.
 */
const readStatHeader: Reader = (state, _line, tokens, record) => {
  if (tokens[0] !== "entries" || tokens.length < 2 || tokens.length > 64) return false;
  if (!tokens.every((t) => /^[a-z_]{1,32}$/.test(t))) return false;
  // Every known layout has these; a header without them is something else.
  if (!["insert_failed", "drop", "early_drop"].every((c) => tokens.includes(c))) return false;
  record.kind = "stat-header";
  if (state.statSealed || (state.statBlock !== null && state.statBlock.rows > 0)) {
    state.statSealed = true;
    record.note = "duplicate";
  }
  state.statHeader = tokens;
  return true;
};

/** Column names of the /proc table, and conntrack -S keys, mapped to ConntrackStats fields. */
const STAT_COLUMNS: Readonly<Record<string, StatKey>> = {
  drop: "drop",
  early_drop: "earlyDrop",
  insert_failed: "insertFailed",
  found: "found",
  search_restart: "searchRestart",
  // 6.x /proc header names (measured on 6.18) for conntrack -S's clash_resolve and chaintoolong
  // (ct_cpu_seq_show() prints st->clash_resolve and st->chaintoolong in those columns).
  clashres: "clashResolve",
  chainlength: "chainTooLong",
  clash_resolve: "clashResolve",
  chaintoolong: "chainTooLong",
};

type StatKey =
  "drop" | "earlyDrop" | "insertFailed" | "found" | "searchRestart" | "chainTooLong" | "clashResolve";

/** One hex row per CPU, printed with "%08x" (kernel-facts.md section 8). */
const readStatRow: Reader = (state, _line, tokens, record) => {
  if (tokens.length < 4 || !tokens.every((t) => /^[0-9a-f]{8}$/.test(t))) return false;
  const header = state.statHeader;
  if (header === null) {
    record.note = "no-header";
    return true;
  }
  if (tokens.length !== header.length) return false;
  record.kind = "stat-row";
  const block = statBlockFor(state, "proc", null, record);
  if (block === null) return true;
  block.rows += 1;
  header.forEach((column, i) => {
    const value = parseInt(tokens[i] ?? "0", 16);
    // The entry count is global (per netns), repeated on every CPU's row: read it once.
    if (column === "entries") block.entries ??= value;
    else addStat(block, STAT_COLUMNS[column], value);
  });
  return true;
};

/**
 * conntrack-tools `conntrack -S` (kernel-facts.md section 8): `cpu=0 found=0 invalid=130 ...
 * drop=0 early_drop=0 ...`, key=value pairs in any order, one row per CPU.
 */
const readConntrackStats: Reader = (state, _line, tokens, record) => {
  const cpu = /^cpu=(\d{1,5})$/.exec(tokens[0] ?? "");
  if (!cpu || tokens.length < 2 || tokens.length > 64) return false;
  const pairs: [string, number][] = [];
  for (const token of tokens.slice(1)) {
    const pair = /^([a-z_]{1,32})=(\d{1,10})$/.exec(token);
    if (!pair) return false;
    pairs.push([pair[1] ?? "", Number(pair[2])]);
  }
  const keys = pairs.map(([key]) => key);
  if (!["insert_failed", "drop", "early_drop"].every((k) => keys.includes(k))) return false;
  record.kind = "conntrack-stats";
  const block = statBlockFor(state, "conntrack-S", Number(cpu[1]), record);
  if (block === null) return true;
  block.rows += 1;
  for (const [key, value] of pairs) addStat(block, STAT_COLUMNS[key], value);
  return true;
};

function addStat(block: StatBlock, key: StatKey | undefined, value: number): void {
  if (key !== undefined) block.sums.set(key, (block.sums.get(key) ?? 0) + value);
}

/**
 * The block a stats row adds to, or null when the first block is complete (a second paste of the
 * statistics, in either format): the row is then a duplicate and not summed.
 */
function statBlockFor(
  state: ParseState,
  source: ConntrackStats["source"],
  cpu: number | null,
  record: LineRecord,
): StatBlock | null {
  const block = state.statBlock;
  if (block !== null && (block.source !== source || (cpu !== null && block.cpuIds.has(cpu)))) {
    state.statSealed = true;
  }
  if (state.statSealed) {
    record.note = "duplicate";
    return null;
  }
  if (block !== null) {
    if (cpu !== null) block.cpuIds.add(cpu);
    return block;
  }
  const created: StatBlock = { source, rows: 0, cpuIds: new Set(cpu === null ? [] : [cpu]), sums: new Map() };
  state.statBlock = created;
  return created;
}

/**
 * procps-ng and busybox free(1): a header (`total used free shared buff/cache available`, older
 * `total used free shared buffers cached`) and a `Mem:` row whose first number is MemTotal.
 */
const readFree: Reader = (state, _line, tokens, record) => {
  if (tokens[0] === "total" && tokens[1] === "used" && tokens[2] === "free") {
    record.kind = "free-header";
    return true;
  }
  if (tokens[0] !== "Mem:" || tokens.length < 2 || tokens.length > 12) return false;
  if (!tokens.slice(1).every((t) => /^\d{1,16}$/.test(t))) return false;
  record.kind = "free-mem";
  const memBytes = freeMemBytes(Number(tokens[1]), state.freeUnit, record);
  if (memBytes === null) return true;
  if (state.out.memTotalBytes !== undefined) {
    record.note =
      state.out.memTotalSource === "meminfo"
        ? "superseded"
        : state.out.memTotalBytes === memBytes
          ? "duplicate"
          : "conflict";
    return true;
  }
  state.out.memTotalBytes = memBytes;
  state.out.memTotalSource = "free";
  state.freeLine = record;
  return true;
};

/** Readings of a `free` number taken as plausible MemTotal: 16 MiB to 64 TiB. */
const PLAUSIBLE_RAM = { min: 16 * 1024 * KiB, max: 64 * 1024 ** 3 * KiB } as const;

/**
 * The unit of a `free` row comes from the `free` command line pasted before it (-b bytes; -k or
 * no option KiB). Without one, the row is read only if exactly one reading, bytes or KiB, is a
 * plausible MemTotal (16 MiB to 64 TiB): values below 16 Mi are KiB (a host under 16 GiB), values
 * above 64 Gi are bytes (a host over 64 GiB); anything between is ambiguous and not used.
 */
function freeMemBytes(total: number, unit: FreeUnit | null, record: LineRecord): number | null {
  const plausible = (b: number): boolean => b >= PLAUSIBLE_RAM.min && b <= PLAUSIBLE_RAM.max;
  let memBytes: number | null;
  if (unit === "unsupported") {
    record.note = "free-unit-unsupported";
    return null;
  }
  if (unit === "bytes") memBytes = total;
  else if (unit === "kib") memBytes = total * KiB;
  else {
    const asBytes = plausible(total);
    const asKib = plausible(total * KiB);
    memBytes = asBytes === asKib ? null : asBytes ? total : total * KiB;
  }
  if (memBytes === null || !Number.isSafeInteger(memBytes)) {
    record.note = "free-unit-unknown";
    return null;
  }
  return memBytes;
}

/**
 * Pointer width by `uname -m`. 64-bit: x86_64, aarch64, ppc64(le), s390x, riscv64, mips64,
 * loongarch64, sparc64; armv8l is a 32-bit task on an arm64 kernel (COMPAT_UTS_MACHINE in
 * arch/arm64/include/asm/compat.h), so the kernel is 64-bit. 32-bit: the x86 i*86 and the ARM
 * armv4..armv7 names (a 32-bit ARM kernel names even ARMv8 cores "armv7"), mips, ppc, s390.
 */
const MACHINE_ARCH: Readonly<Record<string, Arch>> = {
  x86_64: 64,
  amd64: 64,
  aarch64: 64,
  aarch64_be: 64,
  armv8l: 64,
  ppc64: 64,
  ppc64le: 64,
  s390x: 64,
  riscv64: 64,
  mips64: 64,
  mips64el: 64,
  loongarch64: 64,
  sparc64: 64,
  i386: 32,
  i486: 32,
  i586: 32,
  i686: 32,
  armv4l: 32,
  armv4tl: 32,
  armv5l: 32,
  armv5tl: 32,
  armv5tel: 32,
  armv5tejl: 32,
  armv6l: 32,
  armv7l: 32,
  armv7b: 32,
  mips: 32,
  mipsel: 32,
  ppc: 32,
  s390: 32,
  riscv32: 32,
};

/** `uname -r`: VERSION.PATCHLEVEL.SUBLEVEL then EXTRAVERSION/LOCALVERSION (the kernel Makefile). */
const RELEASE = /^\d{1,2}\.\d{1,3}\.\d{1,5}(?:[-+~_.][\w.+~-]{0,120})?$/;
/** An IPv4 address is not a release, though 8.8.8.8 would read as one. */
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const MACHINE = /^[a-z][a-z0-9_]{1,19}$/;

/**
 * uname(1): `uname -r` (release), `uname -m` (machine), `uname -rm` (both), `uname -srm`
 * (`Linux 6.8.0 x86_64`) and `uname -a` (`Linux host release #version ... machine [processor
 * platform] GNU/Linux`; busybox prints the same fields).
 */
const readUname: Reader = (state, _line, tokens, record) => {
  let release: string | null = null;
  let machine: string | null = null;
  const [t0 = "", t1 = "", t2 = ""] = tokens;
  if (tokens.length === 1 && RELEASE.test(t0)) release = t0;
  else if (tokens.length === 1 && MACHINE_ARCH[t0] !== undefined) machine = t0;
  else if (tokens.length === 2 && RELEASE.test(t0) && MACHINE.test(t1)) [release, machine] = [t0, t1];
  else if (tokens.length === 3 && t0 === "Linux" && RELEASE.test(t1) && MACHINE.test(t2)) {
    [release, machine] = [t1, t2];
  } else if (t0 === "Linux" && tokens.length >= 5 && RELEASE.test(t2) && tokens[3]?.startsWith("#")) {
    release = t2;
    machine = tokens.slice(4).find((t) => MACHINE_ARCH[t] !== undefined) ?? null;
    if (machine === null) record.note = "unknown-machine";
  } else return false;
  if (release !== null && (IPV4.test(release) || !tryParseKernelVersion(release).ok)) return false;
  record.kind = "uname";
  if (release !== null) {
    if (state.out.kernelRelease === undefined) state.out.kernelRelease = release;
    else record.note = state.out.kernelRelease === release ? "duplicate" : "conflict";
  }
  if (machine !== null) {
    const arch = MACHINE_ARCH[machine];
    if (arch === undefined) record.note = "unknown-machine";
    if (state.out.machine === undefined) {
      state.out.machine = machine;
      if (arch !== undefined) state.out.arch = arch;
    } else if (record.note === undefined) {
      record.note = state.out.machine === machine ? "duplicate" : "conflict";
    }
  }
  return true;
};

/** Page sizes Linux builds with: 4 KiB to 256 KiB, powers of two (getconf PAGESIZE). */
const isPageSize = (n: number): boolean => n >= 4096 && n <= 262144 && (n & (n - 1)) === 0;

/**
 * The collector's `PAGESIZE: 4096` line, and `getconf -a` output (`PAGESIZE   4096`,
 * `PAGE_SIZE   4096`).
 */
const PAGE_LABEL = /^(?:PAGE_?SIZE|page ?size) ?[:=]? ?(\d{1,7})$/i;

const readPageSizeLabel: Reader = (state, line, _tokens, record) => {
  const match = PAGE_LABEL.exec(line);
  if (!match) return false;
  const value = Number(match[1]);
  if (!isPageSize(value)) return false;
  record.kind = "page-size";
  setField(state, record, "pageBytes", value);
  return true;
};

/** The collector's own count line (collector.ts): `table_full_messages: 3`. */
const TABLE_FULL_COUNT = /^table_full_messages: ?(\d{1,10})$/;

const readCollectorLabel: Reader = (state, line, _tokens, record) => {
  const match = TABLE_FULL_COUNT.exec(line);
  if (!match) return false;
  record.kind = "table-full-count";
  const value = Number(match[1]);
  if (state.tableFullCount === null) state.tableFullCount = value;
  else record.note = state.tableFullCount === value ? "duplicate" : "conflict";
  return true;
};

/**
 * The collector's "needs root" / "not found" / "not available" lines, and the error messages of
 * grep, cat, sysctl, dmesg and conntrack when a source cannot be read.
 */
const UNAVAILABLE_PHRASES = [
  "needs root",
  "not found",
  "not available",
  "permission denied",
  "no such file or directory",
  "operation not permitted",
  "cannot stat",
  "read kernel buffer failed",
];

const readUnavailable: Reader = (state, line, _tokens, record) => {
  const lower = line.toLowerCase();
  if (!UNAVAILABLE_PHRASES.some((phrase) => lower.includes(phrase))) return false;
  const source = unavailableSource(lower);
  if (source === null) return false;
  record.kind = "unavailable";
  state.unavailable.add(source);
  return true;
};

/**
 * Which source an error line is about: the collector's labels, or a tool's own prefix
 * ("grep: /proc/slabinfo: ...", "dmesg: read kernel buffer failed: ...", "conntrack v1.4.8
 * (conntrack-tools): Operation failed: ...", "sh: 1: conntrack: not found"). sysctl errors count
 * only when about conntrack: `sysctl -a` as a user reports unrelated keys it may not read.
 */
function unavailableSource(lower: string): UnavailableSource | null {
  const tool = (name: string): boolean => lower.startsWith(name) || lower.includes(` ${name}: `);
  if (lower.includes("slabinfo")) return "slabinfo";
  if (lower.includes("/proc/net/stat/") || tool("conntrack")) return "stats";
  if (tool("dmesg") || lower.startsWith("table_full_messages") || lower.includes("kernel buffer")) {
    return "kernel-log";
  }
  if (lower.includes("_conntrack") || lower.includes("netfilter") || lower.includes(" sysctl: "))
    return "sysctl";
  return null;
}

/**
 * A bare number: the value of the command line before it (`getconf PAGESIZE`, `conntrack -C`,
 * `sysctl -n <key>`, `cat /proc/sys/.../<key>`), else a page size if it is 4096, 16384 or 65536
 * (what `getconf PAGESIZE` prints on x86, arm64 and ppc64le); any other bare number is ignored.
 */
const readBareNumber: Reader = (state, line, _tokens, record) => {
  if (!/^\d{1,12}$/.test(line)) return false;
  const value = Number(line);
  const expected = state.expected;
  if (expected !== null) {
    record.kind = "bare-value";
    if (expected.field === "timeout") setTimeoutValue(state, record, expected.key, value);
    else if (expected.field === "page") {
      if (!isPageSize(value)) {
        record.kind = "ignored";
        return true;
      }
      setField(state, record, "pageBytes", value);
    } else setField(state, record, FIELD_OF[expected.field], value);
    return true;
  }
  if (value !== 4096 && value !== 16384 && value !== 65536) return false;
  record.kind = "page-size";
  setField(state, record, "pageBytes", value);
  return true;
};

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
  readCollectorLabel,
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
    const pageBytes = out.pageBytes ?? 4096;
    out.slab = {
      ...state.slabLine,
      // kernel-facts.md section 4: effective cost = PAGE_SIZE × pagesperslab / objperslab.
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
  if (state.suppressed !== null) out.suppressedCallbacks = state.suppressed;
  // A source reported unreadable but found elsewhere in the paste (run again as root) is fine.
  const found: Record<UnavailableSource, boolean> = {
    sysctl:
      out.conntrackMax !== undefined ||
      out.conntrackBuckets !== undefined ||
      out.conntrackCount !== undefined,
    slabinfo: out.slab !== undefined,
    stats: out.stats !== undefined,
    "kernel-log": out.tableFullMessages !== undefined,
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

export type SuggestedField = Extract<FieldKey, "ram" | "arch" | "kernel" | "page" | "struct">;

/**
 * Calculator field texts from a parsed dump, in the calculator's own grammar; each one passes
 * validateField (a value that would not is left out). ram: MemTotal in KiB; arch: from
 * `uname -m`; kernel: the `uname -r` release; page: 4, 16 or 64 (KiB); struct: the slab's
 * effective bytes per entry, else ip_conntrack's boot line "bytes per conntrack".
 *
 * @example
 * suggestedFields(parseDiagnostics("MemTotal: 24683620 kB\n5.10.176 armv7l\n"))
 * // { ram: "24683620 KiB", arch: "32", kernel: "5.10.176" }
 */
export function suggestedFields(d: Diagnostics): Partial<Record<SuggestedField, string>> {
  const candidates: Partial<Record<SuggestedField, string>> = {};
  if (d.memTotalBytes !== undefined) {
    candidates.ram = d.memTotalBytes % KiB === 0 ? `${d.memTotalBytes / KiB} KiB` : `${d.memTotalBytes} B`;
  }
  if (d.arch !== undefined) candidates.arch = String(d.arch);
  if (d.kernelRelease !== undefined) {
    // The field takes the release as uname -r prints it; if a suffix is beyond its grammar,
    // the version number alone still is.
    candidates.kernel = tryParseKernelVersion(d.kernelRelease).ok
      ? d.kernelRelease
      : (/^\d{1,2}\.\d{1,3}(?:\.\d{1,5})?/.exec(d.kernelRelease)?.[0] ?? d.kernelRelease);
  }
  if (d.pageBytes !== undefined && d.pageBytes % KiB === 0) candidates.page = String(d.pageBytes / KiB);
  const perEntry = d.slab?.effectiveBytesPerEntry ?? d.bootLine?.bytesPerEntry;
  if (perEntry !== undefined) candidates.struct = String(perEntry);
  const suggested: Partial<Record<SuggestedField, string>> = {};
  for (const key of ["ram", "arch", "kernel", "page", "struct"] as const) {
    const value = candidates[key];
    if (value !== undefined && validateField(key, value).ok) suggested[key] = value;
  }
  return suggested;
}

export type Severity = "info" | "warning";

/**
 * What the dump says about the table, as typed codes the UI turns into words. Counters are
 * summed over CPUs.
 */
export type Finding =
  /** count / max; "fill-high" above FILL_HIGH. */
  | {
      readonly code: "fill" | "fill-high";
      readonly severity: Severity;
      readonly count: number;
      readonly max: number;
      readonly share: number;
    }
  /** nf_conntrack_max = 0: no limit (kernel-facts.md section 3). */
  | { readonly code: "max-unlimited"; readonly severity: "warning" }
  /** Table-full messages seen (collector count or log lines) or the drop counter above 0. */
  | {
      readonly code: "table-full-seen";
      readonly severity: "warning";
      readonly messages: number | null;
      readonly drop: number | null;
      readonly suppressedCallbacks: number | null;
    }
  /** The counters or the log were read and show no table-full drop. */
  | { readonly code: "no-table-full"; readonly severity: "info" }
  | { readonly code: "drops"; readonly severity: Severity; readonly drop: number }
  | { readonly code: "insert-failed"; readonly severity: Severity; readonly insertFailed: number }
  | { readonly code: "early-drops"; readonly severity: Severity; readonly earlyDrop: number }
  /** >= 5.15 refuses an insert into a chain of 50..79 entries (d7e7747ac5c2). */
  | { readonly code: "chain-too-long"; readonly severity: Severity; readonly chainTooLong: number }
  /** 2 × count / buckets: each entry is hashed once per direction (as in chart-series.ts). */
  | {
      readonly code: "chain-length";
      readonly severity: "info";
      readonly count: number;
      readonly buckets: number;
      readonly average: number;
    }
  | {
      readonly code: "default-max" | "tuned-max";
      readonly severity: "info";
      readonly max: number;
      readonly kernelDefault: number;
    }
  | {
      readonly code: "default-buckets" | "tuned-buckets";
      readonly severity: "info";
      readonly buckets: number;
      readonly kernelDefault: number;
    };

export type FindingCode = Finding["code"];

/** The fill share above which the table counts as nearly full. */
export const FILL_HIGH = 0.8;

/**
 * Findings from a parsed dump. Pass the kernel's own default for this machine (see
 * computeDiagnosticsKernelDefault) to learn whether max and buckets were tuned.
 *
 * @example
 * diagnose(parseDiagnostics("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 850\n"))
 * // [{ code: "fill-high", severity: "warning", count: 850, max: 1000, share: 0.85 }]
 */
export function diagnose(d: Diagnostics, kernelDefault?: { max: number; buckets: number }): Finding[] {
  const findings: Finding[] = [];
  const count = d.conntrackCount ?? d.stats?.entries;
  const max = d.conntrackMax;
  if (max === 0) findings.push({ code: "max-unlimited", severity: "warning" });
  else if (count !== undefined && max !== undefined) {
    const share = count / max;
    findings.push(
      share > FILL_HIGH
        ? { code: "fill-high", severity: "warning", count, max, share }
        : { code: "fill", severity: "info", count, max, share },
    );
  }
  const stats = d.stats;
  const messages = d.tableFullMessages ?? null;
  const drop = stats?.drop ?? null;
  if ((messages ?? 0) > 0 || (drop ?? 0) > 0) {
    findings.push({
      code: "table-full-seen",
      severity: "warning",
      messages,
      drop,
      suppressedCallbacks: d.suppressedCallbacks ?? null,
    });
  } else if (messages !== null || drop !== null) {
    findings.push({ code: "no-table-full", severity: "info" });
  }
  if (stats !== undefined) {
    const level = (n: number): Severity => (n > 0 ? "warning" : "info");
    findings.push({ code: "drops", severity: level(stats.drop), drop: stats.drop });
    findings.push({
      code: "insert-failed",
      severity: level(stats.insertFailed),
      insertFailed: stats.insertFailed,
    });
    findings.push({ code: "early-drops", severity: level(stats.earlyDrop), earlyDrop: stats.earlyDrop });
    if (stats.chainTooLong !== undefined) {
      findings.push({
        code: "chain-too-long",
        severity: level(stats.chainTooLong),
        chainTooLong: stats.chainTooLong,
      });
    }
  }
  const buckets = d.conntrackBuckets;
  if (count !== undefined && buckets !== undefined && buckets > 0) {
    findings.push({ code: "chain-length", severity: "info", count, buckets, average: (2 * count) / buckets });
  }
  if (kernelDefault !== undefined) {
    if (max !== undefined) {
      findings.push({
        code: max === kernelDefault.max ? "default-max" : "tuned-max",
        severity: "info",
        max,
        kernelDefault: kernelDefault.max,
      });
    }
    if (buckets !== undefined) {
      findings.push({
        code: buckets === kernelDefault.buckets ? "default-buckets" : "tuned-buckets",
        severity: "info",
        buckets,
        kernelDefault: kernelDefault.buckets,
      });
    }
  }
  return findings;
}

/**
 * What the kernel picks by itself on the pasted machine (kernel-defaults.ts), for diagnose():
 * needs MemTotal, the architecture and a kernel version; the page size defaults to 4096 when not
 * pasted (pageBytesAssumed). Null when something needed is missing. It assumes no hashsize= was
 * given at boot; if one was, the buckets show as tuned, which they are.
 *
 * @example
 * computeDiagnosticsKernelDefault(parseDiagnostics("MemTotal: 24683620 kB\n6.18.44 x86_64\n"))
 * // { max: 262144, buckets: 262144, pageBytesAssumed: true }
 */
export function computeDiagnosticsKernelDefault(
  d: Diagnostics,
): { max: number; buckets: number; pageBytesAssumed: boolean } | null {
  if (d.memTotalBytes === undefined || d.arch === undefined) return null;
  const kernel = tryParseKernelVersion(suggestedFields(d).kernel ?? "");
  if (!kernel.ok) return null;
  const computed = computeKernelDefault({
    ram: bytes(d.memTotalBytes),
    arch: d.arch,
    kernel: kernel.value,
    page: bytes(d.pageBytes ?? 4096),
    // Only the memory figures depend on it, and only max and buckets are used here.
    struct: bytes(256),
  });
  return { max: computed.max, buckets: computed.buckets, pageBytesAssumed: d.pageBytes === undefined };
}

/**
 * The pasted timeouts that differ from the pasted kernel's defaults, as the calculator's
 * `to_<key>` fields, so the generated sysctl file keeps a host's tuned timeouts (and only those).
 * Without a pasted kernel release, `fallbackKernel` decides the defaults.
 *
 * @example suggestedTimeoutFields(parseDiagnostics("6.8.0 x86_64\nnet.netfilter.nf_conntrack_tcp_timeout_established = 86400"), v(6, 12))
 * // { to_tcp_timeout_established: "86400" }
 */
export function suggestedTimeoutFields(
  d: Diagnostics,
  fallbackKernel: KernelVersion,
): Partial<Record<TimeoutUrlKey, string>> {
  const release = d.kernelRelease === undefined ? null : tryParseKernelVersion(d.kernelRelease);
  const defaults = defaultTimeouts(release?.ok ? release.value : fallbackKernel);
  const fields: Partial<Record<TimeoutUrlKey, string>> = {};
  for (const key of TIMEOUT_KEYS) {
    const pasted = Object.prototype.hasOwnProperty.call(d.timeouts, `nf_conntrack_${key}`)
      ? d.timeouts[`nf_conntrack_${key}`]
      : undefined;
    if (pasted !== undefined && pasted !== defaults[key] && validateTimeout(String(pasted)).ok) {
      fields[timeoutUrlKey(key)] = String(pasted);
    }
  }
  return fields;
}
