import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { IDLE_EDGES_SECONDS, type IdleClass } from "../domain/table/table-stats";
import type { TableMessages } from "../i18n/parts/table";

/** Seconds as the largest whole unit: "30 s", "10 min", "6 h", "2 d". */
function duration(seconds: number): string {
  if (seconds >= 86400 && seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

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
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bin" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="count" fill="#3b6ea5" isAnimationActive={false} />
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
