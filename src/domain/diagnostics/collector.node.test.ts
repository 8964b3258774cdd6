import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTOR_STEPS } from "./collector";
import { parseDiagnostics } from "./parse-diagnostics";

// Node APIs, so this file is type-checked with tsconfig.node.json, not with the domain's settings.

/** A kernel log as 6.17 and later write it: init_net's wording and two other namespaces. */
const KERNEL_LOG = [
  "[  812.114201] nf_conntrack: nf_conntrack: table full, dropping packet",
  "[  901.000017] nf_conntrack: table full in netns 4026532305, dropping packet",
  "[  901.000102] net_ratelimit: 41 callbacks suppressed",
  "[  906.118830] nf_conntrack: table full in netns 4026532305, dropping packet",
  "[  907.400011] nf_conntrack: table full in netns 4026532411, dropping packet",
  "[  910.000000] eth0: link up",
].join("\n");

const shells = [
  ["dash", ["/usr/bin/dash", "/bin/dash"]],
  ["busybox ash", ["/usr/bin/busybox", "/bin/busybox"]],
] as const;

describe("the collector's kernel-log step, run with a fake dmesg", () => {
  const dir = mkdtempSync(join(tmpdir(), "nf-conntrack-collector-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const log = join(dir, "kernel.log");
  writeFileSync(log, `${KERNEL_LOG}\n`);
  // A shell function, not a file on PATH: busybox ash runs its own applets before PATH.
  const step = `dmesg() { cat "${log}"; }; ${COLLECTOR_STEPS[COLLECTOR_STEPS.length - 1] ?? ""}`;

  for (const [name, paths] of shells) {
    const shell = paths.find((path) => existsSync(path));
    it.skipIf(shell === undefined)(`counts each wording and names each namespace (${name})`, () => {
      const args = name === "busybox ash" ? ["sh", "-c", step] : ["-c", step];
      const output = execFileSync(shell ?? "", args, {
        encoding: "utf8",
        env: { PATH: "/usr/bin:/bin" },
      });
      expect(output.split("\n").filter(Boolean)).toEqual([
        "table_full_messages: 1",
        "table_full_netns_messages: 3",
        "table_full_in_netns 4026532305: 2",
        "table_full_in_netns 4026532411: 1",
      ]);
      const d = parseDiagnostics(output);
      expect(d.tableFullMessages).toBe(1);
      expect(d.tableFullNetnsMessages).toBe(3);
      expect(d.tableFullNamespaces).toEqual([
        { inum: 4026532305, messages: 2 },
        { inum: 4026532411, messages: 1 },
      ]);
    });
  }
});

describe("pasted table-full log lines", () => {
  it("name the namespaces the 6.17 wording gives, most messages first", () => {
    const d = parseDiagnostics(KERNEL_LOG);
    expect(d.tableFullMessages).toBe(1);
    expect(d.tableFullNetnsMessages).toBe(3);
    expect(d.tableFullNamespaces).toEqual([
      { inum: 4026532305, messages: 2 },
      { inum: 4026532411, messages: 1 },
    ]);
  });
});

describe("docs/diagnostics.md", () => {
  it("shows the collector exactly as the page does", () => {
    const docs = readFileSync(join(__dirname, "../../../docs/diagnostics.md"), "utf8");
    expect(docs.split("\n")).toContain(COLLECTOR_STEPS.join("; "));
  });
});
