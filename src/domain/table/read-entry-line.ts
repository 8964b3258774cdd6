import { canonicalAddress } from "./ipv6";
import { PROTOCOL_NUMBERS, type Family, type Offload, type TableEntry, type Tuple } from "./entry";

/**
 * What one line of a listing is:
 * - `entry`: a connection (every text format, an event line, a `-o save` line);
 * - `summary`: conntrack's stderr line `conntrack v1.4.7 (conntrack-tools): 5 flow entries have
 *   been shown.` (src/conntrack.c, `fprintf(stderr, "%s v%s (conntrack-tools): %d flow entries
 *   have been shown.\n", ...)`), with the version and the count;
 * - `blank`: nothing to read;
 * - `unknown`: none of these.
 */
export type LineReading =
  | { readonly kind: "entry"; readonly entry: TableEntry }
  | { readonly kind: "summary"; readonly version: string; readonly count: number }
  | { readonly kind: "blank" }
  | { readonly kind: "unknown" };

const SUMMARY =
  /^conntrack v(\d+\.\d+\.\d+)\s+\(conntrack-tools\):\s+(\d+)\s+flow entr(?:y|ies) ha(?:s|ve) been shown\.?$/;
/** Event prefixes `[NEW]`, `[UPDATE]`, `[DESTROY]` (conntrack -E, "%9s "), and -o timestamp's `[1700000000.123456]`. */
const EVENT_PREFIX = /^\[(?:NEW|UPDATE|DESTROY|\d+\.\d+)\]$/;
const NAME = /^[a-z][a-z0-9_-]*$/;
const DIGITS = /^\d+$/;
/** A state word: TCP's SYN_SENT, SCTP's COOKIE_WAIT, DCCP's PARTOPEN, old TCP's NONE. */
const STATE = /^[A-Z][A-Z0-9_]*$/;

/** Largest value of a port, an ICMP type, a mark or a zone we accept (u16, u8, u32, u16). */
const MAX_U32 = 4294967295;

/**
 * The decimal integer of at most 10 digits and at most `max` that fills `text` from `from` on, or
 * null. By hand and in place: it runs for every number of every line, and a regex and a slice per
 * field were a tenth of reading a large table.
 */
function toInteger(text: string, max: number, from = 0): number | null {
  const length = text.length - from;
  if (length <= 0 || length > 10) return null;
  let n = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    n = n * 10 + c - 48;
  }
  return n <= max ? n : null;
}

/** The keys read from `key=value` tokens, told apart without slicing the key out (tokenKey). */
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

/** Which key a token with its `=` at `equals` has (TUPLE_KEYS and the three read after a tuple). */
function tokenKey(token: string, equals: number): Key {
  switch (equals) {
    case 2:
      return token.startsWith("id") ? Key.OtherTupleKey : Key.Other;
    case 3:
      return token.startsWith("src") ? Key.Src : token.startsWith("dst") ? Key.Dst : Key.Other;
    case 4:
      if (token.startsWith("type")) return Key.Type;
      if (token.startsWith("code")) return Key.OtherTupleKey;
      if (token.startsWith("mark")) return Key.Mark;
      return token.startsWith("zone") ? Key.Zone : Key.Other;
    case 5:
      return token.startsWith("sport") ? Key.Sport : token.startsWith("dport") ? Key.Dport : Key.Other;
    case 6:
      return token.startsWith("srckey") || token.startsWith("dstkey") ? Key.OtherTupleKey : Key.Other;
    case 9:
      return token.startsWith("zone-orig") ? Key.ZoneOrig : Key.Other;
    default:
      return Key.Other;
  }
}

/** Splits on runs of whitespace, as `split(/\s+/)` after trim() does; plain spaces without a regex. */
function splitTokens(text: string): string[] {
  if (text.includes("\t") || text.includes("\r") || text.includes("\f") || text.includes("\v")) {
    return text.split(/\s+/);
  }
  const tokens: string[] = [];
  let start = 0;
  for (;;) {
    const space = text.indexOf(" ", start);
    if (space < 0) break;
    if (space > start) tokens.push(text.slice(start, space));
    start = space + 1;
  }
  if (start < text.length) tokens.push(text.slice(start));
  return tokens;
}

interface TupleDraft {
  src?: string;
  dst?: string;
  sport?: number;
  dport?: number;
  type?: number;
}

function finishTuple(draft: TupleDraft | undefined): Tuple | null {
  if (!draft?.src || !draft.dst) return null;
  return {
    src: draft.src,
    dst: draft.dst,
    sport: draft.sport ?? null,
    dport: draft.dport ?? null,
    icmpType: draft.type ?? null,
  };
}

const familyOf = (address: string): Family => (address.includes(":") ? "ipv6" : "ipv4");

/** Strips mailing-list quoting (`> `, `>> `) and the leading spaces of event lines. */
function unquote(line: string): string {
  // Most lines have neither: the regex and trim() only when the first or last character asks.
  const first = line.charCodeAt(0);
  const last = line.charCodeAt(line.length - 1);
  if (first > 32 && first !== 62 && last > 32) return line;
  return line.replace(/^(?:\s*>)+/, "").trim();
}

/**
 * Reads one line of `conntrack -L` (any of -o extended, id, labels, ktimestamp), of
 * `/proc/net/nf_conntrack`, of the old `/proc/net/ip_conntrack`, of `conntrack -E` events, of
 * `conntrack -L -o save`, or conntrack's stderr summary. Never throws.
 *
 * The field order is that of `ct_seq_show()` (net/netfilter/nf_conntrack_standalone.c) and of
 * `__snprintf_conntrack_default()` (libnetfilter_conntrack src/conntrack/snprintf_default.c): an
 * optional event prefix, optional `ipv4 2`/`ipv6 10`, the protocol's name and number, the
 * remaining seconds (absent for offloaded entries), the state word, then `key=value` tokens and
 * `[FLAGS]` in which the first `src=` opens the original tuple and the second the reply one.
 *
 * @example readEntryLine("udp 17 29 src=10.0.0.1 dst=10.0.0.2 sport=5 dport=53 [UNREPLIED] src=10.0.0.2 dst=10.0.0.1 sport=53 dport=5 mark=0 use=1").kind === "entry"
 */
export function readEntryLine(line: string): LineReading {
  const text = unquote(line);
  if (text === "") return { kind: "blank" };
  const summary = text.startsWith("conntrack v") ? SUMMARY.exec(text) : null;
  if (summary) return { kind: "summary", version: summary[1] ?? "", count: Number(summary[2]) };
  if (text.startsWith("-A ") || text.startsWith("-I ")) return readSaveLine(text);
  const tokens = splitTokens(text);
  let at = 0;
  if (EVENT_PREFIX.test(tokens[at] ?? "")) at += 1;
  let family: Family | null = null;
  if (
    (tokens[at] === "ipv4" && tokens[at + 1] === "2") ||
    (tokens[at] === "ipv6" && tokens[at + 1] === "10")
  ) {
    family = tokens[at] === "ipv4" ? "ipv4" : "ipv6";
    at += 2;
  }
  const protocol = tokens[at] ?? "";
  const protocolNumber = toInteger(tokens[at + 1] ?? "", 255);
  if (!NAME.test(protocol) || protocolNumber === null) return { kind: "unknown" };
  if (
    protocol !== "unknown" &&
    PROTOCOL_NUMBERS[protocol] !== undefined &&
    PROTOCOL_NUMBERS[protocol] !== protocolNumber
  ) {
    return { kind: "unknown" };
  }
  at += 2;
  let timeoutSeconds: number | null = null;
  if (DIGITS.test(tokens[at] ?? "")) {
    timeoutSeconds = toInteger(tokens[at] ?? "", MAX_U32);
    if (timeoutSeconds === null) return { kind: "unknown" };
    at += 1;
  }
  let state: string | null = null;
  if (STATE.test(tokens[at] ?? "")) {
    state = tokens[at] ?? null;
    at += 1;
  }

  const tuples: TupleDraft[] = [];
  let open: TupleDraft | undefined;
  let assured = false;
  let unreplied = false;
  let offload: Offload = "none";
  let mark = 0;
  let zone: number | null = null;
  let zoneOrig: number | null = null;
  for (; at < tokens.length; at += 1) {
    const token = tokens[at] ?? "";
    if (token.startsWith("[") && token.endsWith("]")) {
      open = undefined;
      if (token === "[ASSURED]") assured = true;
      else if (token === "[UNREPLIED]") unreplied = true;
      else if (token === "[OFFLOAD]") offload = "offload";
      else if (token === "[HW_OFFLOAD]") offload = "hw-offload";
      continue;
    }
    const equals = token.indexOf("=");
    // Words without a key (the date inside -o ktimestamp's "[start=Tue Dec  3 ...]") are skipped.
    if (equals <= 0) continue;
    const key = tokenKey(token, equals);
    const value = equals + 1;
    if (key === Key.Src) {
      if (tuples.length === 2) return { kind: "unknown" };
      open = {};
      tuples.push(open);
    }
    if (open && key <= Key.OtherTupleKey) {
      if (key === Key.Src || key === Key.Dst) {
        const address = canonicalAddress(token.slice(value));
        if (address === null) return { kind: "unknown" };
        if (key === Key.Src) open.src = address;
        else open.dst = address;
      } else if (key === Key.Sport || key === Key.Dport) {
        const port = toInteger(token, 65535, value);
        if (port === null) return { kind: "unknown" };
        if (key === Key.Sport) open.sport = port;
        else open.dport = port;
      } else if (key === Key.Type) {
        const type = toInteger(token, 255, value);
        if (type === null) return { kind: "unknown" };
        open.type = type;
      }
      continue;
    }
    // Any other key closes the tuple; those not read here (old GRE's "timeout=600,
    // stream_timeout=18000", secctx=, use=, id=, labels=, delta-time=, packets=, bytes=,
    // zone-reply=, helper=) do not change what the entry counts as.
    open = undefined;
    if (key === Key.Mark) mark = toInteger(token, MAX_U32, value) ?? 0;
    else if (key === Key.Zone) zone = toInteger(token, 65535, value);
    else if (key === Key.ZoneOrig) zoneOrig = toInteger(token, 65535, value);
  }
  const original = finishTuple(tuples[0]);
  if (!original) return { kind: "unknown" };
  const reply = finishTuple(tuples[1]);
  return {
    kind: "entry",
    entry: {
      family: family ?? familyOf(original.src),
      protocol,
      protocolNumber,
      timeoutSeconds,
      state,
      original,
      reply,
      assured,
      unreplied,
      offload,
      mark,
      zone: zone ?? zoneOrig ?? 0,
    },
  };
}

/**
 * `conntrack -L -o save` (conntrack-tools ≥ 1.4.7, `ct_save_snprintf()` in src/conntrack.c):
 * `-A -t <timeout> -u <status,...> [-c secmark] [-w zone] -s <src> -d <dst> (-r|-g) <reply src>
 * (-q|-n) <reply dst> -p <proto> [--sport --dport --reply-port-src --reply-port-dst] [--state S]`.
 * `-g`/`-n` are the NAT'd spellings of the reply addresses; UNREPLIED is the absence of SEEN_REPLY
 * (`-u UNSET` when no bit is set). It carries no mark: 1.4.7 writes none (checked on this machine).
 */
function readSaveLine(text: string): LineReading {
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
    return value === undefined ? null : toInteger(value, 65535);
  };
  const protocol = values.get("-p") ?? "";
  const protocolNumber = PROTOCOL_NUMBERS[protocol] ?? toInteger(protocol, 255);
  const src = address("-s", "--orig-src");
  const dst = address("-d", "--orig-dst");
  if (protocolNumber === null || src === null || dst === null) return { kind: "unknown" };
  const replySrc = address("-r", "-g", "--reply-src");
  const replyDst = address("-q", "-n", "--reply-dst");
  const status = (values.get("-u") ?? "").split(",");
  const icmpTypeText = values.get("--icmp-type") ?? values.get("--icmpv6-type");
  const icmpType = icmpTypeText === undefined ? null : toInteger(icmpTypeText, 255);
  const timeout = values.get("-t");
  return {
    kind: "entry",
    entry: {
      family: familyOf(src),
      protocol: PROTOCOL_NUMBERS[protocol] === undefined ? "unknown" : protocol,
      protocolNumber,
      timeoutSeconds: timeout === undefined ? null : toInteger(timeout, MAX_U32),
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
      mark: toInteger(values.get("-m") ?? "", MAX_U32) ?? 0,
      zone: toInteger(values.get("-w") ?? "", 65535) ?? 0,
    },
  };
}
