import { create } from "zustand";
import type { Timeouts } from "../domain/kernel/timeouts";
import type { TableReading } from "../domain/table/table-reader";
import {
  MAX_TEXT_BYTES,
  requestPorts,
  type TableReply,
  type TableRequest,
  type WorkerStop,
} from "./protocol";

/**
 * Plain files from this size on are read by two workers, one half each, when the browser reports
 * two cores or more: the bench's 162.8 MiB in 8.1 s instead of 12.4 s on 2 cores, back to back,
 * when it was introduced (docs/performance.md). Below it the halves' merge is not worth it.
 */
const SPLIT_MIN_BYTES = 8 * 1024 * 1024;

/**
 * The page shows the workers' progress at most this often (ms). Each showing restyles and lays out
 * the page; at every worker message (three workers, each every 50 ms) that took a fifth of a core
 * from the workers on 2 cores (the bench).
 */
const PROGRESS_SHOWN_EVERY_MS = 250;

/** Bytes searched for a newline after a file's middle: a line is under 16 KiB (table-reader.ts). */
const SPLIT_SEARCH_BYTES = 64 * 1024;

/**
 * One reading of a table, held in this page's memory only: never in the URL, a link, storage or
 * the network. Clear (or a reload) forgets it. `timeouts` are those the idle times were computed
 * against (the fields' values when reading began), kept with the result so a later what-if does
 * not change the idle times it is judged by.
 */
export type TableSession =
  | { readonly status: "idle" }
  | {
      readonly status: "reading";
      readonly source: "file" | "paste";
      readonly name: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly entries: number;
    }
  | {
      readonly status: "done";
      readonly source: "file" | "paste";
      readonly name: string;
      readonly reading: TableReading;
      readonly bytesRead: number;
      readonly stopped: WorkerStop | null;
      readonly timeouts: Timeouts;
    }
  | {
      readonly status: "failed";
      readonly source: "file" | "paste";
      readonly name: string;
      readonly stopped: WorkerStop;
    }
  | { readonly status: "cancelled"; readonly name: string };

export const useTableSession = create<TableSession>()(() => ({ status: "idle" }));

let workers: readonly Worker[] = [];

/**
 * Workers started before a file is chosen (prepareTableWorkers), so that a reading does not wait
 * for one to load and compile its module: 170 ms of the bench's 3 s on 2 cores.
 */
let spare: Worker[] = [];

const newWorker = () => new Worker(new URL("./table-worker.ts", import.meta.url), { type: "module" });

/** Starts the workers the next reading will take: three when the browser reports two cores (fileRequests). */
export function prepareTableWorkers(): void {
  const count = navigator.hardwareConcurrency >= 2 ? 3 : 1;
  while (spare.length < count) spare.push(newWorker());
}

/** Ends the workers started and not taken (the panel is gone). */
export function releaseTableWorkers(): void {
  for (const worker of spare) worker.terminate();
  spare = [];
}

/** Counts the readings begun, so a file whose gzip check finishes after Cancel or Clear is not read. */
let turn = 0;

function stopWorker(): void {
  turn += 1;
  for (const worker of workers) worker.terminate();
  workers = [];
}

/**
 * Starts one worker per request (fileRequests); only the first's `done` is the result (a second
 * half's parser gives its reading to the first, a feeding worker only feeds).
 */
function start(
  requests: readonly TableRequest[],
  timeouts: Timeouts,
  source: "file" | "paste",
  name: string,
  totalBytes: number,
): void {
  stopWorker();
  useTableSession.setState({ status: "reading", source, name, bytesRead: 0, totalBytes, entries: 0 }, true);
  const current = requests.map(() => spare.pop() ?? newWorker());
  workers = current;
  // Each worker's latest progress, summed (bytes from the feeding worker, entries from the parsing
  // ones). A first half that must read the whole file again starts over from 0 while the feeding
  // worker's count stays, so the bytes are held at the total.
  const progress = current.map(() => ({ bytesRead: 0, entries: 0 }));
  let lastShown = 0;
  const fail = (stopped: WorkerStop) => {
    stopWorker();
    useTableSession.setState({ status: "failed", source, name, stopped }, true);
  };
  current.forEach((worker, index) => {
    worker.onmessage = (event: MessageEvent<TableReply>) => {
      if (workers !== current) return;
      const reply = event.data;
      if (reply.kind === "progress") {
        progress[index] = { bytesRead: reply.bytesRead, entries: reply.entries };
        const now = performance.now();
        if (now - lastShown < PROGRESS_SHOWN_EVERY_MS) return;
        lastShown = now;
        useTableSession.setState({
          bytesRead: Math.min(
            totalBytes,
            progress.reduce((sum, p) => sum + p.bytesRead, 0),
          ),
          entries: progress.reduce((sum, p) => sum + p.entries, 0),
        });
      } else if (reply.kind === "failed") fail(reply.stopped);
      else if (index === 0) {
        stopWorker();
        useTableSession.setState(
          {
            status: "done",
            source,
            name,
            reading: reply.reading,
            bytesRead: reply.bytesRead,
            stopped: reply.stopped,
            timeouts,
          },
          true,
        );
      }
    };
    worker.onerror = () => {
      if (workers === current) fail("read");
    };
  });
  requests.forEach((request, index) => {
    current[index]?.postMessage(request, requestPorts(request));
  });
}

/** gzip's magic bytes (RFC 1952, ID1 ID2 = 0x1f 0x8b). */
async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Where a plain file is cut in two: just after the first newline at or after its middle, or null
 * (too small to be worth a second worker, too large for MAX_TEXT_BYTES to be judged per part, a
 * single core, or no newline near the middle).
 */
async function splitPoint(file: Blob): Promise<number | null> {
  if (file.size < SPLIT_MIN_BYTES || file.size > MAX_TEXT_BYTES || navigator.hardwareConcurrency < 2) {
    return null;
  }
  const middle = Math.floor(file.size / 2);
  const bytes = new Uint8Array(await file.slice(middle, middle + SPLIT_SEARCH_BYTES).arrayBuffer());
  const newline = bytes.indexOf(0x0a);
  return newline < 0 ? null : middle + newline + 1;
}

/**
 * The requests for a file, when the browser reports two cores: a gzip one inflated by one worker
 * and read by another; a large plain one read in two halves by two workers, fed by a third; else
 * one worker reads it.
 */
async function fileRequests(file: File, timeouts: Timeouts): Promise<TableRequest[]> {
  const gzip = await isGzip(file);
  if (gzip && navigator.hardwareConcurrency >= 2) {
    const { port1, port2 } = new MessageChannel();
    return [
      { kind: "parse", port: port1, totalBytes: file.size, timeouts, part: { role: "only" } },
      { kind: "feed", sources: [{ file, gzip: true, port: port2 }] },
    ];
  }
  const splitAt = gzip ? null : await splitPoint(file);
  if (splitAt === null) return [{ kind: "file", file, gzip, timeouts }];
  const first = new MessageChannel();
  const second = new MessageChannel();
  const peers = new MessageChannel();
  return [
    {
      kind: "parse",
      port: first.port1,
      totalBytes: file.size,
      timeouts,
      part: { role: "first", peer: peers.port1, file },
    },
    {
      kind: "parse",
      port: second.port1,
      totalBytes: file.size,
      timeouts,
      part: { role: "second", peer: peers.port2 },
    },
    {
      kind: "feed",
      sources: [
        { file: file.slice(0, splitAt), gzip: false, port: first.port2 },
        { file: file.slice(splitAt), gzip: false, port: second.port2 },
      ],
    },
  ];
}

/**
 * Reads a chosen or dropped file in workers; gzip is told by its magic bytes, not its name. A
 * large plain file is read in two halves by two workers at once, a gzip one inflated by one worker
 * and read by another, each fed by a worker that only fetches the file (fileRequests).
 */
export function readTableFile(file: File, timeouts: Timeouts): void {
  stopWorker();
  const mine = turn;
  useTableSession.setState(
    { status: "reading", source: "file", name: file.name, bytesRead: 0, totalBytes: file.size, entries: 0 },
    true,
  );
  void fileRequests(file, timeouts).then(
    (requests) => {
      if (mine === turn) start(requests, timeouts, "file", file.name, file.size);
    },
    () =>
      useTableSession.setState({ status: "failed", source: "file", name: file.name, stopped: "read" }, true),
  );
}

/** Reads the entry lines pasted into the paste box, the same way. */
export function readTableText(text: string, timeouts: Timeouts): void {
  start([{ kind: "text", text, timeouts }], timeouts, "paste", "", text.length);
}

/** Stops a reading under way; what was on the page stays. */
export function cancelTableReading(): void {
  const state = useTableSession.getState();
  stopWorker();
  if (state.status === "reading") useTableSession.setState({ status: "cancelled", name: state.name }, true);
}

/** Forgets the table. */
export function clearTable(): void {
  stopWorker();
  useTableSession.setState({ status: "idle" }, true);
}
