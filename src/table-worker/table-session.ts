import { create } from "zustand";
import type { Timeouts } from "../domain/kernel/timeouts";
import type { TableReading } from "../domain/table/table-reader";
import type { TableReply, TableRequest, WorkerStop } from "./protocol";

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

let worker: Worker | null = null;
/** Counts the readings begun, so a file whose gzip check finishes after Cancel or Clear is not read. */
let turn = 0;

function stopWorker(): void {
  turn += 1;
  worker?.terminate();
  worker = null;
}

function start(request: TableRequest, source: "file" | "paste", name: string, totalBytes: number): void {
  stopWorker();
  useTableSession.setState({ status: "reading", source, name, bytesRead: 0, totalBytes, entries: 0 }, true);
  const current = new Worker(new URL("./table-worker.ts", import.meta.url), { type: "module" });
  worker = current;
  current.onmessage = (event: MessageEvent<TableReply>) => {
    if (worker !== current) return;
    const reply = event.data;
    if (reply.kind === "progress") {
      useTableSession.setState({ bytesRead: reply.bytesRead, entries: reply.entries });
      return;
    }
    stopWorker();
    useTableSession.setState(
      reply.kind === "done"
        ? {
            status: "done",
            source,
            name,
            reading: reply.reading,
            bytesRead: reply.bytesRead,
            stopped: reply.stopped,
            timeouts: request.timeouts,
          }
        : { status: "failed", source, name, stopped: reply.stopped },
      true,
    );
  };
  current.onerror = () => {
    if (worker !== current) return;
    stopWorker();
    useTableSession.setState({ status: "failed", source, name, stopped: "read" }, true);
  };
  current.postMessage(request);
}

/** gzip's magic bytes (RFC 1952, ID1 ID2 = 0x1f 0x8b). */
async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** Reads a chosen or dropped file in the worker; gzip is told by its magic bytes, not its name. */
export function readTableFile(file: File, timeouts: Timeouts): void {
  stopWorker();
  const mine = turn;
  useTableSession.setState(
    { status: "reading", source: "file", name: file.name, bytesRead: 0, totalBytes: file.size, entries: 0 },
    true,
  );
  void isGzip(file).then(
    (gzip) => {
      if (mine === turn) start({ kind: "file", file, gzip, timeouts }, "file", file.name, file.size);
    },
    () =>
      useTableSession.setState({ status: "failed", source: "file", name: file.name, stopped: "read" }, true),
  );
}

/** Reads the entry lines pasted into the paste box, the same way. */
export function readTableText(text: string, timeouts: Timeouts): void {
  start({ kind: "text", text, timeouts }, "paste", "", text.length);
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
