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
 * or a pasted text.
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
  | { readonly kind: "text"; readonly text: string; readonly timeouts: Timeouts };

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
