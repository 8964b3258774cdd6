import type { ConntrackStats, Diagnostics, LineKind, LineNote, UnavailableSource } from "./dump";

/** The state the line readers share while one dump is parsed, and the first-value-wins setters. */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface LineRecord {
  lineNumber: number;
  text: string;
  kind: LineKind;
  note?: LineNote;
}

/** What the last command line makes of a bare number or a `free` row after it. */
export type Expectation =
  | { readonly field: "page" | "max" | "buckets" | "count" }
  | { readonly field: "timeout"; readonly key: string };

export type FreeUnit = "bytes" | "kib" | "unsupported";

export interface StatBlock {
  readonly source: ConntrackStats["source"];
  rows: number;
  readonly cpuIds: Set<number>;
  readonly sums: Map<string, number>;
  entries?: number;
}

export interface ParseState {
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
  tableFullNetnsCount: number | null;
  tableFullNetnsLogLines: number;
  /** Messages per namespace inode from `table full in netns <inum>` log lines. */
  readonly netnsLogLines: Map<number, number>;
  /** The collector's own per-namespace counts (`table_full_in_netns <inum>: N`); they beat the log lines. */
  netnsCounts: Map<number, number> | null;
  suppressed: number | null;
  readonly unavailable: Set<UnavailableSource>;
}

export type Reader = (
  state: ParseState,
  line: string,
  tokens: readonly string[],
  record: LineRecord,
) => boolean;

export const FIELD_OF = {
  max: "conntrackMax",
  buckets: "conntrackBuckets",
  count: "conntrackCount",
} as const;

type NumberField = "conntrackMax" | "conntrackBuckets" | "conntrackCount" | "pageBytes";

export function setField(state: ParseState, record: LineRecord, field: NumberField, value: number): void {
  const previous = state.out[field];
  if (previous === undefined) state.out[field] = value;
  else record.note = previous === value ? "duplicate" : "conflict";
}

export function setTimeoutValue(state: ParseState, record: LineRecord, key: string, value: number): void {
  const previous = Object.prototype.hasOwnProperty.call(state.timeouts, key)
    ? state.timeouts[key]
    : undefined;
  if (previous === undefined) state.timeouts[key] = value;
  else record.note = previous === value ? "duplicate" : "conflict";
}
