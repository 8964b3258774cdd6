import type { Sizing } from "./sizing";
import { bytes, type Bytes } from "../core/units";

/**
 * Steps per series. Both series are straight lines in connections (memory = hash table + n ×
 * entry size, chain = 2n / buckets), so the steps only set where the tooltip and the table stop:
 * 16 gives a stop every 1/8 of nf_conntrack_max (max itself is step 8), and a third of the SVG
 * and table rows that 48 gave to redraw per keystroke (docs/performance.md: a redraw's p95 within 50 ms).
 *
 * @internal exported for its tests
 */
export const CHART_POINTS = 16;

/** The part of a sizing the charts draw and describe: what they redraw for, and nothing else. */
export interface ChartSizing {
  readonly max: number;
  readonly buckets: number;
  readonly memory: Pick<Sizing["memory"], "hashTable" | "total">;
  readonly ramShare: number;
}

/**
 * Shares of RAM marked on the memory chart when they fall in its range.
 */
const RAM_SHARE_MARKERS = [0.01, 0.05, 0.1, 0.25] as const;

export interface MemoryPoint {
  /** Tracked connections. */
  readonly connections: number;
  /** connections × bytes per entry. */
  readonly entries: Bytes;
  /** The hash table (allocated up front) plus the entries. */
  readonly total: Bytes;
}

export interface MemorySeries {
  readonly points: readonly MemoryPoint[];
  /** The x axis runs from 0 to this: twice nf_conntrack_max, so the chosen limit sits mid-chart. */
  readonly xMax: number;
  /** The top of the y axis: total memory at xMax. */
  readonly yMax: Bytes;
  /** Where nf_conntrack_max sits, and the memory there. */
  readonly maxMarker: MemoryPoint;
  /** The shares of RAM that fall below yMax, with the memory they stand for. */
  readonly ramMarkers: ReadonlyArray<{ readonly share: number; readonly bytes: Bytes }>;
  /** Round connection counts for the x axis. */
  readonly xTicks: readonly number[];
  /** Round binary sizes for the y axis; the last one is the top of the axis. */
  readonly yTicks: readonly number[];
}

/**
 * Connection counts from 0 to xMax in CHART_POINTS equal steps (whole numbers), plus max itself,
 * so the tooltip can show the value at the limit exactly.
 */
function connectionSteps(max: number, xMax: number): number[] {
  const steps = new Set<number>();
  for (let i = 0; i <= CHART_POINTS; i++) steps.add(Math.round((xMax * i) / CHART_POINTS));
  steps.add(max);
  return [...steps].sort((a, b) => a - b);
}

/**
 * Kernel memory versus tracked connections for a sizing: the hash table is a fixed cost from
 * the first connection (buckets × pointer size), entries grow by bytes-per-entry each. Past
 * nf_conntrack_max the kernel drops new connections; the chart runs on to show what a larger
 * limit would cost.
 *
 * @example computeMemorySeries(sizing, 352).maxMarker.total === sizing.memory.total
 */
export function computeMemorySeries(sizing: ChartSizing, struct: Bytes, ram: Bytes): MemorySeries {
  const xMax = 2 * sizing.max;
  const at = (connections: number): MemoryPoint => {
    const entries = bytes(connections * struct);
    return { connections, entries, total: bytes(sizing.memory.hashTable + entries) };
  };
  const points = connectionSteps(sizing.max, xMax).map(at);
  const yMax = at(xMax).total;
  const ramMarkers = RAM_SHARE_MARKERS.map((share) => ({
    share,
    bytes: bytes(Math.round(ram * share)),
  })).filter((marker) => marker.bytes <= yMax);
  return {
    points,
    xMax,
    yMax,
    maxMarker: at(sizing.max),
    ramMarkers,
    xTicks: computeNiceTicks(xMax, "decimal"),
    yTicks: computeNiceTicks(yMax, "binary", 4, true),
  };
}

export interface ChainPoint {
  readonly connections: number;
  /** Average hash chain length: 2 × connections / buckets (each entry is hashed per direction). */
  readonly chainLength: number;
}

export interface ChainSeries {
  readonly points: readonly ChainPoint[];
  readonly xMax: number;
  /** The average chain length at a full table. */
  readonly atMax: ChainPoint;
  readonly xTicks: readonly number[];
  /** The last one is the top of the axis. */
  readonly yTicks: readonly number[];
}

/**
 * Average hash chain length versus tracked connections for the allocated bucket count: every
 * conntrack entry is hashed twice, once per direction (kernel 5.15's default of one entry per
 * bucket gives 2 at a full table, d532bcd0b269).
 */
export function computeChainSeries(sizing: ChartSizing): ChainSeries {
  const xMax = 2 * sizing.max;
  const at = (connections: number): ChainPoint => ({
    connections,
    chainLength: (2 * connections) / sizing.buckets,
  });
  const points = connectionSteps(sizing.max, xMax).map(at);
  return {
    points,
    xMax,
    atMax: at(sizing.max),
    xTicks: computeNiceTicks(xMax, "decimal"),
    yTicks: computeNiceTicks(at(xMax).chainLength, "decimal", 4, true),
  };
}

/** Step multipliers that read well: 1, 2, 2.5, 5 times a power of ten. */
const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/**
 * Axis ticks at round values from 0, about `target` intervals: the last tick at or above `max`
 * when `cover` is set (so a y axis ends on a label), else at or below it. Binary
 * ticks are round in KiB/MiB/GiB ("100 MiB", "2.5 GiB"), decimal ones in plain numbers ("250K").
 *
 * @example computeNiceTicks(370147328, "binary", 4, true) // 0, 100 MiB, 200 MiB, 300 MiB, 400 MiB
 *
 * @internal exported for its tests
 */
export function computeNiceTicks(
  max: number,
  kind: "binary" | "decimal",
  target = 4,
  cover = false,
): number[] {
  if (!(max > 0)) return [0];
  let unit = 1;
  if (kind === "binary") {
    while (max / unit >= 1024) unit *= 1024;
  }
  const raw = max / unit / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Covering axes take the next step up (at most `target` intervals); others the next step down.
  const multiplier = cover
    ? (NICE_STEPS.find((m) => m * magnitude >= raw) ?? 10)
    : ([...NICE_STEPS].reverse().find((m) => m * magnitude <= raw) ?? 1);
  const step = multiplier * magnitude * unit;
  const count = cover ? Math.ceil(max / step - 1e-9) : Math.floor(max / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
