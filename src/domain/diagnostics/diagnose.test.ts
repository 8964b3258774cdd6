import { describe, expect, it } from "vitest";
import { computeDiagnosticsKernelDefault, diagnose } from "./diagnose";
import { parseDiagnostics } from "./parse-diagnostics";
import { codes, PROMPTED } from "./pastes.fixture";

describe("diagnose", () => {
  const sysctls = (max: number, count: number, buckets?: number) =>
    parseDiagnostics(
      `net.netfilter.nf_conntrack_max = ${max}\nnet.netfilter.nf_conntrack_count = ${count}\n` +
        (buckets === undefined ? "" : `net.netfilter.nf_conntrack_buckets = ${buckets}\n`),
    );

  it.each([
    [1000, 800, "fill", 0.8],
    [1000, 801, "fill-high", 0.801],
    [1000, 850, "fill-high", 0.85],
    [65536, 65537, "fill-high", 65537 / 65536],
  ])("max %i, count %i: %s at %f", (max, count, code, share) => {
    expect(diagnose(sysctls(max, count))).toEqual([
      { code, severity: code === "fill" ? "info" : "warning", count, max, share },
    ]);
  });

  it("says nf_conntrack_max = 0 means no limit up to 6.18 and is refused from 6.19 (docs/kernel-facts.md §3)", () => {
    const unlimited = (kernel: string) => ({ code: "max-unlimited", severity: "warning", kernel });
    expect(diagnose(sysctls(0, 10))).toEqual([unlimited("unknown")]);
    const on = (release: string) =>
      diagnose(parseDiagnostics(`${release} x86_64\nnet.netfilter.nf_conntrack_max = 0\n`));
    expect(on("6.18.44")).toEqual([unlimited("accepts")]);
    expect(on("6.12.117")).toEqual([unlimited("accepts")]);
    expect(on("6.19.1")).toEqual([unlimited("refuses")]);
    expect(on("7.3.4")).toEqual([unlimited("refuses")]);
  });

  it("a count of 0 with a max set points to a dump taken in another namespace (errata F9)", () => {
    expect(diagnose(sysctls(262144, 0))).toEqual([
      { code: "fill", severity: "info", count: 0, max: 262144, share: 0 },
      { code: "count-zero-namespace", severity: "info" },
    ]);
    expect(diagnose(sysctls(262144, 1)).map((f) => f.code)).not.toContain("count-zero-namespace");
    expect(diagnose(sysctls(0, 0)).map((f) => f.code)).not.toContain("count-zero-namespace");
  });

  it("computes the average chain length as 2 x count / buckets, exactly", () => {
    expect(diagnose(sysctls(262144, 196608, 65536)).find((f) => f.code === "chain-length")).toEqual({
      code: "chain-length",
      severity: "info",
      count: 196608,
      buckets: 65536,
      average: 6,
    });
  });

  it("takes the count from the stat table when no sysctl gives it", () => {
    const stat = PROMPTED.split("\n").slice(1, 4).join("\n");
    const d = parseDiagnostics(
      `${stat}\nnet.netfilter.nf_conntrack_max = 1530\nnet.netfilter.nf_conntrack_buckets = 1024`,
    );
    expect(diagnose(d).find((f) => f.code === "fill-high")).toMatchObject({ count: 1530, share: 1 });
  });

  it("compares max and buckets with the kernel's default only when given one", () => {
    const d = sysctls(262144, 10, 65536);
    expect(codes(d)).toEqual(["fill", "chain-length"]);
    expect(codes(d, { max: 262144, buckets: 262144 })).toEqual([
      "fill",
      "chain-length",
      "default-max",
      "tuned-buckets",
    ]);
  });

  it("needs RAM, architecture and kernel for the kernel's default", () => {
    expect(computeDiagnosticsKernelDefault(parseDiagnostics("MemTotal: 24683620 kB\n6.18.44\n"))).toBeNull();
    expect(computeDiagnosticsKernelDefault(parseDiagnostics("MemTotal: 24683620 kB\nx86_64\n"))).toBeNull();
  });
});

describe("the TSDoc examples of diagnose and computeDiagnosticsKernelDefault", () => {
  it("hold", () => {
    expect(
      diagnose(
        parseDiagnostics("net.netfilter.nf_conntrack_max = 1000\nnet.netfilter.nf_conntrack_count = 850\n"),
      ),
    ).toEqual([{ code: "fill-high", severity: "warning", count: 850, max: 1000, share: 0.85 }]);
    expect(
      computeDiagnosticsKernelDefault(parseDiagnostics("MemTotal: 24683620 kB\n6.18.44 x86_64\n")),
    ).toEqual({ max: 262144, buckets: 262144, pageBytesAssumed: true });
  });
});
