import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChainSeries, MemorySeries } from "../domain/chart-series";
import type { Locale } from "../domain/locale";
import type { Messages } from "../i18n/en";
import {
  formatBinaryBytes,
  formatCompactCount,
  formatDecimal,
  formatInteger,
  formatPercent,
} from "../domain/format";

/**
 * The Recharts drawings, in their own chunk (loaded lazily, so the first paint never waits
 * for the chart library). They only draw series the domain computed.
 */

const CHART_HEIGHT = 280;
const MARGIN = { top: 24, right: 16, bottom: 8, left: 8 };

interface TooltipPayload {
  payload?: Record<string, number>;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly TooltipPayload[];
  t: Messages;
  locale: Locale;
}

function MemoryTooltip({ active, payload, t, locale }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const { connections = 0, total = 0, entries = 0 } = point;
  return (
    <div className="chart-tooltip" data-testid="memory-tooltip">
      <strong>{t.charts.tooltipConnections(formatInteger(connections, locale))}</strong>
      <br />
      {t.charts.tooltipMemory(formatBinaryBytes(total), formatInteger(total, locale))}
      <br />
      {t.charts.tooltipSplit(formatBinaryBytes(entries), formatBinaryBytes(total - entries))}
    </div>
  );
}

function ChainTooltip({ active, payload, t, locale }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip" data-testid="chain-tooltip">
      <strong>{t.charts.tooltipConnections(formatInteger(point.connections ?? 0, locale))}</strong>
      <br />
      {t.charts.tooltipChain(formatDecimal(point.chainLength ?? 0))}
    </div>
  );
}

/** The look both charts' axes share: muted lines and 12 px labels that follow the colour scheme. */
const AXIS_STYLE = { stroke: "var(--muted)", tick: { fill: "var(--muted)", fontSize: 12 } } as const;

/** Tracked connections from 0 to twice nf_conntrack_max, at round counts ("250K"). */
function connectionsAxis(series: { xMax: number; xTicks: readonly number[] }) {
  return (
    <XAxis
      dataKey="connections"
      type="number"
      domain={[0, series.xMax]}
      ticks={series.xTicks as number[]}
      tickFormatter={formatCompactCount}
      {...AXIS_STYLE}
    />
  );
}

interface CanvasProps<S> {
  series: S;
  t: Messages;
  locale: Locale;
}

export function MemoryChartCanvas({ series, t, locale }: CanvasProps<MemorySeries>) {
  const max = series.maxMarker.connections;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart data={series.points as MemorySeries["points"][number][]} margin={MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        {connectionsAxis(series)}
        <YAxis
          type="number"
          domain={[0, series.yTicks.at(-1) ?? series.yMax]}
          ticks={series.yTicks as number[]}
          tickFormatter={formatBinaryBytes}
          width={72}
          {...AXIS_STYLE}
        />
        <Tooltip content={<MemoryTooltip t={t} locale={locale} />} isAnimationActive={false} />
        <Area
          dataKey="entries"
          name={t.charts.columns.entries}
          type="linear"
          stroke="var(--chart-entries)"
          fill="var(--chart-entries)"
          fillOpacity={0.25}
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
          <ReferenceLine
            key={marker.share}
            y={marker.bytes}
            stroke="var(--muted)"
            strokeDasharray="2 4"
            label={{
              value: t.charts.ramMarker(formatPercent(marker.share)),
              position: "insideTopLeft",
              fill: "var(--muted)",
              fontSize: 12,
            }}
            ifOverflow="hidden"
          />
        ))}
        <ReferenceLine
          x={max}
          stroke="var(--chart-marker)"
          strokeDasharray="6 3"
          label={{
            value: t.charts.maxMarker(formatInteger(max, locale)),
            position: "top",
            fill: "var(--text)",
            fontSize: 12,
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function ChainChartCanvas({ series, t, locale }: CanvasProps<ChainSeries>) {
  const { atMax } = series;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={series.points as ChainSeries["points"][number][]} margin={MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        {connectionsAxis(series)}
        <YAxis
          type="number"
          domain={[0, series.yTicks.at(-1) ?? 1]}
          ticks={series.yTicks as number[]}
          tickFormatter={(value: number) => formatDecimal(value)}
          width={48}
          {...AXIS_STYLE}
        />
        <Tooltip content={<ChainTooltip t={t} locale={locale} />} isAnimationActive={false} />
        <Line
          dataKey="chainLength"
          name={t.charts.columns.chain}
          type="linear"
          stroke="var(--chart-total)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <ReferenceLine
          y={2}
          stroke="var(--muted)"
          strokeDasharray="2 4"
          label={{
            value: t.charts.kernelDefaultChain,
            position: "insideTopLeft",
            fill: "var(--muted)",
            fontSize: 12,
          }}
        />
        <ReferenceLine
          x={atMax.connections}
          stroke="var(--chart-marker)"
          strokeDasharray="6 3"
          label={{
            value: t.charts.fullMarker(formatDecimal(atMax.chainLength)),
            position: "top",
            fill: "var(--text)",
            fontSize: 12,
          }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
