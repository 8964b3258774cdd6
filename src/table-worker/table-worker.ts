import { createTableReader, mergeTableReadings } from "../domain/table/table-reader";
import {
  MAX_TEXT_BYTES,
  type ParsePortMessage,
  type PartReading,
  type TableReply,
  type TextPortMessage,
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

/** How a file's text ended: the (compressed) bytes read, and why it stopped early, if it did. */
interface TextEnd {
  readonly bytesRead: number;
  readonly stopped: WorkerStop | null;
}

/**
 * Streams a file's text (through gzip when `gzip`) in chunks to `take` until its end, a limit
 * (MAX_TEXT_BYTES, MAX_GZIP_RATIO) or `take` answering false; null when it could not be read (then
 * `failed` was posted).
 */
async function streamText(
  file: Blob,
  gzip: boolean,
  take: (chunk: Uint8Array, bytesRead: number) => boolean | Promise<boolean>,
): Promise<TextEnd | null> {
  let bytesRead = 0;
  let textBytes = 0;
  let stopped: WorkerStop | null = null;
  // Only gzip needs the compressed bytes counted as the decompressor takes them (sliced); a plain
  // file's stream is read as the browser gives it (slicing it cost a tenth of the reading).
  const source = gzip
    ? sliced(file.stream(), (bytes) => {
        bytesRead += bytes;
      })
        // DecompressionStream takes any BufferSource; the chunks here are Uint8Array.
        .pipeThrough(new DecompressionStream("gzip") as ReadableWritablePair<Uint8Array, Uint8Array>)
        .getReader()
    : file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await source.read();
      if (done) break;
      textBytes += value.byteLength;
      if (!gzip) bytesRead = textBytes;
      if (textBytes > MAX_TEXT_BYTES) stopped = "too-large";
      else if (gzip && textBytes > GZIP_RATIO_AFTER_BYTES && textBytes > MAX_GZIP_RATIO * bytesRead) {
        stopped = "gzip-bomb";
      }
      if (stopped || !(await take(value, bytesRead))) {
        await source.cancel();
        break;
      }
    }
  } catch {
    post({ kind: "failed", stopped: gzip ? "gzip" : "read" });
    return null;
  }
  return { bytesRead, stopped };
}

/** Posts progress at most every PROGRESS_EVERY_MS. */
function progressPoster(totalBytes: number) {
  let lastPost = 0;
  return (bytesRead: number, counts: { entries: number; lines: number }) => {
    const now = Date.now();
    if (now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    post({ kind: "progress", bytesRead, totalBytes, entries: counts.entries, lines: counts.lines });
  };
}

/**
 * Chunks of text handed to a parsing worker and not yet read, at most: the feeding worker waits
 * beyond, so the text in flight stays within a few MiB whichever side is faster.
 */
const MAX_CHUNKS_IN_FLIGHT = 32;

/** Streams one file's text to its parsing worker over `port`; the compressed bytes read go to `onBytes`. */
async function feedOne(
  source: { readonly file: Blob; readonly gzip: boolean; readonly port: MessagePort },
  onBytes: (bytesRead: number) => void,
) {
  const { file, gzip, port } = source;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let parserStopped = false;
  port.onmessage = (event: MessageEvent<ParsePortMessage>) => {
    if (event.data.kind === "stop") parserStopped = true;
    else inFlight -= 1;
    wake?.();
    wake = null;
  };
  const end = await streamText(file, gzip, async (chunk, bytesRead) => {
    // A chunk that is the whole of its buffer is moved, not copied.
    const own =
      chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
    port.postMessage({ kind: "chunk", chunk: own } satisfies TextPortMessage, [own.buffer]);
    inFlight += 1;
    onBytes(bytesRead);
    while (inFlight >= MAX_CHUNKS_IN_FLIGHT && !parserStopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    return !parserStopped;
  });
  if (end) port.postMessage({ kind: "end", ...end } satisfies TextPortMessage);
}

/** Feeds each source's text to its parsing worker, all at once, posting the bytes read as progress. */
async function feed(request: Extract<TableRequest, { kind: "feed" }>) {
  const { sources } = request;
  const progress = progressPoster(sources.reduce((sum, source) => sum + source.file.size, 0));
  const read = sources.map(() => 0);
  await Promise.all(
    sources.map((source, index) =>
      feedOne(source, (bytesRead) => {
        read[index] = bytesRead;
        progress(
          read.reduce((sum, n) => sum + n, 0),
          { entries: 0, lines: 0 },
        );
      }),
    ),
  );
}

/** Reads the text fed over `port` to its end or a stop: the reading, how the text ended, and whether the reader stopped it. */
function parseFed(request: Extract<TableRequest, { kind: "parse" }>, whole: boolean): Promise<PartReading> {
  const { port, totalBytes } = request;
  const reader = createTableReader(request.timeouts);
  const progress = progressPoster(totalBytes);
  return new Promise((resolve) => {
    port.onmessage = (event: MessageEvent<TextPortMessage>) => {
      const message = event.data;
      if (message.kind === "chunk") {
        if (reader.push(message.chunk)) {
          port.postMessage({ kind: "read" } satisfies ParsePortMessage);
          progress(0, reader.progress());
          return;
        }
        // Not a table (or binary): the reading ends here, and the feeding of this text with it.
        port.postMessage({ kind: "stop" } satisfies ParsePortMessage);
        port.onmessage = null;
        resolve({ reading: reader.finish(whole), bytesRead: 0, stopped: null });
        return;
      }
      port.onmessage = null;
      resolve({ reading: reader.finish(whole), bytesRead: message.bytesRead, stopped: message.stopped });
    };
  });
}

/**
 * Reads fed text: the whole file (posting the reading), or one half of a plain file. The second
 * half's worker gives its reading to the first's, which merges the two or, when one reading of the
 * whole might differ (mergeTableReadings), reads the whole file itself.
 */
async function parse(request: Extract<TableRequest, { kind: "parse" }>) {
  const { part } = request;
  if (part.role === "only") {
    post({ kind: "done", ...(await parseFed(request, false)) });
    return;
  }
  if (part.role === "second") {
    part.peer.postMessage((await parseFed(request, true)) satisfies PartReading);
    return;
  }
  const second = new Promise<PartReading>((resolve) => {
    part.peer.onmessage = (event: MessageEvent<PartReading>) => {
      resolve(event.data);
    };
  });
  const first = await parseFed(request, true);
  const other = await second;
  const reading = first.stopped || other.stopped ? null : mergeTableReadings(first.reading, other.reading);
  if (reading) {
    post({ kind: "done", reading, bytesRead: first.bytesRead + other.bytesRead, stopped: null });
    return;
  }
  await readFile({ kind: "file", file: part.file, gzip: false, timeouts: request.timeouts });
}

/** Reads a file alone, to its end or a stop, posting progress and then the reading. */
async function readFile(request: Extract<TableRequest, { kind: "file" }>) {
  const reader = createTableReader(request.timeouts);
  const progress = progressPoster(request.file.size);
  const end = await streamText(request.file, request.gzip, (chunk, bytesRead) => {
    if (!reader.push(chunk)) return false;
    progress(bytesRead, reader.progress());
    return true;
  });
  if (end) post({ kind: "done", reading: reader.finish(), ...end });
}

function readText(request: Extract<TableRequest, { kind: "text" }>) {
  const reader = createTableReader(request.timeouts);
  reader.push(request.text);
  post({ kind: "done", reading: reader.finish(), bytesRead: request.text.length, stopped: null });
}

onmessage = (event: MessageEvent<TableRequest>) => {
  const request = event.data;
  if (request.kind === "file") void readFile(request);
  else if (request.kind === "feed") void feed(request);
  else if (request.kind === "parse") void parse(request);
  else readText(request);
};
