import type { Locale } from "../../domain/core/locale";
import type { RateCounter } from "../../domain/diagnostics/snapshot-rates";
import { formatsFor } from "../format";

function english() {
  const { integer, decimal } = formatsFor("en");
  return {
    heading: ({ seconds }: { seconds: number }) =>
      `Rates over the ${integer(seconds)} s between the two snapshots`,
    why: "The counters are cumulative since boot: only their growth between the two snapshots says whether packets drop now. Summed over CPUs.",
    perSecond: ({ rate }: { rate: number }) => `${decimal(rate)} per second`,
    hint: "Paste the collector's output twice, some minutes apart, one after the other: its `TIME:` lines give the rates of drop, early_drop, insert_failed, search_restart and clash_resolve.",
    counters: {
      drop: "drop",
      early_drop: "early_drop",
      insert_failed: "insert_failed",
      search_restart: "search_restart",
      clash_resolve: "clash_resolve",
    } satisfies Record<RateCounter, string>,
  };
}

const en = english();

export type RatesMessages = typeof en;

function chinese(): RatesMessages {
  const { integer, decimal } = formatsFor("zh-CN");
  return {
    heading: ({ seconds }) => `两次快照之间 ${integer(seconds)} 秒内的速率`,
    why: "这些计数器自开机起累计：只有两次快照之间的增长才能说明现在是否在丢包。已按 CPU 求和。",
    perSecond: ({ rate }) => `每秒 ${decimal(rate)}`,
    hint: "隔几分钟运行两次采集命令，把两次输出先后粘贴进来：其中的 `TIME:` 行可以算出 drop、early_drop、insert_failed、search_restart 和 clash_resolve 的速率。",
    counters: {
      drop: "drop",
      early_drop: "early_drop",
      insert_failed: "insert_failed",
      search_restart: "search_restart",
      clash_resolve: "clash_resolve",
    },
  };
}

/** The words of the rates from two snapshots, in every language; loaded with the paste report. */
export const RATES: Readonly<Record<Locale, RatesMessages>> = { en, "zh-CN": chinese() };
