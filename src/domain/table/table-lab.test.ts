import { describe, expect, it } from "vitest";
import { defaultTimeouts } from "../kernel/timeouts";
import { v } from "../kernel/kernel-version";
import { createTableReader } from "./table-reader";

/**
 * The reader against real tables: fixtures/table/lab-<kernel>/ holds what `npm run table-lab`
 * (scripts/table-lab/) dumped after making known traffic in a private network namespace, and
 * provenance.json says what was made and what the table must therefore hold.
 */
const FILES = import.meta.glob<string>("../../../fixtures/table/*/*", {
  query: "?raw",
  import: "default",
  eager: true,
});

interface Provenance {
  readonly kernelRelease: string;
  readonly files: readonly string[];
  readonly expected: {
    readonly entries: number;
    readonly ipv4: number;
    readonly ipv6: number;
    readonly protocols: Record<string, number>;
    readonly tcpStates: Record<string, number>;
    readonly assured: number;
    readonly unreplied: number;
    readonly nat: number;
    readonly zones: Record<string, number>;
    readonly marks: Record<string, number>;
    readonly topServices: ReadonlyArray<readonly [string, number]>;
    readonly natPairs: ReadonlyArray<readonly [string, number]>;
  };
}

const LABS = Object.entries(FILES)
  .filter(([path]) => path.endsWith("/provenance.json"))
  .map(([path, text]) => ({
    dir: path.replace(/\/provenance\.json$/, ""),
    provenance: JSON.parse(text) as Provenance,
  }));

/** `-o save` writes no mark (ct_save_snprintf() in conntrack-tools 1.4.7 prints none). */
const WITHOUT_MARKS = new Set(["conntrack-L-save.txt"]);

const CASES = LABS.flatMap(({ dir, provenance }) =>
  provenance.files.map((file) => [`${provenance.kernelRelease}: ${file}`, dir, file, provenance] as const),
);

describe("real tables from the lab", () => {
  it("has at least one lab with every format", () => {
    expect(LABS.length).toBeGreaterThan(0);
    for (const { provenance } of LABS) expect(provenance.files.length).toBe(5);
  });

  it.each(CASES)("%s reproduces the traffic made", (_, dir, file, { expected }) => {
    const reader = createTableReader(defaultTimeouts(v(6, 12)));
    reader.push(FILES[`${dir}/${file}`] ?? "");
    const { stats, skipped, summary } = reader.finish();
    expect(skipped).toBe(0);
    if (file === "conntrack-L.txt") expect(summary?.count).toBe(expected.entries);
    expect({
      entries: stats.entries,
      ipv4: stats.ipv4,
      ipv6: stats.ipv6,
      protocols: stats.protocols,
      tcpStates: stats.tcpStates,
      assured: stats.assured,
      unreplied: stats.unreplied,
      nat: stats.nat,
      zones: stats.zones,
      marks: stats.marks,
    }).toEqual({
      entries: expected.entries,
      ipv4: expected.ipv4,
      ipv6: expected.ipv6,
      protocols: expected.protocols,
      tcpStates: expected.tcpStates,
      assured: expected.assured,
      unreplied: expected.unreplied,
      nat: expected.nat,
      zones: expected.zones,
      marks: WITHOUT_MARKS.has(file) ? {} : expected.marks,
    });
    expect(stats.services.items.slice(0, 2).map((item) => [item.key, item.count])).toEqual(
      expected.topServices,
    );
    expect(stats.services.exact).toBe(true);
    expect(stats.natPairs.items.map((item) => [item.key, item.count])).toEqual(expected.natPairs);
  });
});
