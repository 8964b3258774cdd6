import type { Timeouts } from "../domain/kernel/timeouts";
import type { TableReading } from "../domain/table/table-reader";

/**
 * Text read at most (1 GiB): about 5 million entries, 20 times the largest default table
 * (262,144 entries) — beyond that reading stops and says so, rather than working on without end.
 */
export const MAX_TEXT_BYTES = 1024 * 1024 * 1024;

/**
 * What the page asks the table worker: read a file (gzip or not), one of a plain file's two parts
 * (split after the newline that ends at `splitAt`: the first part's worker takes the second's
 * reading over `port`, merges the two, and reads the whole file itself if they cannot be merged),
 * a pasted text, or a gzip file in two workers: one inflates it and hands the text over `port` to
 * the other, which reads it (the parsing worker's `done` is the result).
 */
export type TableRequest =
  | { readonly kind: "file"; readonly file: Blob; readonly gzip: boolean; readonly timeouts: Timeouts }
  | {
      readonly kind: "part";
      readonly part: "first" | "second";
      readonly file: Blob;
      readonly splitAt: number;
      readonly port: MessagePort;
      readonly timeouts: Timeouts;
    }
  | { readonly kind: "text"; readonly text: string; readonly timeouts: Timeouts }
  | { readonly kind: "inflate"; readonly file: Blob; readonly port: MessagePort }
  | {
      readonly kind: "parse";
      readonly port: MessagePort;
      readonly totalBytes: number;
      readonly timeouts: Timeouts;
    };

/**
 * Why reading stopped before the end, beyond the reader's own reasons (binary, not-a-table):
 * - too-large: more text than MAX_TEXT_BYTES;
 * - gzip-bomb: the text grew more than MAX_GZIP_RATIO times the compressed bytes read;
 * - gzip: the file is not valid gzip;
 * - read: the browser could not read the file.
 */
export type WorkerStop = "too-large" | "gzip-bomb" | "gzip" | "read";

export type TableReply =
  | {
      readonly kind: "progress";
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly entries: number;
      readonly lines: number;
    }
  | {
      readonly kind: "done";
      readonly reading: TableReading;
      readonly bytesRead: number;
      readonly stopped: WorkerStop | null;
    }
  | { readonly kind: "failed"; readonly stopped: WorkerStop };

/** What the second part's worker gives the first's, over their MessagePort. */
export interface PartReading {
  readonly reading: TableReading;
  readonly bytesRead: number;
  readonly stopped: WorkerStop | null;
}

/** What the inflating worker hands the parsing one: text, then how it ended. */
export type TextPortMessage =
  | { readonly kind: "chunk"; readonly chunk: Uint8Array }
  | { readonly kind: "end"; readonly bytesRead: number; readonly stopped: WorkerStop | null };

/** What the parsing worker answers: a chunk read (`read`), or that it read no more (`stop`). */
export type ParsePortMessage = { readonly kind: "read" } | { readonly kind: "stop" };
