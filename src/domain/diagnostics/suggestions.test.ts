import { describe, expect, it } from "vitest";
import { v } from "../kernel/kernel-version";
import { DEFAULT_RAW, readInputs, type RawInputs } from "../sizing/inputs";
import { computeSizing } from "../sizing/sizing";
import { parseDiagnostics } from "./parse-diagnostics";
import { pasteEntryBytes } from "./paste-entry-bytes";
import { HOST } from "./pastes.fixture";
import { readPaste } from "./read-paste";
import { suggestedFields, suggestedTimeoutFields } from "./suggestions";

describe("suggestedFields", () => {
  it.each([
    ["a page size the calculator has no choice for", "PAGESIZE: 8192\n", {}],
    ["RAM below the calculator's 1 MiB minimum", "MemTotal: 512 kB\n", {}],
    ["a slab cost above 8192", "nf_conntrack 1 1 256 1 4 : tunables 0 0 0 : slabdata 1 1 0\n", {}],
    ["an unknown machine", "6.1.0 vax\n", { kernel: "6.1.0" }],
    [
      "ip_conntrack's bytes per conntrack when there is no slab line",
      "ip_conntrack version 2.4 (8192 buckets, 65536 max) - 304 bytes per conntrack\n",
      { struct: "304" },
    ],
  ])("leaves out %s", (_name, text, expected) => {
    expect(suggestedFields(parseDiagnostics(text))).toEqual(expected);
  });

  it("writes RAM that is not a whole KiB in bytes", () => {
    expect(suggestedFields(parseDiagnostics("$ free -b\nMem: 25276026881 1 1\n"))).toEqual({
      ram: "25276026881 B",
    });
  });
});

describe("suggestedTimeoutFields", () => {
  it("keeps only the pasted timeouts that differ from the pasted kernel's defaults", () => {
    const d = parseDiagnostics(
      [
        "6.8.0-45-generic x86_64",
        "net.netfilter.nf_conntrack_tcp_timeout_established = 86400",
        "net.netfilter.nf_conntrack_tcp_timeout_time_wait = 120",
        "net.netfilter.nf_conntrack_udp_timeout_stream = 180",
      ].join("\n"),
    );
    expect(suggestedTimeoutFields(d, v(6, 12))).toEqual({
      to_tcp_timeout_established: "86400",
      to_udp_timeout_stream: "180",
    });
  });

  it("judges against the fallback kernel when no release was pasted (180 s is 3.10's default)", () => {
    const d = parseDiagnostics("net.netfilter.nf_conntrack_udp_timeout_stream = 180");
    expect(suggestedTimeoutFields(d, v(3, 10))).toEqual({});
    expect(suggestedTimeoutFields(d, v(6, 12))).toEqual({ to_udp_timeout_stream: "180" });
  });
});

describe("the TSDoc example of suggestedFields", () => {
  it("holds", () => {
    expect(suggestedFields(parseDiagnostics("MemTotal: 24683620 kB\n5.10.176 armv7l\n"))).toEqual({
      ram: "24683620 KiB",
      arch: "32",
      kernel: "5.10.176",
    });
  });
});

describe("suggestedFields: bytes per entry from the slab line, plus the extension area", () => {
  const slab = (object: number, perSlab: number) =>
    `nf_conntrack 1 1 ${object} ${perSlab} 1 : tunables 0 0 0 : slabdata 1 1 0\n`;
  const memoryAfterPaste = (text: string, raw: Partial<RawInputs>) => {
    const before = { ...DEFAULT_RAW, ...raw };
    const inputs = readInputs(before);
    const fields = readPaste(text, inputs).fields;
    const after = { ...before, ...fields };
    return {
      fields,
      // The model for the pasted machine: the same fields, bytes per entry left to the kernel.
      model: computeSizing(readInputs({ ...after, struct: "" })).memory.total,
      pasted: computeSizing(readInputs(after)).memory.total,
    };
  };

  it("keeps a 5.15 host's estimate at the model's: slab 342 B plus the 128 B extension 5.x gives every entry", () => {
    // MemTotal 62.8 GiB: max 2,057,641 with 1 entry per bucket. The slab alone (342 B) gave 687 MiB
    // where the model says 938 MiB (470 B per entry).
    const text = `MemTotal: 65851340 kB\n5.15.0-91-generic x86_64\n${slab(320, 12)}`;
    const { fields, model, pasted } = memoryAfterPaste(text, { kernel: "5.15" });
    expect(fields.struct).toBe("");
    expect(pasted).toBe(model);
    expect(Math.round(model / 2 ** 20)).toBe(938);
    expect(readInputs({ ...DEFAULT_RAW, ...fields }).struct).toBe(470);
  });

  it.each([
    ["6.12 plain host, the model's slab", "6.12.0", slab(256, 16), "host", ""],
    ["6.12 NAT gateway, the model's slab: the role adds the extension", "6.12.0", slab(256, 16), "nat", ""],
    ["6.12 host, a bigger distribution object", "6.12.0", slab(320, 12), "host", "342"],
    ["6.12 Kubernetes node, a bigger distribution object", "6.12.0", slab(320, 12), "kubernetes", "470"],
    [
      "5.10 host, 64 KiB pages (204 per slab): ceil(65536 / 204) = 322 B + 128",
      "5.10.0",
      `PAGESIZE: 65536\n${slab(320, 204)}`,
      "host",
      "450",
    ],
  ])("%s: struct %j", (_name, release, line, role, struct) => {
    const text = `${release} x86_64\n${line}`;
    const { fields, model, pasted } = memoryAfterPaste(text, { role });
    expect(fields.struct).toBe(struct);
    if (struct === "") expect(pasted).toBe(model);
  });

  it("is what pasteEntryBytes() shows as evidence", () => {
    const d = parseDiagnostics(`5.15.0 x86_64\n${slab(320, 12)}`);
    expect(pasteEntryBytes(d.slab, d.kernelRelease, d.arch, HOST)).toEqual({
      slabBytes: 342,
      objectBytes: 320,
      objectsPerSlab: 12,
      pagesPerSlab: 1,
      pageBytes: 4096,
      extensionBytes: 128,
      extensionReason: "kernel",
      totalBytes: 470,
      kernelLabel: "5.15",
      matchesModel: true,
    });
  });
});
