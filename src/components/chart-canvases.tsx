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

function MemoryTooltip({ active, payload }: { active?: boolean; payload?: readonly TooltipPayload[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const { connections = 0, total = 0, entries = 0 } = point;
  return (
    <div className="chart-tooltip" data-testid="memory-tooltip">
      <strong>{formatInteger(connections)} connections</strong>
      <br />
      {formatBinaryBytes(total)} ({formatInteger(total)} bytes)
      <br />
      entries {formatBinaryBytes(entries)} + hash table {formatBinaryBytes(total - entries)}
    </div>
  );
}

function ChainTooltip({ active, payload }: { active?: boolean; payload?: readonly TooltipPayload[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip" data-testid="chain-tooltip">
      <strong>{formatInteger(point.connections ?? 0)} connections</strong>
      <br />
      average chain {formatDecimal(point.chainLength ?? 0)} entries
    </div>
  );
}

export function MemoryChartCanvas({ series }: { series: MemorySeries }) {
  const max = series.maxMarker.connections;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart data={series.points as MemorySeries["points"][number][]} margin={MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis
          dataKey="connections"
          type="number"
          domain={[0, series.xMax]}
          ticks={series.xTicks as number[]}
          tickFormatter={formatCompactCount}
          stroke="var(--muted)"
          tick={{ fill: "var(--muted)", fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={[0, series.yTicks.at(-1) ?? series.yMax]}
          ticks={series.yTicks as number[]}
          tickFormatter={formatBinaryBytes}
          width={72}
          stroke="var(--muted)"
          tick={{ fill: "var(--muted)", fontSize: 12 }}
        />
        <Tooltip content={<MemoryTooltip />} isAnimationActive={false} />
        <Area
          dataKey="entries"
          name="Entries"
          type="linear"
          stroke="var(--chart-entries)"
          fill="var(--chart-entries)"
          fillOpacity={0.25}
          isAnimationActive={false}
        />
        <Line
          dataKey="total"
          name="Total (entries + hash table)"
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
              value: `${formatPercent(marker.share)} of RAM`,
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
            value: `max ${formatInteger(max)}`,
            position: "top",
            fill: "var(--text)",
            fontSize: 12,
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function ChainChartCanvas({ series }: { series: ChainSeries }) {
  const { atMax } = series;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={series.points as ChainSeries["points"][number][]} margin={MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis
          dataKey="connections"
          type="number"
          domain={[0, series.xMax]}
          ticks={series.xTicks as number[]}
          tickFormatter={formatCompactCount}
          stroke="var(--muted)"
          tick={{ fill: "var(--muted)", fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={[0, series.yTicks.at(-1) ?? 1]}
          ticks={series.yTicks as number[]}
          tickFormatter={(value: number) => formatDecimal(value)}
          width={48}
          stroke="var(--muted)"
          tick={{ fill: "var(--muted)", fontSize: 12 }}
        />
        <Tooltip content={<ChainTooltip />} isAnimationActive={false} />
        <Line
          dataKey="chainLength"
          name="Average chain length"
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
            value: "2: kernel default at full (5.15+)",
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
            value: `full: ${formatDecimal(atMax.chainLength)}`,
            position: "top",
            fill: "var(--text)",
            fontSize: 12,
          }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
