import type { Timeouts } from "../domain/kernel/timeouts";
import type { TableReading } from "../domain/table/table-reader";

/** What the page asks the table worker: read a file (gzip or not) or a pasted text. */
export type TableRequest =
  | { readonly kind: "file"; readonly file: Blob; readonly gzip: boolean; readonly timeouts: Timeouts }
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
