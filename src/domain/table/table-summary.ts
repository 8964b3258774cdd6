import { formatInteger, formatPercent } from "../core/format";
import type { Locale } from "../core/locale";
import { createAddressMask } from "./address-mask";
import type { Finding } from "./findings";
import type { TopList } from "./space-saving";
import type { TableReading } from "./table-reader";

/** Rows per top list in a summary: enough for a ticket, short enough to read there. */
const SUMMARY_TOP_ROWS = 10;

const TOTAL_KEYS = [
  "entries",
  "skipped",
  "ipv4",
  "ipv6",
  "assured",
  "unreplied",
  "nat",
  "offloaded",
] as const;

/** The words of a summary, in the page's language (i18n/parts/table.ts `summary`). */
export interface SummaryWords {
  readonly title: string;
  /** Said under the title when the addresses are masked. */
  readonly maskedNote: string;
  readonly total: string;
  readonly count: string;
  readonly share: string;
  readonly totals: Readonly<Record<(typeof TOTAL_KEYS)[number], string>>;
  readonly protocols: string;
  readonly states: string;
  readonly findings: string;
  readonly noFindings: string;
  readonly services: string;
  readonly sources: string;
  readonly destinations: string;
  readonly nat: string;
  readonly approximate: (values: { readonly bound: number }) => string;
}

/** A Markdown table cell: a pipe would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: number): string[] {
  const align = header.map((_, i) => (i >= header.length - numeric ? "---:" : "---"));
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
    "",
  ];
}

/**
 * The reading as Markdown for a ticket: totals, protocols, TCP states, the findings, and the top
 * services, sources, destinations and NAT frontends, each a table with counts and shares of the
 * table. With `maskAddresses`, every address (in the lists and in the findings' sentences) is
 * replaced by createAddressMask()'s text; ports and protocols stay. `describe` turns a finding
 * into its sentence in the page's language, and gets the masked finding.
 *
 * @example renderTableSummary({ reading, findings, describe, words, locale: "en", maskAddresses: true }).startsWith("### ")
 */
export function renderTableSummary(params: {
  readonly reading: TableReading;
  readonly findings: readonly Finding[];
  readonly describe: (finding: Finding) => string;
  readonly words: SummaryWords;
  readonly locale: Locale;
  readonly maskAddresses: boolean;
}): string {
  const { reading, findings, describe, words, locale, maskAddresses } = params;
  const { stats } = reading;
  const mask = maskAddresses ? createAddressMask() : (address: string) => address;
  const n = (value: number) => formatInteger(value, locale);
  const share = (count: number) => formatPercent(stats.entries > 0 ? count / stats.entries : 0);
  const totals: Record<(typeof TOTAL_KEYS)[number], number> = {
    entries: stats.entries,
    skipped: reading.skipped,
    ipv4: stats.ipv4,
    ipv6: stats.ipv6,
    assured: stats.assured,
    unreplied: stats.unreplied,
    nat: stats.nat,
    offloaded: stats.offloaded,
  };
  const counts = (heading: string, record: Readonly<Record<string, number>>) => {
    const rows = Object.entries(record)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([key, count]) => [key, n(count), share(count)]);
    return rows.length === 0 ? [] : table([heading, words.count, words.share], rows, 2);
  };
  const top = (heading: string, list: TopList, label: (key: string) => string) => {
    const rows = list.items
      .slice(0, SUMMARY_TOP_ROWS)
      .map((item) => [label(item.key), n(item.count), share(item.count)]);
    if (rows.length === 0) return [];
    const lines = table([heading, words.count, words.share], rows, 2);
    return list.exact
      ? lines
      : [...lines.slice(0, -1), "", words.approximate({ bound: list.errorBound }), ""];
  };
  const service = (key: string) => key.split("|").slice(0, 2).join("/");
  const natPair = (key: string) => {
    const [protocol = "", dst = "", dport = "", src = "", sport = ""] = key.split("|");
    const at = (address: string, port: string) => (port === "" ? mask(address) : `${mask(address)}:${port}`);
    return `${protocol} ${at(dst, dport)} → ${at(src, sport)}`;
  };
  const maskedFinding = (finding: Finding): Finding =>
    "address" in finding ? { ...finding, address: mask(finding.address) } : finding;
  const lines = [
    `### ${words.title}`,
    "",
    ...(maskAddresses ? [words.maskedNote, ""] : []),
    ...table(
      [words.total, words.count],
      TOTAL_KEYS.map((key) => [words.totals[key], n(totals[key])]),
      1,
    ),
    ...counts(words.protocols, stats.protocols),
    ...counts(words.states, stats.tcpStates),
    ...(findings.length === 0
      ? [`${words.findings}: ${words.noFindings}`, ""]
      : table(
          [words.findings],
          findings.map((finding) => [describe(maskedFinding(finding))]),
          0,
        )),
    ...top(words.services, stats.services, service),
    ...top(words.sources, stats.sources, mask),
    ...top(words.destinations, stats.destinations, mask),
    ...top(words.nat, stats.natPairs, natPair),
  ];
  return lines.join("\n").trimEnd() + "\n";
}
