import { describe, expect, it } from "vitest";
import { v } from "../kernel/kernel-version";
import { parseDiagnostics } from "./parse-diagnostics";
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
