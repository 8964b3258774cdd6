import { describe, expect, it } from "vitest";
import { COLLECTOR_STEPS } from "./collector";
import { parseDiagnostics } from "./parse-diagnostics";
import { inferSlabPageBytes } from "./slab-page-size";
import { computeSnapshotRates } from "./snapshot-rates";

describe("inferSlabPageBytes: objperslab × objsize <= pagesperslab × PAGE_SIZE", () => {
  it.each([
    // 6.x amd64 and arm64 4 KiB: 16 × 256 = 4096.
    [{ objectSize: 256, objectsPerSlab: 16, pagesPerSlab: 1 }, 4096],
    // arm64 16 KiB (the kernel lab's 7.2.13+deb14-arm64-16k): 64 × 256 = 16384.
    [{ objectSize: 256, objectsPerSlab: 64, pagesPerSlab: 1 }, 16384],
    // 5.10 amd64: 12 × 320 = 3840.
    [{ objectSize: 320, objectsPerSlab: 12, pagesPerSlab: 1 }, 4096],
    // 256 × 256 in one page: 64 KiB pages.
    [{ objectSize: 256, objectsPerSlab: 256, pagesPerSlab: 1 }, 65536],
    // Two 4 KiB pages hold 25 × 320 = 8000.
    [{ objectSize: 320, objectsPerSlab: 25, pagesPerSlab: 2 }, 4096],
    [{ objectSize: 4096, objectsPerSlab: 1024, pagesPerSlab: 1 }, null],
  ])("%j → %s", (slab, page) => {
    expect(inferSlabPageBytes(slab)).toBe(page);
  });

  it("a busybox paste of a 16 KiB arm64 slab line costs 256 B per entry, not 64", () => {
    const d = parseDiagnostics("nf_conntrack 0 0 256 64 1 : tunables 0 0 0 : slabdata 0 0 0\n");
    expect(d.slab).toMatchObject({ pageBytes: 16384, pageBytesAssumed: true, effectiveBytesPerEntry: 256 });
  });
});

const HEADER =
  "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart";
const hex = (n: number) => n.toString(16).padStart(8, "0");
const row = (
  entries: number,
  insertFailed: number,
  drop: number,
  earlyDrop: number,
  restart: number,
  clash: number,
) =>
  [entries, clash, 0, 0, 0, 0, 0, 0, 0, insertFailed, drop, earlyDrop, 0, 0, 0, 0, restart]
    .map(hex)
    .join(" ");

describe("computeSnapshotRates", () => {
  it("two collector outputs: per second over CPUs, the per-CPU entries column never summed", () => {
    const text = [
      "TIME: 1796601600",
      "MemTotal:       24683620 kB",
      HEADER,
      row(1000, 10, 100, 0, 4, 2),
      row(1000, 10, 100, 0, 4, 2),
      "TIME: 1796601660",
      "MemTotal:       24683620 kB",
      HEADER,
      row(1200, 40, 160, 6, 4, 8),
      row(1200, 40, 220, 6, 64, 8),
    ].join("\n");
    // drop 200 → 380 over 60 s = 3/s; insert_failed 20 → 80 = 1/s; early_drop 0 → 12 = 0.2/s;
    // search_restart 8 → 68 = 1/s; clash_resolve 4 → 16 = 0.2/s.
    expect(computeSnapshotRates(text)).toEqual({
      seconds: 60,
      perSecond: { drop: 3, early_drop: 0.2, insert_failed: 1, search_restart: 1, clash_resolve: 0.2 },
    });
  });

  it("conntrack -S blocks, and the 2.6.32 layout without search_restart or clashres", () => {
    const s = (drop: number) =>
      `cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=${drop} early_drop=0 error=0 search_restart=0`;
    expect(computeSnapshotRates(`TIME: 10\n${s(5)}\nTIME: 20\n${s(25)}\n`)?.perSecond.drop).toBe(2);
    const old =
      "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete";
    const oldRow = (drop: number) => [7, 0, 0, 0, 0, 0, 0, 0, 0, 0, drop, 0, 0, 0, 0, 0].map(hex).join(" ");
    expect(computeSnapshotRates(`TIME: 0\n${old}\n${oldRow(0)}\nTIME: 4\n${old}\n${oldRow(2)}\n`)).toEqual({
      seconds: 4,
      perSecond: { drop: 0.5, early_drop: 0, insert_failed: 0 },
    });
  });

  it("nothing without two timed snapshots, with time standing still, or for a counter that fell", () => {
    expect(computeSnapshotRates(`${HEADER}\n${row(1, 0, 5, 0, 0, 0)}\n`)).toBeNull();
    expect(computeSnapshotRates(`TIME: 5\n${HEADER}\n${row(1, 0, 5, 0, 0, 0)}\n`)).toBeNull();
    expect(
      computeSnapshotRates(
        `TIME: 5\n${HEADER}\n${row(1, 0, 5, 0, 0, 0)}\nTIME: 5\n${HEADER}\n${row(1, 0, 9, 0, 0, 0)}\n`,
      ),
    ).toBeNull();
    expect(
      computeSnapshotRates(
        `TIME: 5\n${HEADER}\n${row(1, 0, 9, 0, 0, 0)}\nTIME: 9\n${HEADER}\n${row(1, 0, 5, 0, 0, 0)}\n`,
      )?.perSecond.drop,
    ).toBeUndefined();
  });

  it("the collector prints its time first, as its own line", () => {
    expect(COLLECTOR_STEPS[0]).toBe('echo "TIME: $(date +%s)"');
  });
});
