import type { Timeouts } from "../domain/kernel/timeouts";
import type { TableReading } from "../domain/table/table-reader";

/**
 * Text read at most (1 GiB): about 5 million entries, 20 times the largest default table
 * (262,144 entries) — beyond that reading stops and says so, rather than working on without end.
 */
export const MAX_TEXT_BYTES = 1024 * 1024 * 1024;

/**
 * What the page asks a table worker:
 * - `file`: read a file (gzip or not) alone;
 * - `text`: read a pasted text;
 * - `feed`: stream files' text (inflated when gzip), each to its parsing worker over its `port`
 *   (TextPortMessage). A worker busy parsing cannot fetch the next bytes of its file meanwhile, so a
 *   third, idle, worker fetches them for it;
 * - `parse`: read the text fed over `port`, as the whole file (`only`) or as one of a plain file's
 *   two halves: the `second` gives its reading to the `first` over `peer`, which merges the two,
 *   or reads the whole `file` itself if they cannot be merged (mergeTableReadings).
 */
export type TableRequest =
  | { readonly kind: "file"; readonly file: Blob; readonly gzip: boolean; readonly timeouts: Timeouts }
  | { readonly kind: "text"; readonly text: string; readonly timeouts: Timeouts }
  | {
      readonly kind: "feed";
      readonly sources: readonly {
        readonly file: Blob;
        readonly gzip: boolean;
        readonly port: MessagePort;
      }[];
    }
  | {
      readonly kind: "parse";
      readonly port: MessagePort;
      readonly totalBytes: number;
      readonly timeouts: Timeouts;
      readonly part:
        | { readonly role: "only" }
        | { readonly role: "first"; readonly peer: MessagePort; readonly file: Blob }
        | { readonly role: "second"; readonly peer: MessagePort };
    };

/** The ports a request carries, to be transferred with it. */
export function requestPorts(request: TableRequest): MessagePort[] {
  if (request.kind === "feed") return request.sources.map((source) => source.port);
  if (request.kind !== "parse") return [];
  return request.part.role === "only" ? [request.port] : [request.port, request.part.peer];
}

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

/** What the second half's parsing worker gives the first's, over their MessagePort. */
export interface PartReading {
  readonly reading: TableReading;
  readonly bytesRead: number;
  readonly stopped: WorkerStop | null;
}

/** What the feeding worker hands a parsing one: text, then how it ended. */
export type TextPortMessage =
  | { readonly kind: "chunk"; readonly chunk: Uint8Array }
  | { readonly kind: "end"; readonly bytesRead: number; readonly stopped: WorkerStop | null };

/** What a parsing worker answers: a chunk read (`read`), or that it reads no more (`stop`). */
export type ParsePortMessage = { readonly kind: "read" } | { readonly kind: "stop" };
