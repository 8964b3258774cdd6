import { lazy, Suspense, type ReactNode } from "react";
import { formatBinaryBytes, formatDecimal, formatInteger, formatPercent } from "../domain/format";
import { useChartSeries } from "../store/calc-store";

// One chunk for both drawings: Recharts loads after the first paint.
const MemoryChartCanvas = lazy(() =>
  import("./chart-canvases").then((module) => ({ default: module.MemoryChartCanvas })),
);
const ChainChartCanvas = lazy(() =>
  import("./chart-canvases").then((module) => ({ default: module.ChainChartCanvas })),
);

export function ChartsPanel() {
  const { inputs, sizing, memory, chain } = useChartSeries();
  const max = formatInteger(sizing.max);
  const firstRamMarker = memory.ramMarkers[0];

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Memory and lookups as the table fills</h2>
      <ChartFigure
        testId="memory-chart"
        title="Kernel memory versus tracked connections"
        summary={
          <>
            The hash table costs {formatBinaryBytes(sizing.memory.hashTable)} from the start; each connection
            adds {inputs.struct} bytes, reaching {formatBinaryBytes(sizing.memory.total)} (
            {formatPercent(sizing.ramShare)} of RAM) at nf_conntrack_max = {max}
            {firstRamMarker
              ? ` and ${formatBinaryBytes(memory.yMax)} at twice that; ${formatPercent(firstRamMarker.share)} of RAM is ${formatBinaryBytes(firstRamMarker.bytes)}.`
              : ` and ${formatBinaryBytes(memory.yMax)} at twice that.`}
          </>
        }
        chart={<MemoryChartCanvas series={memory} />}
        columns={["Connections", "Entries", "Total"]}
        rows={memory.points.map((p) => [
          formatInteger(p.connections),
          formatBinaryBytes(p.entries),
          `${formatBinaryBytes(p.total)} (${formatInteger(p.total)} B)`,
        ])}
      />
      <ChartFigure
        testId="chain-chart"
        title="Average hash chain length versus tracked connections"
        summary={
          <>
            With {formatInteger(sizing.buckets)} buckets and every connection hashed twice (once per
            direction), the average chain grows to {formatDecimal(chain.atMax.chainLength)} entries at
            nf_conntrack_max = {max}; the kernel&apos;s own default since 5.15 gives 2.
          </>
        }
        chart={<ChainChartCanvas series={chain} />}
        columns={["Connections", "Average chain length"]}
        rows={chain.points.map((p) => [formatInteger(p.connections), formatDecimal(p.chainLength)])}
      />
    </section>
  );
}

interface ChartFigureProps {
  testId: string;
  title: string;
  summary: ReactNode;
  chart: ReactNode;
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

/** A chart with its text alternative: a summary sentence, and the data as a table behind a toggle. */
function ChartFigure({ testId, title, summary, chart, columns, rows }: ChartFigureProps) {
  const summaryId = `${testId}-summary`;
  return (
    <figure className="chart-figure" aria-labelledby={`${testId}-title`} aria-describedby={summaryId}>
      <h3 id={`${testId}-title`}>{title}</h3>
      <div className="chart-area" data-testid={testId}>
        <Suspense fallback={<p className="chart-loading">Drawing the chart…</p>}>{chart}</Suspense>
      </div>
      <figcaption id={summaryId}>{summary}</figcaption>
      <details>
        <summary>Show the data as a table</summary>
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
