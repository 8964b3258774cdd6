import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { IDLE_EDGES_SECONDS, type IdleClass } from "../domain/table/table-stats";
import type { TableMessages } from "../i18n/parts/table";
import { duration } from "./duration";

/** Axes and the hover band in the page's colours, so the chart follows its dark scheme. */
const AXIS_STYLE = { stroke: "var(--muted)", tick: { fill: "var(--muted)", fontSize: 11 } } as const;
const CURSOR = { fill: "var(--grid)" } as const;

/** The idle-time distribution of one timeout's entries, chosen from those the table holds. */
export function IdleChart({ idle, words }: { idle: readonly IdleClass[]; words: TableMessages }) {
  const [chosen, setChosen] = useState(() => {
    const largest = [...idle].sort((a, b) => sum(b.bins) - sum(a.bins))[0];
    return largest?.timeoutKey ?? "";
  });
  const shown = idle.find((c) => c.timeoutKey === chosen) ?? idle[0];
  if (!shown) return null;
  const data = shown.bins.map((count, bin) => ({
    bin: words.idleBin({ from: duration(IDLE_EDGES_SECONDS[bin] ?? 0) }),
    count,
  }));
  const label = words.idleChartLabel({
    timeout: `nf_conntrack_${shown.timeoutKey} = ${shown.timeoutSeconds} s`,
  });
  return (
    <div className="idle-chart" data-testid="table-idle">
      <label>
        {words.idleClass}{" "}
        <select value={shown.timeoutKey} onChange={(event) => setChosen(event.currentTarget.value)}>
          {idle.map((c) => (
            <option key={c.timeoutKey} value={c.timeoutKey}>
              {c.timeoutKey} ({sum(c.bins)})
            </option>
          ))}
        </select>
      </label>
      <figure aria-label={label}>
        <BarChart width={560} height={220} data={data} style={{ maxWidth: "100%" }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="bin" {...AXIS_STYLE} />
          <YAxis allowDecimals={false} {...AXIS_STYLE} />
          <Tooltip cursor={CURSOR} />
          <Bar dataKey="count" fill="var(--chart-entries)" isAnimationActive={false} />
        </BarChart>
        <figcaption>{label}</figcaption>
      </figure>
      {shown.longerThanAssumed > 0 && (
        <p className="field-hint">{words.longer({ count: shown.longerThanAssumed })}</p>
      )}
    </div>
  );
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
