import { createTableReader } from "../domain/table/table-reader";
import type { TableReply, TableRequest, WorkerStop } from "./protocol";

/**
 * Text read at most (1 GiB): about 5 million entries, 20 times the largest default table
 * (262,144 entries) — beyond that reading stops and says so, rather than working on without end.
 */
const MAX_TEXT_BYTES = 1024 * 1024 * 1024;

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

const post = (reply: TableReply) => {
  postMessage(reply);
};

async function readFile(request: Extract<TableRequest, { kind: "file" }>) {
  const reader = createTableReader(request.timeouts);
  let bytesRead = 0;
  let textBytes = 0;
  let lastPost = 0;
  let stopped: WorkerStop | null = null;
  const counted = request.file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  // DecompressionStream takes any BufferSource; the chunks here are Uint8Array.
  const bytes = request.gzip
    ? counted.pipeThrough(new DecompressionStream("gzip") as ReadableWritablePair<Uint8Array, Uint8Array>)
    : counted;
  const decoder = new TextDecoder("utf-8");
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
      if (stopped || !reader.push(decoder.decode(value, { stream: true }))) {
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
    return;
  }
  if (!stopped) reader.push(decoder.decode());
  post({ kind: "done", reading: reader.finish(), bytesRead, stopped });
}

function readText(request: Extract<TableRequest, { kind: "text" }>) {
  const reader = createTableReader(request.timeouts);
  reader.push(request.text);
  post({ kind: "done", reading: reader.finish(), bytesRead: request.text.length, stopped: null });
}

onmessage = (event: MessageEvent<TableRequest>) => {
  const request = event.data;
  if (request.kind === "file") void readFile(request);
  else readText(request);
};
