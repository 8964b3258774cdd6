import type { Timeouts } from "../domain/kernel/timeouts";
import { createTableReader, mergeTableReadings } from "../domain/table/table-reader";
import {
  MAX_TEXT_BYTES,
  type PartReading,
  type TableReply,
  type TableRequest,
  type WorkerStop,
} from "./protocol";

/**
 * Expansion ratio that marks a gzip bomb: conntrack listings compress about 8 to 15 times with
 * gzip -6 (the lab's dumps: 9.6); past the first MiBs, text over 100 times the compressed bytes
 * is not a listing.
 */
const MAX_GZIP_RATIO = 100;
/** Text read before the ratio is checked: small files compress unevenly. */
const GZIP_RATIO_AFTER_BYTES = 16 * 1024 * 1024;

/** Progress is posted at most this often (ms): enough for a smooth bar, little work for the page. */
const PROGRESS_EVERY_MS = 50;

/**
 * Compressed bytes handed on at most this many at a time. Chromium gives a file's stream in chunks
 * of up to megabytes, so a count taken as chunks arrive ran ahead of what the decompressor had
 * consumed: a 780 KB gzip of one entry line (257 times) was judged against all 780 KB and read
 * 78 MB before the ratio caught it. In 64 KiB slices, pulled only when the decompressor asks
 * (highWaterMark 0), the count stays within a slice or two of what was consumed.
 */
const SLICE_BYTES = 64 * 1024;

/** The stream in slices of at most SLICE_BYTES, each counted with `onBytes` as it is pulled. */
function sliced(source: ReadableStream<Uint8Array>, onBytes: (bytes: number) => void) {
  const reader = source.getReader();
  let pending: Uint8Array = new Uint8Array(0);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (pending.byteLength === 0) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          pending = value;
        }
        const piece = pending.subarray(0, SLICE_BYTES);
        pending = pending.subarray(piece.byteLength);
        onBytes(piece.byteLength);
        controller.enqueue(piece);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

const post = (reply: TableReply) => {
  postMessage(reply);
};

/**
 * Reads a blob to its end (or a stop), posting progress; null when it could not be read (then
 * `failed` was posted). `whole`: the top lists with every counter, for mergeTableReadings.
 */
async function readBlob(
  request: { readonly file: Blob; readonly gzip: boolean; readonly timeouts: Timeouts },
  whole: boolean,
): Promise<PartReading | null> {
  const reader = createTableReader(request.timeouts);
  let bytesRead = 0;
  let textBytes = 0;
  let lastPost = 0;
  let stopped: WorkerStop | null = null;
  const counted = sliced(request.file.stream(), (bytes) => {
    bytesRead += bytes;
  });
  // DecompressionStream takes any BufferSource; the chunks here are Uint8Array.
  const bytes = request.gzip
    ? counted.pipeThrough(new DecompressionStream("gzip") as ReadableWritablePair<Uint8Array, Uint8Array>)
    : counted;
  const source = bytes.getReader();
  try {
    for (;;) {
      const { done, value } = await source.read();
      if (done) break;
      textBytes += value.byteLength;
      if (textBytes > MAX_TEXT_BYTES) stopped = "too-large";
      else if (request.gzip && textBytes > GZIP_RATIO_AFTER_BYTES && textBytes > MAX_GZIP_RATIO * bytesRead) {
        stopped = "gzip-bomb";
      }
      if (stopped || !reader.push(value)) {
        await source.cancel();
        break;
      }
      const now = Date.now();
      if (now - lastPost >= PROGRESS_EVERY_MS) {
        lastPost = now;
        post({ kind: "progress", bytesRead, totalBytes: request.file.size, ...reader.progress() });
      }
    }
  } catch {
    post({ kind: "failed", stopped: request.gzip ? "gzip" : "read" });
    return null;
  }
  return { reading: reader.finish(whole), bytesRead, stopped };
}

async function readFile(request: Extract<TableRequest, { kind: "file" }>) {
  const read = await readBlob(request, false);
  if (read) post({ kind: "done", ...read });
}

/**
 * One part of a plain file. The second posts its reading to the first; the first merges the two,
 * or, when one reading of the whole might differ (mergeTableReadings), reads the whole file.
 */
async function readPart(request: Extract<TableRequest, { kind: "part" }>) {
  const { file, splitAt, port, timeouts } = request;
  if (request.part === "second") {
    const read = await readBlob({ file: file.slice(splitAt), gzip: false, timeouts }, true);
    if (read) port.postMessage(read satisfies PartReading);
    return;
  }
  const second = new Promise<PartReading>((resolve) => {
    port.onmessage = (event: MessageEvent<PartReading>) => {
      resolve(event.data);
    };
  });
  const first = await readBlob({ file: file.slice(0, splitAt), gzip: false, timeouts }, true);
  if (!first) return;
  const other = await second;
  const reading = first.stopped || other.stopped ? null : mergeTableReadings(first.reading, other.reading);
  if (reading) {
    post({ kind: "done", reading, bytesRead: first.bytesRead + other.bytesRead, stopped: null });
    return;
  }
  await readFile({ kind: "file", file, gzip: false, timeouts });
}

function readText(request: Extract<TableRequest, { kind: "text" }>) {
  const reader = createTableReader(request.timeouts);
  reader.push(request.text);
  post({ kind: "done", reading: reader.finish(), bytesRead: request.text.length, stopped: null });
}

onmessage = (event: MessageEvent<TableRequest>) => {
  const request = event.data;
  if (request.kind === "file") void readFile(request);
  else if (request.kind === "part") void readPart(request);
  else readText(request);
};
