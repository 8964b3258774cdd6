import { lazy, startTransition, useEffect, useMemo, useState, type DragEvent } from "react";
import { formatBinaryBytes, formatInteger } from "../domain/core/format";
import { readTimeouts } from "../domain/kernel/timeouts";
import { timeoutRaw } from "../domain/sizing/fields";
import { readInputs } from "../domain/sizing/inputs";
import { tableFindings } from "../domain/table/findings";
import {
  canNotrack,
  computeNotrackServices,
  renderNotrackIptables,
  renderNotrackNft,
} from "../domain/table/notrack";
import type { TopList } from "../domain/table/space-saving";
import type { TableReading } from "../domain/table/table-reader";
import type { TableStats } from "../domain/table/table-stats";
import { TABLE, type TableMessages } from "../i18n/parts/table";
import { useCalcStore } from "../store/calc-store";
import { useMessages, usePart } from "../store/messages";
import {
  cancelTableReading,
  clearTable,
  prepareTableWorkers,
  releaseTableWorkers,
  readTableFile,
  readTableText,
  useTableSession,
} from "../table-worker/table-session";
import { ConfigBlock } from "./config-block";
import { LazyPart } from "./load-boundary";
import { CopySummary, StaleDelete, TimeoutWhatIfs, UseAsMax } from "./table-fixes";

// Recharts loads with the idle-time chart, once a table was read.
const IdleChart = lazy(() => import("./table-idle-chart").then((module) => ({ default: module.IdleChart })));

/**
 * A line of a table listing in the paste box: a tuple (`src=… dst=…`), an XML flow or a -o save
 * line. Only then is the paste read as a table.
 */
const TABLE_LINE = /(?:^|\s)src=\S+\s+dst=\S+|<flow>|^-A -t \d+/m;

/** The paste box is read this long after its last change, as calc-store's own reading. */
const PASTE_READ_DELAY_MS = 150;

/** The host's timeouts now: the fields' values (a paste's sysctls, or typed), else the kernel's defaults. */
function currentTimeouts() {
  const { validRaw } = useCalcStore.getState();
  return readTimeouts(timeoutRaw(validRaw), readInputs(validRaw).kernel).values;
}

export function TablePanel() {
  const words = usePart(TABLE);
  const session = useTableSession();
  const paste = useCalcStore((state) => state.paste);
  const [dragging, setDragging] = useState(false);

  // Workers ready before a file is chosen, and again once a reading has ended.
  const reading = session.status === "reading";
  useEffect(() => {
    if (!reading) prepareTableWorkers();
  }, [reading]);
  useEffect(() => releaseTableWorkers, []);

  useEffect(() => {
    if (!TABLE_LINE.test(paste)) {
      // The box no longer holds a table: forget a table read from it (a file's stays).
      const current = useTableSession.getState();
      if ("source" in current && current.source === "paste") clearTable();
      return;
    }
    const timer = setTimeout(() => readTableText(paste, currentTimeouts()), PASTE_READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [paste]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) readTableFile(file, currentTimeouts());
  };

  return (
    <section className="table-read" aria-labelledby="table-heading">
      <p className="block-why">{words.intro}</p>
      <HostCommands words={words} />
      <div
        className={dragging ? "drop-zone dragging" : "drop-zone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="table-file">{words.fileLabel}</label>
        <input
          id="table-file"
          name="table-file"
          type="file"
          accept=".txt,.gz,.xml,.log,text/plain,application/gzip,application/xml"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) readTableFile(file, currentTimeouts());
            event.currentTarget.value = "";
          }}
        />
        <p className="field-hint">
          {words.dropHint}. {words.pasteNote}
        </p>
      </div>
      <SessionView words={words} />
      {session.status !== "idle" && session.status !== "reading" && (
        <button type="button" className="preset" onClick={clearTable}>
          {words.clear}
        </button>
      )}
    </section>
  );
}

function HostCommands({ words }: { words: TableMessages }) {
  return (
    <div className="command">
      <p className="command-label" id="table-commands-label">
        {words.commandsLabel}
      </p>
      <pre
        className="snippet"
        tabIndex={0}
        aria-labelledby="table-commands-label"
        data-testid="table-commands"
      >
        {[words.commands.conntrack, words.commands.proc, words.commands.ipv6].join("\n")}
      </pre>
      <ul className="notes">
        {words.commandNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

function SessionView({ words }: { words: TableMessages }) {
  const session = useTableSession();
  const { locale } = useMessages();
  switch (session.status) {
    case "idle":
      return null;
    case "reading": {
      const percent =
        session.totalBytes > 0
          ? Math.min(100, Math.floor((session.bytesRead / session.totalBytes) * 100))
          : 0;
      return (
        <div className="table-progress" aria-live="polite">
          <div
            role="progressbar"
            aria-label={words.progressLabel}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="progress-track"
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p>
            {words.progress({
              bytes: formatBinaryBytes(session.bytesRead),
              entries: session.entries,
            })}{" "}
            <button type="button" onClick={cancelTableReading}>
              {words.cancel}
            </button>
          </p>
        </div>
      );
    }
    case "cancelled":
      return (
        <p role="status" data-testid="table-status">
          {words.cancelled}
        </p>
      );
    case "failed":
      return (
        <p role="alert" data-testid="table-status">
          {words.stopped[session.stopped]}
        </p>
      );
    case "done":
      return (
        <TableResult
          words={words}
          reading={session.reading}
          name={session.name}
          stopped={session.stopped ?? session.reading.stopped}
          locale={locale}
        />
      );
  }
}

/**
 * The result's sections appear in this many steps after its totals and findings: top lists, then
 * rules, then idle times and fixes. Drawn at once, a large table's result was one task of 50-60 ms
 * (the bench, 2 cores); each later step renders in a transition, which React splits into short
 * tasks, and commits apart.
 */
const LAST_STAGE = 3;

/** How many of the later steps of this reading's result are drawn: 0 at first, then up to LAST_STAGE. */
function useStages(reading: TableReading): number {
  const [staged, setStaged] = useState({ reading, stage: 0 });
  const stage = staged.reading === reading ? staged.stage : 0;
  useEffect(() => {
    if (stage < LAST_STAGE) startTransition(() => setStaged({ reading, stage: stage + 1 }));
  }, [reading, stage]);
  return stage;
}

function TableResult({
  words,
  reading,
  name,
  stopped,
  locale,
}: {
  words: TableMessages;
  reading: TableReading;
  name: string;
  stopped: keyof TableMessages["stopped"] | null;
  locale: ReturnType<typeof useMessages>["locale"];
}) {
  const { stats } = reading;
  const n = (value: number) => formatInteger(value, locale);
  const max = useCalcStore((state) =>
    state.pasteReading?.status === "read" ? (state.pasteReading.diagnostics.conntrackMax ?? null) : null,
  );
  const findings = useMemo(() => tableFindings(stats, max), [stats, max]);
  // The services ticked for NOTRACK belong to this reading: a new table starts with none.
  const [ticked, setTicked] = useState<{ stats: TableStats; keys: readonly string[] }>({ stats, keys: [] });
  const picked = ticked.stats === stats ? ticked.keys : [];
  const togglePicked = (key: string, on: boolean) =>
    setTicked({ stats, keys: on ? [...picked, key] : picked.filter((k) => k !== key) });
  const stage = useStages(reading);
  const totals = [
    ["entries", stats.entries],
    ["skipped", reading.skipped],
    ["ipv4", stats.ipv4],
    ["ipv6", stats.ipv6],
    ["assured", stats.assured],
    ["unreplied", stats.unreplied],
    ["nat", stats.nat],
    ["offloaded", stats.offloaded],
  ] as const;
  return (
    <div className="table-result" data-testid="table-result" aria-busy={stage < LAST_STAGE}>
      {stopped && (
        <p role="alert" data-testid="table-status">
          {words.stopped[stopped]}
        </p>
      )}
      <p className="block-why">{words.source({ name })}</p>
      <h3>{words.totalsHeading}</h3>
      <dl className="table-totals">
        {totals.map(([key, value]) => (
          <div key={key}>
            <dt>{words.totals[key]}</dt>
            <dd data-testid={`table-${key}`} data-value={value}>
              {n(value)}
            </dd>
          </div>
        ))}
      </dl>
      {reading.summary && reading.summary.count !== stats.entries && (
        <p className="block-why">{words.summaryMismatch({ count: reading.summary.count })}</p>
      )}
      {reading.skippedSamples.length > 0 && (
        <ul className="notes" data-testid="table-skipped-lines">
          {reading.skippedSamples.map((line) => (
            <li key={line.lineNumber}>
              <code>{words.skippedLine({ line: line.lineNumber, text: line.text })}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="table-columns">
        <CountList heading={words.protocolsHeading} counts={stats.protocols} testId="table-proto" n={n} />
        <CountList heading={words.statesHeading} counts={stats.tcpStates} testId="table-state" n={n} />
        {(Object.keys(stats.zones).length > 0 || Object.keys(stats.marks).length > 0) && (
          <div>
            <h3>{words.zonesHeading}</h3>
            <ul className="counts">
              {Object.entries(stats.zones).map(([zone, count]) => (
                <li key={`z${zone}`} data-testid={`table-zone-${zone}`} data-value={count}>
                  {words.zone({ zone })}: {n(count)}
                </li>
              ))}
              {Object.entries(stats.marks).map(([mark, count]) => (
                <li key={`m${mark}`} data-testid={`table-mark-${mark}`} data-value={count}>
                  {words.mark({ mark })}: {n(count)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <h3>{words.findingsHeading}</h3>
      {findings.length === 0 ? (
        <p className="block-why">{words.noFindings}</p>
      ) : (
        <ul className="findings" data-testid="table-findings">
          {findings.map((finding, index) => (
            <li key={index} data-code={finding.code}>
              {(words.findings[finding.code] as (f: typeof finding) => string)(finding)}
            </li>
          ))}
        </ul>
      )}
      {stage >= 1 && (
        <div className="table-columns">
          <TopServices
            words={words}
            list={stats.services}
            entries={stats.entries}
            picked={picked}
            onToggle={togglePicked}
          />
          <TopAddresses
            heading={words.topHeading.sources}
            testId="table-top-sources"
            list={stats.sources}
            words={words}
            entries={stats.entries}
          />
          <TopAddresses
            heading={words.topHeading.destinations}
            testId="table-top-destinations"
            list={stats.destinations}
            words={words}
            entries={stats.entries}
          />
          <NatBackends words={words} list={stats.natPairs} />
        </div>
      )}
      {stage >= 2 && (
        <>
          <NotrackRules words={words} stats={stats} picked={picked} />
          <StaleDelete words={words} stats={stats} />
        </>
      )}
      {stage >= 3 && (
        <>
          <h3>{words.idleHeading}</h3>
          <p className="block-why">{words.idleIntro}</p>
          <LazyPart>
            <IdleChart idle={stats.idle} words={words} />
          </LazyPart>
          <TimeoutWhatIfs words={words} stats={stats} />
          <UseAsMax words={words} stats={stats} />
          <CopySummary words={words} reading={reading} findings={findings} />
        </>
      )}
    </div>
  );
}

function CountList({
  heading,
  counts,
  testId,
  n,
}: {
  heading: string;
  counts: Readonly<Record<string, number>>;
  testId: string;
  n: (value: number) => string;
}) {
  const rows = Object.entries(counts).sort(([, a], [, b]) => b - a);
  if (rows.length === 0) return null;
  return (
    <div>
      <h3>{heading}</h3>
      <ul className="counts">
        {rows.map(([key, count]) => (
          <li key={key}>
            {key}:{" "}
            <span data-testid={`${testId}-${key}`} data-value={count}>
              {n(count)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Approximate({ list, words }: { list: TopList; words: TableMessages }) {
  return list.exact ? null : <p className="field-hint">{words.approximate({ bound: list.errorBound })}</p>;
}

function TopServices({
  words,
  list,
  entries,
  picked,
  onToggle,
}: {
  words: TableMessages;
  list: TopList;
  entries: number;
  picked: readonly string[];
  onToggle: (key: string, on: boolean) => void;
}) {
  return (
    <div>
      <h3>{words.topHeading.services}</h3>
      <ol className="counts" data-testid="table-top-services">
        {list.items.map((item) => {
          const [protocol = "", port = ""] = item.key.split("|");
          const service = `${protocol}/${port}`;
          return (
            <li key={item.key} data-protocol={protocol} data-port={port} data-value={item.count}>
              {canNotrack(item.key) && (
                <input
                  type="checkbox"
                  aria-label={words.notrack.pick({ service })}
                  checked={picked.includes(item.key)}
                  onChange={(event) => onToggle(item.key, event.currentTarget.checked)}
                />
              )}{" "}
              {service}: {words.share({ count: item.count, share: item.count / entries })}
            </li>
          );
        })}
      </ol>
      <p className="field-hint">{words.notrack.cannot}</p>
      <Approximate list={list} words={words} />
    </div>
  );
}

/** NOTRACK rules for the ticked services, scoped to their addresses in this table. */
function NotrackRules({
  words,
  stats,
  picked,
}: {
  words: TableMessages;
  stats: TableStats;
  picked: readonly string[];
}) {
  const services = useMemo(() => computeNotrackServices(stats, picked), [stats, picked]);
  const saved = services.reduce((sum, service) => sum + service.entries, 0);
  return (
    <section className="table-notrack" aria-labelledby="notrack-heading">
      <h3 id="notrack-heading">{words.notrack.heading}</h3>
      <p className="block-why">{words.notrack.intro}</p>
      {services.length > 0 && (
        <>
          <p data-testid="notrack-saved" data-value={saved}>
            {words.notrack.saved({ count: saved, share: saved / stats.entries })}
          </p>
          <ul className="notes">
            {services
              .filter((service) => service.natted > 0)
              .map((service) => (
                <li key={`${service.protocol}/${service.port}`} role="alert">
                  {words.notrack.natted({
                    count: service.natted,
                    service: `${service.protocol}/${service.port}`,
                  })}
                </li>
              ))}
            {words.notrack.caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
          <ConfigBlock
            block={{
              id: "notrack-nft",
              testId: "notrack-nft",
              title: words.notrack.nftTitle,
              why: words.notrack.nftWhy,
              path: null,
              text: renderNotrackNft(services),
              fileName: "notrack.nft",
            }}
          />
          <ConfigBlock
            block={{
              id: "notrack-iptables",
              testId: "notrack-iptables",
              title: words.notrack.iptablesTitle,
              why: words.notrack.iptablesWhy,
              path: null,
              text: renderNotrackIptables(services),
              fileName: "notrack-iptables.sh",
            }}
          />
        </>
      )}
    </section>
  );
}

function TopAddresses({
  heading,
  testId,
  list,
  words,
  entries,
}: {
  heading: string;
  testId: string;
  list: TopList;
  words: TableMessages;
  entries: number;
}) {
  return (
    <div>
      <h3>{heading}</h3>
      <ol className="counts" data-testid={testId}>
        {list.items.slice(0, 10).map((item) => (
          <li key={item.key} data-address={item.key} data-value={item.count}>
            {item.key}: {words.share({ count: item.count, share: item.count / entries })}
          </li>
        ))}
      </ol>
      <Approximate list={list} words={words} />
    </div>
  );
}

function NatBackends({ words, list }: { words: TableMessages; list: TopList }) {
  const { locale } = useMessages();
  const frontends = useMemo(() => {
    const byFrontend = new Map<string, Array<{ backend: string; count: number }>>();
    for (const item of list.items) {
      const [protocol = "", dst = "", dport = "", src = "", sport = ""] = item.key.split("|");
      const frontend = `${protocol} ${dst}${dport === "" ? "" : `:${dport}`}`;
      const backends = byFrontend.get(frontend) ?? [];
      backends.push({ backend: `${src}${sport === "" ? "" : `:${sport}`}`, count: item.count });
      byFrontend.set(frontend, backends);
    }
    return [...byFrontend].slice(0, 10);
  }, [list]);
  if (frontends.length === 0) return null;
  return (
    <div>
      <h3>{words.topHeading.nat}</h3>
      <ul className="counts" data-testid="table-nat-backends">
        {frontends.map(([frontend, backends]) => (
          <li key={frontend}>
            {frontend} → {backends.map((b) => `${b.backend} (${formatInteger(b.count, locale)})`).join(", ")}
          </li>
        ))}
      </ul>
      <Approximate list={list} words={words} />
    </div>
  );
}
