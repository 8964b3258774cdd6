import {
  ABSENT,
  KNOWN_PROTOCOLS,
  ORIGINAL_DST,
  ORIGINAL_SRC,
  packEntry,
  PROTOCOL_NUMBERS,
  REPLY_DST,
  REPLY_SRC,
  type Offload,
  type PackedEntry,
  type TableEntry,
  type TableNames,
} from "./entry";
import { asciiBytes, canonicalAddress, readAddress } from "./ipv6";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * What one line of a listing is:
 * - `entry`: a connection (every text format, an event line, a `-o save` line), written into the
 *   PackedEntry given;
 * - `summary`: conntrack's stderr line `conntrack v1.4.7 (conntrack-tools): 5 flow entries have
 *   been shown.` (src/conntrack.c, `fprintf(stderr, "%s v%s (conntrack-tools): %d flow entries
 *   have been shown.\n", ...)`), with the version and the count;
 * - `blank`: nothing to read;
 * - `unknown`: none of these.
 */
export type LineReading =
  | { readonly kind: "entry" }
  | { readonly kind: "summary"; readonly version: string; readonly count: number }
  | { readonly kind: "blank" }
  | { readonly kind: "unknown" };

/** The readings without data, made once: a line read allocates nothing. */
const ENTRY: LineReading = { kind: "entry" };
const BLANK: LineReading = { kind: "blank" };
const UNKNOWN: LineReading = { kind: "unknown" };

const SUMMARY =
  /^conntrack v(\d+\.\d+\.\d+)\s+\(conntrack-tools\):\s+(\d+)\s+flow entr(?:y|ies) ha(?:s|ve) been shown\.?$/;
/** Event prefixes `[NEW]`, `[UPDATE]`, `[DESTROY]` (conntrack -E, "%9s "), and -o timestamp's `[1700000000.123456]`. */
const EVENT_PREFIX = /^\[(?:NEW|UPDATE|DESTROY|\d+\.\d+)\]$/;

/** Largest value of a port, an ICMP type, a mark or a zone we accept (u16, u8, u32, u16). */
const MAX_U32 = 4294967295;

/**
 * The decimal integer of at most 10 digits and at most `max` that fills `text[from, to)`, or
 * ABSENT. By hand and in place: it runs for every number of every line.
 */
function toInteger(text: Uint8Array, max: number, from: number, to: number): number {
  const length = to - from;
  if (length <= 0 || length > 10) return ABSENT;
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text[i] ?? 0;
    if (c < 48 || c > 57) return ABSENT;
    n = n * 10 + c - 48;
  }
  return n <= max ? n : ABSENT;
}

/** Whether `text[from, to)` is all digits (and not empty). */
function isDigits(text: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i += 1) {
    const c = text[i] ?? 0;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A protocol's name: `[a-z][a-z0-9_-]*`. */
function isName(text: Uint8Array, from: number, to: number): boolean {
  const first = text[from] ?? 0;
  if (to <= from || first < 97 || first > 122) return false;
  for (let i = from + 1; i < to; i += 1) {
    const c = text[i] ?? 0;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return true;
}

/** A state word: `[A-Z][A-Z0-9_]*` (TCP's SYN_SENT, SCTP's COOKIE_WAIT, DCCP's PARTOPEN, old TCP's NONE). */
function isStateWord(text: Uint8Array, from: number, to: number): boolean {
  const first = text[from] ?? 0;
  if (to <= from || first < 65 || first > 90) return false;
  for (let i = from + 1; i < to; i += 1) {
    const c = text[i] ?? 0;
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return true;
}

/** The number each of KNOWN_PROTOCOLS must have on a line (`unknown`: any). */
const KNOWN_NUMBERS = KNOWN_PROTOCOLS.map((name) =>
  name === "unknown" ? ABSENT : (PROTOCOL_NUMBERS[name] ?? ABSENT),
);

/** toInteger over a whole text, null for ABSENT (the -o save reader's values). */
function integerOf(text: string, max: number): number | null {
  const n = toInteger(asciiBytes(text), max, 0, text.length);
  return n === ABSENT ? null : n;
}

/** Where the token at or after `at` starts: past the spaces. */
function tokenStart(text: Uint8Array, at: number, end: number): number {
  let from = at;
  while (from < end && text[from] === 32) from += 1;
  return from;
}

/** The first `=` of the token tokenEnd() last scanned (-1: none). */
let equalsAt = -1;
/**
 * Whether a token since the line began had a byte below 32 other than the space (a tab, say) or
 * a `<` (XML): such a line is read as text (readEntryText, after the reader's XML check).
 */
let textSeen = false;
/** textSeen, read through a call: the compiler takes a module variable set before a call as unchanged by it. */
const sawText = () => textSeen;

/**
 * Where the token starting at `from` ends: the next space, or the line's end. One loop over its
 * bytes (faster here than the engine's indexOf per token) that also notes its first `=` and any
 * byte below 32 or `<` (equalsAt, textSeen).
 */
function tokenEnd(text: Uint8Array, from: number, end: number): number {
  equalsAt = -1;
  for (let i = from; i < end; i += 1) {
    const b = text[i] ?? 0;
    if (b <= 32) {
      if (b === 32) return i;
      textSeen = true;
    } else if (b === 61) {
      if (equalsAt < 0) equalsAt = i;
    } else if (b === 60) textSeen = true;
  }
  return end;
}

/** Whether `text[from, to)` is `word`. */
const isWord = (text: Uint8Array, from: number, to: number, word: string) =>
  to - from === word.length && startsWith(text, from, word);

/** Whether `text` has the ASCII `word` at `from`. */
function startsWith(text: Uint8Array, from: number, word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (text[from + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** The keys read from `key=value` tokens, told apart in place by the key's length and text. */
const enum Key {
  Src,
  Dst,
  Sport,
  Dport,
  Type,
  /** code=, id=, srckey=, dstkey=: part of a tuple, not read. */
  OtherTupleKey,
  Mark,
  Zone,
  ZoneOrig,
  Other,
}

/** Which key the token at `from` with its `=` at `equals` has. */
function tokenKey(text: Uint8Array, from: number, equals: number): Key {
  switch (equals - from) {
    case 2:
      return startsWith(text, from, "id") ? Key.OtherTupleKey : Key.Other;
    case 3:
      return startsWith(text, from, "src") ? Key.Src : startsWith(text, from, "dst") ? Key.Dst : Key.Other;
    case 4:
      if (startsWith(text, from, "type")) return Key.Type;
      if (startsWith(text, from, "code")) return Key.OtherTupleKey;
      if (startsWith(text, from, "mark")) return Key.Mark;
      return startsWith(text, from, "zone") ? Key.Zone : Key.Other;
    case 5:
      return startsWith(text, from, "sport")
        ? Key.Sport
        : startsWith(text, from, "dport")
          ? Key.Dport
          : Key.Other;
    case 6:
      return startsWith(text, from, "srckey") || startsWith(text, from, "dstkey")
        ? Key.OtherTupleKey
        : Key.Other;
    case 9:
      return startsWith(text, from, "zone-orig") ? Key.ZoneOrig : Key.Other;
    default:
      return Key.Other;
  }
}

/** Strips mailing-list quoting (`> `, `>> `) and the leading spaces of event lines. */
function unquote(line: string): string {
  // Most lines have neither: the regex and trim() only when the first or last character asks.
  const first = line.charCodeAt(0);
  const last = line.charCodeAt(line.length - 1);
  if (first > 32 && first !== 62 && last > 32) return line;
  return line.replace(/^(?:\s*>)+/, "").trim();
}

/** Whether a line has whitespace other than plain spaces, which readEntryInto reads as single spaces. */
const hasOtherSpace = (text: string) =>
  text.includes("\t") || text.includes("\r") || text.includes("\f") || text.includes("\v");

/**
 * Reads one line of `conntrack -L` (any of -o extended, id, labels, ktimestamp), of
 * `/proc/net/nf_conntrack`, of the old `/proc/net/ip_conntrack`, of `conntrack -E` events, of
 * `conntrack -L -o save`, or conntrack's stderr summary, writing an entry into `out` (its protocol
 * and state named through `names`). Never throws. Lines as the kernel and conntrack write them go
 * to readEntryBytes() without a string; this reads the others (quoted, tabbed, -o save, summary).
 *
 * @example readEntryText("> udp 17 29 src=10.0.0.1 dst=10.0.0.2 sport=5 dport=53 [UNREPLIED] src=10.0.0.2 dst=10.0.0.1 sport=53 dport=5 mark=0 use=1", names, out).kind === "entry"
 */
export function readEntryText(line: string, names: TableNames, out: PackedEntry): LineReading {
  let text = unquote(line);
  if (text === "") return BLANK;
  const summary = text.startsWith("conntrack v") ? SUMMARY.exec(text) : null;
  if (summary) return { kind: "summary", version: summary[1] ?? "", count: Number(summary[2]) };
  if (text.startsWith("-A ") || text.startsWith("-I ")) {
    const entry = readSaveLine(text);
    return entry && packEntry(entry, names, out) ? ENTRY : UNKNOWN;
  }
  if (hasOtherSpace(text)) text = text.split(/\s+/).join(" ");
  const bytes = encoder.encode(text);
  // Bytes below 32 left now (not whitespace) are part of their token, as in any other text.
  return readEntryBytes(bytes, 0, bytes.length, names, out, true);
}

/**
 * Reads the entry line in `bytes[start, end)` (UTF-8, tokens between plain spaces, no quoting) in
 * place: no string is made for its tokens, addresses or numbers. `entry` or `unknown`; a line with
 * a byte below 32 other than the space, or a `<`, is `unknown` unless `asText` (readEntryText).
 *
 * The field order is that of `ct_seq_show()` (net/netfilter/nf_conntrack_standalone.c) and of
 * `__snprintf_conntrack_default()` (libnetfilter_conntrack src/conntrack/snprintf_default.c): an
 * optional event prefix, optional `ipv4 2`/`ipv6 10`, the protocol's name and number, the
 * remaining seconds (absent for offloaded entries), the state word, then `key=value` tokens and
 * `[FLAGS]` in which the first `src=` opens the original tuple and the second the reply one.
 *
 * @example readEntryBytes(new TextEncoder().encode("udp 17 29 src=10.0.0.1 dst=10.0.0.2 sport=5 dport=53 [UNREPLIED] src=10.0.0.2 dst=10.0.0.1 sport=53 dport=5 mark=0 use=1"), 0, 110, names, out).kind === "entry"
 */
export function readEntryBytes(
  text: Uint8Array,
  start: number,
  end: number,
  names: TableNames,
  out: PackedEntry,
  asText = false,
): LineReading {
  textSeen = false;
  // The tokens, one at a time: [from, to), spaces between.
  let from = tokenStart(text, start, end);
  let to = tokenEnd(text, from, end);
  if (text[from] === 91 && EVENT_PREFIX.test(decoder.decode(text.subarray(from, to)))) {
    from = tokenStart(text, to, end);
    to = tokenEnd(text, from, end);
  }
  let family: boolean | null = null;
  if (isWord(text, from, to, "ipv4") || isWord(text, from, to, "ipv6")) {
    const ipv6 = text[from + 3] === 54;
    const at = to;
    from = tokenStart(text, to, end);
    to = tokenEnd(text, from, end);
    if (isWord(text, from, to, ipv6 ? "10" : "2")) {
      family = ipv6;
      from = tokenStart(text, to, end);
      to = tokenEnd(text, from, end);
    } else {
      to = at;
      from = at - 4;
    }
  }
  const protocolFrom = from;
  const protocolTo = to;
  from = tokenStart(text, to, end);
  to = tokenEnd(text, from, end);
  const protocolNumber = toInteger(text, 255, from, to);
  if (!isName(text, protocolFrom, protocolTo) || protocolNumber === ABSENT) return UNKNOWN;
  const protocolId = names.protocols.id(text, protocolFrom, protocolTo);
  if (protocolId < 0) return UNKNOWN;
  const expected = KNOWN_NUMBERS[protocolId] ?? ABSENT;
  if (expected !== ABSENT && expected !== protocolNumber) return UNKNOWN;
  from = tokenStart(text, to, end);
  to = tokenEnd(text, from, end);
  let timeoutSeconds = ABSENT;
  if (isDigits(text, from, to)) {
    timeoutSeconds = toInteger(text, MAX_U32, from, to);
    if (timeoutSeconds === ABSENT) return UNKNOWN;
    from = tokenStart(text, to, end);
    to = tokenEnd(text, from, end);
  }
  let stateId = ABSENT;
  if (isStateWord(text, from, to)) {
    stateId = names.states.id(text, from, to);
    if (stateId < 0) return UNKNOWN;
    from = tokenStart(text, to, end);
    to = tokenEnd(text, from, end);
  }

  const { addresses } = out;
  // Tuples opened so far (0-2), whether the open one is still taking keys, and what each has.
  let tuples = 0;
  let open = false;
  let originalHasSrc = false;
  let originalHasDst = false;
  let replyHasSrc = false;
  let replyHasDst = false;
  out.originalSport = ABSENT;
  out.originalDport = ABSENT;
  out.originalType = ABSENT;
  out.replySport = ABSENT;
  out.replyDport = ABSENT;
  out.replyType = ABSENT;
  let assured = false;
  let unreplied = false;
  let offload: Offload = "none";
  let mark = 0;
  let zone = ABSENT;
  let zoneOrig = ABSENT;
  for (; from < end; from = tokenStart(text, to, end), to = tokenEnd(text, from, end)) {
    if (text[from] === 91 && text[to - 1] === 93) {
      open = false;
      if (isWord(text, from, to, "[ASSURED]")) assured = true;
      else if (isWord(text, from, to, "[UNREPLIED]")) unreplied = true;
      else if (isWord(text, from, to, "[OFFLOAD]")) offload = "offload";
      else if (isWord(text, from, to, "[HW_OFFLOAD]")) offload = "hw-offload";
      continue;
    }
    const equals = equalsAt;
    // Words without a key (the date inside -o ktimestamp's "[start=Tue Dec  3 ...]") are skipped.
    if (equals <= from || equals >= to) continue;
    const key = tokenKey(text, from, equals);
    const value = equals + 1;
    if (key === Key.Src) {
      if (tuples === 2) return UNKNOWN;
      tuples += 1;
      open = true;
    }
    if (open && key <= Key.OtherTupleKey) {
      const reply = tuples === 2;
      if (key === Key.Src || key === Key.Dst) {
        const at = key === Key.Src ? (reply ? REPLY_SRC : ORIGINAL_SRC) : reply ? REPLY_DST : ORIGINAL_DST;
        if (!readAddress(text, value, to, addresses, at)) return UNKNOWN;
        if (key === Key.Src) {
          if (reply) replyHasSrc = true;
          else originalHasSrc = true;
        } else if (reply) replyHasDst = true;
        else originalHasDst = true;
      } else if (key === Key.Sport || key === Key.Dport) {
        const port = toInteger(text, 65535, value, to);
        if (port === ABSENT) return UNKNOWN;
        if (key === Key.Sport) {
          if (reply) out.replySport = port;
          else out.originalSport = port;
        } else if (reply) out.replyDport = port;
        else out.originalDport = port;
      } else if (key === Key.Type) {
        const type = toInteger(text, 255, value, to);
        if (type === ABSENT) return UNKNOWN;
        if (reply) out.replyType = type;
        else out.originalType = type;
      }
      continue;
    }
    // Any other key closes the tuple; those not read here (old GRE's "timeout=600,
    // stream_timeout=18000", secctx=, use=, id=, labels=, delta-time=, packets=, bytes=,
    // zone-reply=, helper=) do not change what the entry counts as.
    open = false;
    if (key === Key.Mark) mark = Math.max(0, toInteger(text, MAX_U32, value, to));
    else if (key === Key.Zone) zone = toInteger(text, 65535, value, to);
    else if (key === Key.ZoneOrig) zoneOrig = toInteger(text, 65535, value, to);
  }
  // A tab or the like, or a `<`: read as text, where whitespace is normalised first and XML told
  // apart (readEntryText, the reader).
  if (!originalHasSrc || !originalHasDst || (sawText() && !asText)) return UNKNOWN;
  out.ipv6 = family ?? addresses[ORIGINAL_SRC] === 6;
  out.protocolId = protocolId;
  out.protocolNumber = protocolNumber;
  out.timeoutSeconds = timeoutSeconds;
  out.stateId = stateId;
  out.hasReply = replyHasSrc && replyHasDst;
  if (!out.hasReply) {
    out.replySport = ABSENT;
    out.replyDport = ABSENT;
    out.replyType = ABSENT;
  }
  out.assured = assured;
  out.unreplied = unreplied;
  out.offload = offload;
  out.mark = mark;
  out.zone = zone !== ABSENT ? zone : zoneOrig !== ABSENT ? zoneOrig : 0;
  return ENTRY;
}

/**
 * `conntrack -L -o save` (conntrack-tools ≥ 1.4.7, `ct_save_snprintf()` in src/conntrack.c):
 * `-A -t <timeout> -u <status,...> [-c secmark] [-w zone] -s <src> -d <dst> (-r|-g) <reply src>
 * (-q|-n) <reply dst> -p <proto> [--sport --dport --reply-port-src --reply-port-dst] [--state S]`.
 * `-g`/`-n` are the NAT'd spellings of the reply addresses; UNREPLIED is the absence of SEEN_REPLY
 * (`-u UNSET` when no bit is set). It carries no mark: 1.4.7 writes none (checked on this machine).
 */
function readSaveLine(text: string): TableEntry | null {
  const tokens = text.split(/\s+/);
  const values = new Map<string, string>();
  for (let at = 1; at < tokens.length; at += 1) {
    const token = tokens[at] ?? "";
    if (!token.startsWith("-")) continue;
    const next = tokens[at + 1];
    if (next !== undefined && !next.startsWith("-")) {
      values.set(token, next);
      at += 1;
    } else values.set(token, "");
  }
  const address = (...keys: string[]) => {
    for (const key of keys) {
      const value = values.get(key);
      if (value !== undefined) return canonicalAddress(value);
    }
    return null;
  };
  const port = (key: string) => {
    const value = values.get(key);
    return value === undefined ? null : integerOf(value, 65535);
  };
  const protocol = values.get("-p") ?? "";
  const protocolNumber = PROTOCOL_NUMBERS[protocol] ?? integerOf(protocol, 255);
  const src = address("-s", "--orig-src");
  const dst = address("-d", "--orig-dst");
  if (protocolNumber === null || src === null || dst === null) return null;
  const replySrc = address("-r", "-g", "--reply-src");
  const replyDst = address("-q", "-n", "--reply-dst");
  const status = (values.get("-u") ?? "").split(",");
  const icmpTypeText = values.get("--icmp-type") ?? values.get("--icmpv6-type");
  const icmpType = icmpTypeText === undefined ? null : integerOf(icmpTypeText, 255);
  const timeout = values.get("-t");
  return {
    family: src.includes(":") ? "ipv6" : "ipv4",
    protocol: PROTOCOL_NUMBERS[protocol] === undefined ? "unknown" : protocol,
    protocolNumber,
    timeoutSeconds: timeout === undefined ? null : integerOf(timeout, MAX_U32),
    state: values.get("--state") ?? null,
    original: { src, dst, sport: port("--sport"), dport: port("--dport"), icmpType },
    reply:
      replySrc === null || replyDst === null
        ? null
        : {
            src: replySrc,
            dst: replyDst,
            sport: port("--reply-port-src"),
            dport: port("--reply-port-dst"),
            icmpType: null,
          },
    assured: status.includes("ASSURED"),
    unreplied: !status.includes("SEEN_REPLY"),
    offload: status.includes("HW_OFFLOAD") ? "hw-offload" : status.includes("OFFLOAD") ? "offload" : "none",
    mark: integerOf(values.get("-m") ?? "", MAX_U32) ?? 0,
    zone: integerOf(values.get("-w") ?? "", 65535) ?? 0,
  };
}
