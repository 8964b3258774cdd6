import { lazy, memo, Suspense, useEffect, useState, type ReactNode } from "react";
import type { Locale } from "../domain/core/locale";
import { DETAILS, type DetailsMessages } from "../i18n/parts/details";
import { formatBinaryBytes, formatDecimal, formatInteger } from "../domain/core/format";
import { useMessages, usePart } from "../store/messages";
import { useChartSeries } from "../store/chart-view";
import { useFoldOpened } from "./fold";
import { LoadBoundary } from "./load-boundary";

// One chunk for both drawings: Recharts loads after the first paint.
const MemoryChartCanvas = lazy(() =>
  import("./chart-canvases").then((module) => ({ default: module.MemoryChartCanvas })),
);
const ChainChartCanvas = lazy(() =>
  import("./chart-canvases").then((module) => ({ default: module.ChainChartCanvas })),
);

/**
 * The charts redraw after the numbers: a keystroke updates the results in its own task, and the
 * charts follow in the next task (a timer of 0 ms, cleared by a newer keystroke, so fast typing
 * redraws once). That render runs at React's default priority, in one piece: useDeferredValue's
 * time-sliced render took the same main-thread time but yielded every 5 ms, and on this shared
 * machine each yield could lose a frame (redraw p50 38 → 26 ms, p95 72 → 50 in one page).
 * Their section is folded: the drawings (and Recharts) load when it is first opened, so a page
 * that never opens it never spends the main thread on them (a first keystroke waited behind
 * them). The summaries and tables are there from the start, for reading and finding in the page.
 */
export function ChartsPanel() {
  const { locale } = useMessages();
  const t = usePart(DETAILS);
  const latest = useChartSeries();
  const [series, setSeries] = useState(latest);
  useEffect(() => {
    const timer = setTimeout(() => setSeries(latest), 0);
    return () => clearTimeout(timer);
  }, [latest]);
  const drawn = useFoldOpened();
  return <ChartsBody series={series} t={t} locale={locale} drawn={drawn} />;
}

const ChartsBody = memo(function ChartsBody({
  series,
  t,
  locale,
  drawn,
}: {
  series: ReturnType<typeof useChartSeries>;
  t: DetailsMessages;
  locale: Locale;
  drawn: boolean;
}) {
  const { struct, sizing, memory, chain } = series;
  const n = (value: number) => formatInteger(value, locale);
  const c = t.charts;
  const firstRamMarker = memory.ramMarkers[0];

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <ChartFigure
        testId="memory-chart"
        title={c.memoryTitle}
        summary={
          c.memorySummary({
            hashBytes: sizing.memory.hashTable,
            entryBytes: struct,
            totalBytes: sizing.memory.total,
            share: sizing.ramShare,
            max: sizing.max,
            atTwiceBytes: memory.yMax,
          }) +
          (firstRamMarker
            ? c.memoryMarkerSummary({ share: firstRamMarker.share, markerBytes: firstRamMarker.bytes })
            : "")
        }
        chart={drawn && <MemoryChartCanvas series={memory} t={t} />}
        columns={[c.columns.connections, c.columns.entries, c.columns.total]}
        rows={memory.points.map((p) => [
          n(p.connections),
          formatBinaryBytes(p.entries),
          `${formatBinaryBytes(p.total)} (${n(p.total)} B)`,
        ])}
      />
      <ChartFigure
        testId="chain-chart"
        title={c.chainTitle}
        summary={c.chainSummary({ buckets: sizing.buckets, chain: chain.atMax.chainLength, max: sizing.max })}
        chart={drawn && <ChainChartCanvas series={chain} t={t} />}
        columns={[c.columns.connections, c.columns.chain]}
        rows={chain.points.map((p) => [n(p.connections), formatDecimal(p.chainLength)])}
      />
    </section>
  );
});

interface ChartFigureProps {
  testId: string;
  title: string;
  summary: string;
  chart: ReactNode;
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

/** A chart with its text alternative: a summary sentence, and the data as a table behind a toggle. */
function ChartFigure({ testId, title, summary, chart, columns, rows }: ChartFigureProps) {
  const t = usePart(DETAILS);
  const summaryId = `${testId}-summary`;
  return (
    <figure className="chart-figure" aria-labelledby={`${testId}-title`} aria-describedby={summaryId}>
      <h3 id={`${testId}-title`}>{title}</h3>
      <div className="chart-area" data-testid={testId}>
        <LoadBoundary>
          <Suspense fallback={<p className="chart-loading">{t.charts.loading}</p>}>{chart}</Suspense>
        </LoadBoundary>
      </div>
      <figcaption id={summaryId}>{summary}</figcaption>
      <details>
        <summary>{t.charts.showTable}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells) => (
                <tr key={cells[0]}>
                  {cells.map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
