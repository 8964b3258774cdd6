import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTargets } from "./index";
import { targetSource } from "./targets.fixture";

// Node APIs, so this file is type-checked with tsconfig.node.json, not with the domain's settings.

const checkScript = (threshold: number, kernel = "6.12"): string => {
  const file = buildTargets(targetSource({ kernel }, { alertThresholdPercent: threshold })).find(
    (t) => t.id === "check",
  );
  if (!file) throw new Error("no check target");
  return file.text;
};

const dash = ["/usr/bin/dash", "/bin/dash"].find((path) => existsSync(path));

describe.skipIf(dash === undefined)("the check script, run by dash against fake /proc files", () => {
  const root = mkdtempSync(join(tmpdir(), "nf-conntrack-check-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const HEADER =
    "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart";
  const row = (drop: number, earlyDrop: number, insertFailed: number) =>
    ["000005fa ", 1, 16, 0, 2, 0, 0, 4, 0, insertFailed, drop, earlyDrop, 0, " 0", 0, 0, 0]
      .map((n) => (typeof n === "number" ? n.toString(16).padStart(8, "0") : n))
      .join(" ");
  let runs = 0;

  /** Writes a proc tree and runs the script; returns its line and exit code. */
  function run(
    proc: { count?: number; max?: number; stat?: string | null },
    options: { threshold?: number; state?: string; kernel?: string } = {},
  ): { line: string; code: number } {
    const dir = join(root, `proc${runs++}`);
    mkdirSync(join(dir, "sys/net/netfilter"), { recursive: true });
    mkdirSync(join(dir, "net/stat"), { recursive: true });
    if (proc.count !== undefined)
      writeFileSync(join(dir, "sys/net/netfilter/nf_conntrack_count"), `${proc.count}\n`);
    if (proc.max !== undefined)
      writeFileSync(join(dir, "sys/net/netfilter/nf_conntrack_max"), `${proc.max}\n`);
    if (proc.stat !== null)
      writeFileSync(join(dir, "net/stat/nf_conntrack"), proc.stat ?? `${HEADER}\n${row(0, 0, 0)}\n`);
    const script = join(root, "check.sh");
    writeFileSync(script, checkScript(options.threshold ?? 75, options.kernel));
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      NF_CONNTRACK_PROC: dir,
      NF_CONNTRACK_STATE: options.state ?? "",
    };
    try {
      return { line: execFileSync(dash ?? "dash", [script], { env, encoding: "utf8" }).trimEnd(), code: 0 };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { line: e.stdout.trimEnd(), code: e.status };
    }
  }

  it.each([
    { count: 100, max: 1000, code: 0, word: "OK" },
    { count: 750, max: 1000, code: 0, word: "OK" },
    { count: 751, max: 1000, code: 1, word: "WARNING" },
    { count: 1000, max: 1000, code: 2, word: "CRITICAL" },
    { count: 5, max: 0, code: 1, word: "WARNING" },
  ])("count $count of $max: $word", ({ count, max, code, word }) => {
    const result = run({ count, max });
    expect(result.code).toBe(code);
    expect(result.line.startsWith(`${word} - nf_conntrack ${count} of ${max} entries`)).toBe(true);
  });

  it("calls a limit of 0 no limit before 6.19, and a kernel the script was not made for from 6.19", () => {
    expect(run({ count: 5, max: 0 }, { kernel: "6.18" })).toMatchObject({
      code: 1,
      line: expect.stringContaining(
        "WARNING - nf_conntrack 5 of 0 entries (0%), threshold 75%; nf_conntrack_max is 0: no limit, the table grows until memory runs out",
      ) as unknown,
    });
    expect(run({ count: 5, max: 0 }, { kernel: "6.19" })).toEqual({
      code: 3,
      line: "UNKNOWN - nf_conntrack_max reads 0, which kernels from 6.19 refuse: this script was made for kernel 6.19",
    });
  });

  it("prints one Nagios line with the entries and the counters since boot as performance data", () => {
    const stat = `${HEADER}\n${row(2, 1, 10)}\n${row(0xff, 0, 0x1f)}\n`;
    expect(run({ count: 100, max: 1000, stat })).toEqual({
      line: "OK - nf_conntrack 100 of 1000 entries (10%), threshold 75%; nf_conntrack_max below the 524288 recommended | entries=100;750;1000;0;1000 drop=257c early_drop=1c insert_failed=41c",
      code: 0,
    });
  });

  it("names a limit below the recommended one, without changing the status", () => {
    expect(run({ count: 100, max: 524287 })).toMatchObject({ code: 0 });
    expect(run({ count: 100, max: 524287 }).line).toContain("nf_conntrack_max below the 524288 recommended");
    expect(run({ count: 100, max: 524288 }).line).not.toContain("recommended");
  });

  it("uses the user's threshold", () => {
    expect(run({ count: 340, max: 1000 }, { threshold: 33 }).code).toBe(1);
    expect(run({ count: 330, max: 1000 }, { threshold: 33 }).code).toBe(0);
  });

  it("is UNKNOWN when the count or the max cannot be read, and goes on without the counters", () => {
    expect(run({ max: 1000 }).code).toBe(3);
    expect(run({ count: 1, max: Number.NaN }).code).toBe(3);
    const result = run({ count: 1, max: 1000, stat: null });
    expect(result.code).toBe(0);
    expect(result.line).toContain("no counters in");
    expect(run({ count: 1, max: 1000, stat: "entries found\n00000001 00000002\n" }).line).toContain(
      "no counters in",
    );
  });

  it("with a state file, reports an increase since the last run: drop CRITICAL, the others WARNING", () => {
    const state = join(root, "state");
    const stat = (drop: number, early: number, failed: number) => `${HEADER}\n${row(drop, early, failed)}\n`;
    expect(run({ count: 1, max: 1000, stat: stat(5, 5, 5) }, { state }).code).toBe(0);
    expect(run({ count: 1, max: 1000, stat: stat(5, 5, 5) }, { state }).code).toBe(0);
    expect(run({ count: 1, max: 1000, stat: stat(5, 5, 6) }, { state })).toMatchObject({ code: 1 });
    const dropped = run({ count: 1, max: 1000, stat: stat(9, 5, 6) }, { state });
    expect(dropped.code).toBe(2);
    expect(dropped.line).toContain("drop +4 since the last run");
    // After a reboot the counters restart below the saved ones: everything counted is new.
    expect(run({ count: 1, max: 1000, stat: stat(0, 2, 0) }, { state }).line).toContain(
      "early_drop +2 since the last run",
    );
  });
});
