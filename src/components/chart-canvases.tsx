import { memo, useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  Tooltip,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
  type LineDrawShapeProps,
} from "recharts";
import type { ChainSeries, MemorySeries } from "../domain/sizing/chart-series";
import type { DetailsMessages } from "../i18n/parts/details";
import { formatBinaryBytes, formatCompactCount, formatDecimal } from "../domain/core/format";

/**
 * The Recharts drawings, in their own chunk (loaded lazily, so the first paint never waits
 * for the chart library). They only draw series the domain computed.
 */

const CHART_HEIGHT = 280;
const MARGIN = { top: 24, right: 16, bottom: 8, left: 8 };
/** Full width of the panel, fixed height; `responsive` follows the panel's width as it changes. */
const CHART_STYLE = { width: "100%", height: CHART_HEIGHT } as const;

/**
 * The entries part of the memory, drawn as a shaded area under its line. A Line with this shape
 * replaces Recharts' Area (about 4 KB less JavaScript): the series starts at 0 connections,
 * where the entries cost 0 bytes, so the first point is on the x axis and closing the path
 * along it gives the area.
 */
function EntriesAreaShape({ points, stroke }: LineDrawShapeProps) {
  const first = points?.[0];
  const last = points?.at(-1);
  if (!points || first?.x == null || first.y == null || last?.x == null) return null;
  const line = `M${points.map((point) => `${point.x ?? 0},${point.y ?? 0}`).join("L")}`;
  return (
    <g>
      <path d={`${line}L${last.x},${first.y}Z`} fill={stroke} fillOpacity={0.25} stroke="none" />
      <path d={line} fill="none" stroke={stroke} />
    </g>
  );
}

interface TooltipPayload {
  payload?: Record<string, number>;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly TooltipPayload[];
  t: DetailsMessages;
}

function MemoryTooltip({ active, payload, t }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const { connections = 0, total = 0, entries = 0 } = point;
  return (
    <div className="chart-tooltip" data-testid="memory-tooltip">
      <strong>{t.charts.tooltipConnections({ connections })}</strong>
      <br />
      {t.charts.tooltipMemory({ totalBytes: total })}
      <br />
      {t.charts.tooltipSplit({ entryBytes: entries, hashBytes: total - entries })}
    </div>
  );
}

function ChainTooltip({ active, payload, t }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip" data-testid="chain-tooltip">
      <strong>{t.charts.tooltipConnections({ connections: point.connections ?? 0 })}</strong>
      <br />
      {t.charts.tooltipChain({ chain: point.chainLength ?? 0 })}
    </div>
  );
}

/** The look both charts' axes share: muted lines and 12 px labels that follow the colour scheme. */
const AXIS_STYLE = { stroke: "var(--muted)", tick: { fill: "var(--muted)", fontSize: 12 } } as const;

/**
 * Props that never change live at module level: Recharts 3 copies axis settings into its own
 * store on every render where their identity changed, and each copy is another render.
 */
const formatChainTick = (value: number) => formatDecimal(value);

type MarkerProps = { readonly label: string } & (
  { readonly connections: number; readonly y?: never } | { readonly y: number; readonly connections?: never }
);

/**
 * A marker drawn from the chart's own scales: a dashed vertical line at a connection count,
 * labelled above the plot (nf_conntrack_max), or a dotted horizontal one, labelled inside at
 * its left (a share of RAM, the default chain). It replaces Recharts' ReferenceLine, which
 * unregisters and registers itself in the chart's store after every render: two store updates
 * per line, each running the chart's selectors again, 8 of the 24 updates an edit caused.
 */
function Marker({ connections, y, label }: MarkerProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plot || !xScale || !yScale) return null;
  if (connections !== undefined) {
    const x = xScale(connections);
    if (x === undefined || x < plot.x || x > plot.x + plot.width) return null;
    return (
      <g className="chart-marker" data-connections={connections}>
        <line
          x1={x}
          x2={x}
          y1={plot.y}
          y2={plot.y + plot.height}
          stroke="var(--chart-marker)"
          strokeDasharray="6 3"
        />
        <text x={x} y={plot.y - 5} textAnchor="middle" fill="var(--text)" fontSize={12}>
          {label}
        </text>
      </g>
    );
  }
  const top = yScale(y);
  if (top === undefined || top < plot.y || top > plot.y + plot.height) return null;
  return (
    <g className="chart-marker">
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={top}
        y2={top}
        stroke="var(--muted)"
        strokeDasharray="2 4"
      />
      <text x={plot.x + 5} y={top + 5} dy="0.71em" fill="var(--muted)" fontSize={12}>
        {label}
      </text>
    </g>
  );
}

/** Tracked connections from 0 to twice nf_conntrack_max, at round counts ("250K"). */
function connectionsAxis(series: { xMax: number; xTicks: readonly number[] }) {
  return (
    <XAxis
      dataKey="connections"
      type="number"
      domain={[0, series.xMax]}
      ticks={series.xTicks}
      tickFormatter={formatCompactCount}
      {...AXIS_STYLE}
    />
  );
}

interface CanvasProps<S> {
  series: S;
  t: DetailsMessages;
}

/** Memoised: the panel re-renders for its text, the drawing only for a new series or language. */
export const MemoryChartCanvas = memo(function MemoryChartCanvas({ series, t }: CanvasProps<MemorySeries>) {
  const max = series.maxMarker.connections;
  const tooltip = useMemo(() => <MemoryTooltip t={t} />, [t]);
  return (
    <ComposedChart data={series.points} margin={MARGIN} responsive style={CHART_STYLE}>
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      {connectionsAxis(series)}
      <YAxis
        type="number"
        domain={[0, series.yTicks.at(-1) ?? series.yMax]}
        ticks={series.yTicks}
        tickFormatter={formatBinaryBytes}
        width={72}
        {...AXIS_STYLE}
      />
      <Tooltip content={tooltip} isAnimationActive={false} />
      <Line
        dataKey="entries"
        name={t.charts.columns.entries}
        type="linear"
        stroke="var(--chart-entries)"
        shape={EntriesAreaShape}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="total"
        name={t.charts.columns.total}
        type="linear"
        stroke="var(--chart-total)"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      {series.ramMarkers.map((marker) => (
        <Marker key={marker.share} y={marker.bytes} label={t.charts.ramMarker({ share: marker.share })} />
      ))}
      <Marker connections={max} label={t.charts.maxMarker({ max })} />
    </ComposedChart>
  );
});

export const ChainChartCanvas = memo(function ChainChartCanvas({ series, t }: CanvasProps<ChainSeries>) {
  const { atMax } = series;
  const tooltip = useMemo(() => <ChainTooltip t={t} />, [t]);
  return (
    <LineChart data={series.points} margin={MARGIN} responsive style={CHART_STYLE}>
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      {connectionsAxis(series)}
      <YAxis
        type="number"
        domain={[0, series.yTicks.at(-1) ?? 1]}
        ticks={series.yTicks}
        tickFormatter={formatChainTick}
        width={48}
        {...AXIS_STYLE}
      />
      <Tooltip content={tooltip} isAnimationActive={false} />
      <Line
        dataKey="chainLength"
        name={t.charts.columns.chain}
        type="linear"
        stroke="var(--chart-total)"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      <Marker y={2} label={t.charts.kernelDefaultChain} />
      <Marker connections={atMax.connections} label={t.charts.fullMarker({ chain: atMax.chainLength })} />
    </LineChart>
  );
});
