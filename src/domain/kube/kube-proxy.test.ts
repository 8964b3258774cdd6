import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARTICLE_PRESET, DEFAULT_RAW, INT_MAX, readInputs, type Inputs } from "../sizing/inputs";
import {
  computeKubeNode,
  computeKubeProxy,
  KUBE_PROXY,
  kubeProxyHashsizeWrite,
  kubeProxyWriteMode,
} from "./kube-proxy-policy";
import { formatGoDuration, renderKubeProxyConfig } from "./kube-proxy-render";
import { k8s } from "./kubernetes-version";
import {
  KUBE_PROXY_LIMITS,
  readKubeNode,
  tryParseKubernetesVersion,
  validateCores,
} from "./kube-proxy-fields";
import { kubeProxyConfigFor } from "./kube-proxy-plan";
import { v } from "../kernel/kernel-version";
import { bytes, GiB } from "../core/units";

/** The worked example's 4 entries per bucket and 352 bytes per entry, on the default page. */
const ARTICLE_RAW = { ...DEFAULT_RAW, ...ARTICLE_PRESET };

describe("computeKubeProxy: getConntrackMax()", () => {
  // docs/kernel-facts.md §6 worked examples and pkg/proxy/conntrack/sysctls.go.
  it.each([
    {
      name: "2 cores: the 131072 floor",
      cores: 2,
      version: k8s(36),
      max: 131072,
      decidedBy: "min",
      hashsize: 32768,
    },
    {
      name: "4 cores: 131072 = the floor",
      cores: 4,
      version: k8s(36),
      max: 131072,
      decidedBy: "min",
      hashsize: 32768,
    },
    {
      name: "8 cores: 262144",
      cores: 8,
      version: k8s(36),
      max: 262144,
      decidedBy: "per-core",
      hashsize: 65536,
    },
    {
      name: "32 cores: exactly the cap",
      cores: 32,
      version: k8s(36),
      max: 1048576,
      decidedBy: "per-core",
      hashsize: 262144,
    },
    {
      name: "33 cores on 1.36: capped",
      cores: 33,
      version: k8s(36),
      max: 1048576,
      decidedBy: "cap",
      hashsize: 262144,
    },
    {
      name: "64 cores before 1.36: 2097152",
      cores: 64,
      version: k8s(35),
      max: 2097152,
      decidedBy: "per-core",
      hashsize: 524288,
    },
    {
      name: "64 cores from 1.36: capped",
      cores: 64,
      version: k8s(36),
      max: 1048576,
      decidedBy: "cap",
      hashsize: 262144,
    },
    {
      name: "64 cores on 1.36.3: capped",
      cores: 64,
      version: k8s(36, 3),
      max: 1048576,
      decidedBy: "cap",
      hashsize: 262144,
    },
    {
      name: "512 cores on 1.37: capped",
      cores: 512,
      version: k8s(37),
      max: 1048576,
      decidedBy: "cap",
      hashsize: 262144,
    },
  ] as const)("$name", ({ cores, version, max, decidedBy, hashsize }) => {
    const result = computeKubeProxy({ cores, version });
    expect(result.max).toBe(max);
    expect(result.decidedBy).toBe(decidedBy);
    expect(result.hashsizeTarget).toBe(hashsize);
    expect(result.cappedAt).toBe(decidedBy === "cap" ? 1048576 : null);
    expect(result.tcpEstablishedSeconds).toBe(86400);
    expect(result.tcpCloseWaitSeconds).toBe(3600);
    expect(result.notes).toContainEqual({ code: "overwrites-max" });
  });

  it("maxPerCore 0: leaves nf_conntrack_max alone and ignores min", () => {
    const result = computeKubeProxy({ cores: 64, version: k8s(36), maxPerCore: 0, min: 500000 });
    expect(result).toMatchObject({ max: null, decidedBy: "left-alone", scaled: null, hashsizeTarget: null });
    expect(result.notes).toEqual([{ code: "leaves-max" }, { code: "sets-timeouts" }]);
  });

  it("the cap limits the per-core product only: a larger min still wins below it", () => {
    expect(computeKubeProxy({ cores: 8, version: k8s(36), min: 2000000 })).toMatchObject({
      max: 2000000,
      decidedBy: "min",
    });
    // Above the cap the cap wins, even over a larger min (the cap is checked first).
    expect(computeKubeProxy({ cores: 64, version: k8s(36), min: 2000000 })).toMatchObject({
      max: 1048576,
      decidedBy: "cap",
    });
  });

  it("warns before 1.36 that an upgrade would cap, and notes the cap from 1.36", () => {
    expect(computeKubeProxy({ cores: 64, version: k8s(35) }).notes).toContainEqual({
      code: "would-cap",
      scaled: 2097152,
    });
    expect(computeKubeProxy({ cores: 64, version: k8s(36) }).notes).toEqual([
      { code: "capped", scaled: 2097152 },
      { code: "overwrites-max" },
      { code: "hashsize", hashsize: 262144, fatal: true },
      { code: "lowers-larger-max" },
      { code: "sets-timeouts" },
    ]);
  });

  it("only raises max and both TCP timeouts in 1.23 to 1.28 (E7: setIntSysCtl() writes when val < value)", () => {
    const result = computeKubeProxy({ cores: 8, version: k8s(28) });
    expect(result.max).toBe(262144);
    // The kernel's own established timeout is 432000 s: kube-proxy's 86400 is lower, so it stays.
    expect(result.tcpEstablishedSeconds).toBeNull();
    // close_wait is raised from the kernel's 60 s.
    expect(result.tcpCloseWaitSeconds).toBe(3600);
    expect(result.notes).toEqual([
      { code: "only-raises", timeouts: true },
      { code: "hashsize", hashsize: 65536, fatal: false },
      { code: "raises-timeouts", established: null, closeWait: 3600 },
    ]);
    // A timeout above the kernel's own is raised.
    expect(computeKubeProxy({ cores: 8, version: k8s(23), tcpEstablishedSeconds: 864000 })).toMatchObject({
      tcpEstablishedSeconds: 864000,
    });
    const modes = [22, 23, 28, 29, 37, 38].map((minor) => kubeProxyWriteMode(k8s(minor)));
    expect(modes).toEqual([
      "overwrites",
      "raises-all",
      "raises-all",
      "overwrites",
      "overwrites",
      "raises-max",
    ]);
  });

  it("stops on a failed hashsize write from 1.36, only an event for a read-only /sys before (E8)", () => {
    const fatal = (minor: number) =>
      computeKubeProxy({ cores: 8, version: k8s(minor) }).notes.find((n) => n.code === "hashsize");
    expect(fatal(35)).toEqual({ code: "hashsize", hashsize: 65536, fatal: false });
    expect(fatal(36)).toEqual({ code: "hashsize", hashsize: 65536, fatal: true });
  });

  it("says in the config that 1.23 to 1.28 and 1.38 on never lower a larger value", () => {
    const notes = (minor: number) => {
      const plan = kubeProxyConfigFor({ wantedMax: 262144, cores: 8, version: k8s(minor) });
      if (!plan.ok) throw new Error("no plan");
      return plan.value.notes;
    };
    expect(notes(25)).toContainEqual({ code: "only-raises", timeouts: true, kernelDefault: null });
    expect(notes(38)).toContainEqual({ code: "only-raises", timeouts: false, kernelDefault: null });
    expect(notes(30)).not.toContainEqual(expect.objectContaining({ code: "only-raises" }));
  });

  it("says which releases lower a larger max and which only raise it (1.38)", () => {
    const codes = (minor: number) =>
      computeKubeProxy({ cores: 8, version: k8s(minor) }).notes.map((n) => n.code);
    expect(codes(35)).not.toContain("lowers-larger-max");
    expect(codes(35)).not.toContain("only-raises");
    expect(codes(37)).toContain("lowers-larger-max");
    expect(codes(38)).toContain("only-raises");
    expect(codes(38)).not.toContain("lowers-larger-max");
    expect(computeKubeProxy({ cores: 8, version: k8s(38), maxPerCore: 0 }).notes).not.toContainEqual(
      expect.objectContaining({ code: "only-raises" }),
    );
  });

  it("flags a product above INT_MAX, which the sysctl refuses", () => {
    const result = computeKubeProxy({ cores: 2, version: k8s(30), maxPerCore: 2147483647 });
    expect(result.max).toBe(4294967294);
    expect(result.notes).toContainEqual({ code: "above-int-max", max: 4294967294 });
  });

  it("timeouts 0 are left alone", () => {
    const result = computeKubeProxy({
      cores: 2,
      version: k8s(36),
      tcpEstablishedSeconds: 0,
      tcpCloseWaitSeconds: 0,
    });
    expect(result.tcpEstablishedSeconds).toBeNull();
    expect(result.tcpCloseWaitSeconds).toBeNull();
    expect(result.notes).not.toContainEqual({ code: "sets-timeouts" });
  });

  it("is max(min, maxPerCore × cores), capped from 1.36 at 1048576 when the product is above it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8192 }),
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: INT_MAX }),
        (cores, minor, maxPerCore, min) => {
          const scaled = maxPerCore * cores;
          const expected = minor >= 36 && scaled > 1048576 ? 1048576 : Math.max(scaled, min);
          expect(computeKubeProxy({ cores, version: k8s(minor), maxPerCore, min }).max).toBe(expected);
        },
      ),
    );
  });
});

describe("kubeProxyHashsizeWrite: SetMax()", () => {
  it.each([
    { max: 262144, current: 16384, written: 65536 },
    { max: 262144, current: 65536, written: null },
    { max: 1048576, current: 262144, written: null },
    { max: 1048576, current: 262143, written: 262144 },
    // Go integer division: 131075 / 4 = 32768.
    { max: 131075, current: 1024, written: 32768 },
  ])("max $max, hashsize $current: writes $written", ({ max, current, written }) => {
    expect(kubeProxyHashsizeWrite(max, current)).toBe(written);
  });
});

describe("computeKubeNode", () => {
  const base = readInputs(ARTICLE_RAW);
  const inputs = (overrides: Partial<Inputs>): Inputs => ({ ...base, ...overrides });

  it.each([
    {
      name: "16 GiB on 6.12, 8 cores: the kernel's 262144 buckets already exceed max / 4",
      given: base,
      cores: 8,
      version: k8s(36),
      before: 262144,
      written: null,
      buckets: 262144,
      // 262144 × 352 + 262144 × 8
      total: 94371840,
    },
    {
      name: "16 GiB on 6.12, 64 cores before 1.36: hashsize grown to 524288",
      given: base,
      cores: 64,
      version: k8s(35),
      before: 262144,
      written: 524288,
      buckets: 524288,
      // 2097152 × 352 + 524288 × 8
      total: 742391808,
    },
    {
      name: "2 GiB on 4.19, 2 cores: 16384 buckets grown to 32768",
      given: inputs({ ram: bytes(2 * GiB), kernel: v(4, 19) }),
      cores: 2,
      version: k8s(30),
      before: 16384,
      written: 32768,
      buckets: 32768,
      // 131072 × 352 + 32768 × 8
      total: 46399488,
    },
    {
      name: "32-bit, 2 GiB on 4.19, 5 cores: 163840, hashsize 40960 (a multiple of the 1024 step)",
      given: inputs({ ram: bytes(2 * GiB), arch: 32, kernel: v(4, 19) }),
      cores: 5,
      version: k8s(30),
      before: 16384,
      // 163840 / 4 = 40960, already a multiple of 1024
      written: 40960,
      buckets: 40960,
      // 163840 × 352 + 40960 × 4
      total: 57835520,
    },
  ])("$name", ({ given, cores, version, before, written, buckets, total }) => {
    const memory = computeKubeNode(given, computeKubeProxy({ cores, version }));
    expect(memory).toMatchObject({
      bucketsBefore: before,
      hashsizeWritten: written,
      buckets,
      source: "kube-proxy",
    });
    expect(memory?.memory.total).toBe(total);
  });

  it("rounds a written hashsize like every table", () => {
    const memory = computeKubeNode(
      inputs({ ram: bytes(2 * GiB), kernel: v(4, 19) }),
      computeKubeProxy({ cores: 2, version: k8s(30), min: 131075 }),
    );
    // 131075 / 4 = 32768, already a multiple of 512; 200001 / 4 = 50000, rounded to 50176.
    expect(memory?.buckets).toBe(32768);
    const odd = computeKubeNode(
      inputs({ ram: bytes(2 * GiB), kernel: v(4, 19) }),
      computeKubeProxy({ cores: 2, version: k8s(30), min: 200001 }),
    );
    expect(odd).toMatchObject({ hashsizeWritten: 50000, buckets: 50176 });
  });

  it("maxPerCore 0: the node keeps the kernel's own value", () => {
    expect(
      computeKubeNode(base, computeKubeProxy({ cores: 8, version: k8s(36), maxPerCore: 0 })),
    ).toMatchObject({ max: 262144, source: "kernel-default", hashsizeWritten: null });
  });

  // The golden case of the raise-only releases: 16 GiB, 6.12, 256 B per entry (measured, the default
  // for 6.12 on 64-bit). 1.38 only raises: kube-proxy's 131072 (4 cores: min; 6 cores:
  // 6 × 32768 = 196608) is below the kernel's 262144, so the node keeps 262144:
  // 262144 × 256 + 262144 × 8 = 69,206,016 B.
  const measured = readInputs(DEFAULT_RAW);
  it.each([
    { cores: 4, version: k8s(38), own: 131072, max: 262144, source: "kernel-default", total: 69206016 },
    { cores: 6, version: k8s(38), own: 196608, max: 262144, source: "kernel-default", total: 69206016 },
    { cores: 6, version: k8s(25), own: 196608, max: 262144, source: "kernel-default", total: 69206016 },
    // 1.29 … 1.37 overwrite: the node gets 131072 × 256 + 262144 × 8 = 35,651,584 B.
    { cores: 4, version: k8s(37), own: 131072, max: 131072, source: "kube-proxy", total: 35651584 },
    // 16 cores on 1.38: 524288 is larger, written: 524288 × 256 + 262144 × 8.
    { cores: 16, version: k8s(38), own: 524288, max: 524288, source: "kube-proxy", total: 136314880 },
  ])("16 GiB, 6.12, $cores cores, $version.minor: the node ends with $max", (row) => {
    expect(measured.struct).toBe(256);
    const own = computeKubeProxy({ cores: row.cores, version: row.version });
    expect(own.max).toBe(row.own);
    const node = computeKubeNode(measured, own);
    expect(node).toMatchObject({ max: row.max, source: row.source });
    expect(node?.memory.total).toBe(row.total);
  });

  it("a larger sysctl.d value stays on a raise-only release, not on one that overwrites", () => {
    const own = computeKubeProxy({ cores: 4, version: k8s(38) });
    expect(computeKubeNode(measured, own, 500000)).toMatchObject({ max: 500000, source: "sysctl" });
    expect(computeKubeNode(measured, own, 100000)).toMatchObject({ max: 131072, source: "kube-proxy" });
    const overwrites = computeKubeProxy({ cores: 4, version: k8s(36) });
    expect(computeKubeNode(measured, overwrites, 500000)).toMatchObject({
      max: 131072,
      source: "kube-proxy",
    });
  });
});

describe("kubeProxyConfigFor", () => {
  it.each([
    { wanted: 500000, cores: 8, version: k8s(36), maxPerCore: 62500, capNote: false },
    { wanted: 1000003, cores: 7, version: k8s(35), maxPerCore: 142857, capNote: false },
    { wanted: 2000000, cores: 8, version: k8s(35), maxPerCore: 250000, capNote: false },
    // From 1.36 the per-core product stays under the cap; min carries the rest.
    { wanted: 2000000, cores: 8, version: k8s(36), maxPerCore: 131072, capNote: true },
    { wanted: INT_MAX, cores: 1, version: k8s(36), maxPerCore: 1048576, capNote: true },
    { wanted: 131072, cores: 2, version: k8s(36), maxPerCore: 65536, capNote: false },
  ])(
    "$wanted on $cores cores, 1.$version.minor: maxPerCore $maxPerCore",
    ({ wanted, cores, version, maxPerCore, capNote }) => {
      const result = kubeProxyConfigFor({ wantedMax: wanted, cores, version });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.conntrack).toEqual({
        maxPerCore,
        min: wanted,
        tcpEstablishedSeconds: 86400,
        tcpCloseWaitSeconds: 3600,
        udpTimeoutSeconds: 0,
        udpStreamTimeoutSeconds: 0,
      });
      expect(result.value.notes).toContainEqual({ code: "merge" });
      expect(result.value.notes.some((note) => note.code === "min-above-cap")).toBe(capNote);
      expect(computeKubeProxy({ cores, version, maxPerCore, min: wanted }).max).toBe(wanted);
    },
  );

  it.each([
    { wanted: 3, cores: 8, issue: { code: "below-cores", cores: 8 } },
    { wanted: 0, cores: 8, issue: { code: "range" } },
    { wanted: INT_MAX + 1, cores: 8, issue: { code: "range" } },
    { wanted: 1.5, cores: 8, issue: { code: "range" } },
    { wanted: 1000, cores: 0, issue: { code: "range" } },
    { wanted: 100000, cores: 8193, issue: { code: "range" } },
  ])("refuses $wanted on $cores cores", ({ wanted, cores, issue }) => {
    expect(kubeProxyConfigFor({ wantedMax: wanted, cores, version: k8s(36) })).toEqual({ ok: false, issue });
  });

  it("round trip: kube-proxy produces exactly the wanted max whenever it is reachable", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: KUBE_PROXY_LIMITS.cores.max }),
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 1, max: INT_MAX }),
        (cores, minor, wanted) => {
          const version = k8s(minor);
          const result = kubeProxyConfigFor({ wantedMax: wanted, cores, version });
          if (wanted < cores) {
            expect(result).toEqual({ ok: false, issue: { code: "below-cores", cores } });
            return;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { maxPerCore, min } = result.value.conntrack;
          expect(maxPerCore).toBeGreaterThanOrEqual(1);
          expect(maxPerCore).toBeLessThanOrEqual(2147483647);
          expect(computeKubeProxy({ cores, version, maxPerCore, min: min ?? 0 }).max).toBe(wanted);
        },
      ),
    );
  });

  it("carries changed timeouts it manages, and names the ones left to sysctl", () => {
    const changed = { tcp_timeout_time_wait: 30, udp_timeout_stream: 60, tcp_timeout_established: 7200 };
    const modern = kubeProxyConfigFor({
      wantedMax: 262144,
      cores: 8,
      version: k8s(36),
      changedTimeouts: changed,
    });
    expect(modern).toMatchObject({
      ok: true,
      value: {
        conntrack: {
          tcpEstablishedSeconds: 7200,
          tcpCloseWaitSeconds: 3600,
          udpTimeoutSeconds: 0,
          udpStreamTimeoutSeconds: 60,
        },
        notes: [{ code: "merge" }, { code: "sysctl-for", keys: ["tcp_timeout_time_wait"] }],
      },
    });
    const older = kubeProxyConfigFor({
      wantedMax: 262144,
      cores: 8,
      version: k8s(28),
      changedTimeouts: changed,
    });
    expect(older).toMatchObject({
      ok: true,
      value: {
        conntrack: { udpStreamTimeoutSeconds: 0 },
        notes: [
          { code: "merge" },
          { code: "only-raises", timeouts: true, kernelDefault: null },
          { code: "sysctl-for", keys: ["tcp_timeout_time_wait", "udp_timeout_stream"] },
        ],
      },
    });
  });

  it("a raise-only release says when the kernel's own larger default cannot be removed", () => {
    const note = (wantedMax: number) =>
      kubeProxyConfigFor({ wantedMax, cores: 4, version: k8s(38), kernelDefaultMax: 262144 });
    expect(note(131072)).toMatchObject({
      ok: true,
      value: { notes: [{ code: "merge" }, { code: "only-raises", timeouts: false, kernelDefault: 262144 }] },
    });
    expect(note(500000)).toMatchObject({
      ok: true,
      value: { notes: [{ code: "merge" }, { code: "only-raises", timeouts: false, kernelDefault: null }] },
    });
  });
});

describe("rendering", () => {
  it.each([
    { seconds: 86400, text: "24h0m0s" },
    { seconds: 3600, text: "1h0m0s" },
    { seconds: 432000, text: "120h0m0s" },
    { seconds: 3661, text: "1h1m1s" },
    { seconds: 120, text: "2m0s" },
    { seconds: 90, text: "1m30s" },
    { seconds: 30, text: "30s" },
    { seconds: 0, text: "0s" },
  ])("Go duration of $seconds s: $text", ({ seconds, text }) => {
    expect(formatGoDuration(seconds)).toBe(text);
  });

  it("renders the conntrack section of a KubeProxyConfiguration", () => {
    const plan = kubeProxyConfigFor({
      wantedMax: 2000000,
      cores: 8,
      version: k8s(36),
      changedTimeouts: { udp_timeout: 10, udp_timeout_stream: 60 },
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(
      renderKubeProxyConfig(plan.value.conntrack, k8s(36), [
        "conntrack-calc",
        "",
        "https://example.test/?v=1",
      ]),
    ).toBe(`# conntrack-calc
#
# https://example.test/?v=1
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
conntrack:
  maxPerCore: 131072
  min: 2000000
  tcpEstablishedTimeout: 24h0m0s
  tcpCloseWaitTimeout: 1h0m0s
  udpTimeout: 10s
  udpStreamTimeout: 1m0s
`);
  });

  it("a configuration that leaves nf_conntrack_max alone: maxPerCore 0 and no min; no UDP fields before 1.29", () => {
    const config = {
      maxPerCore: 0,
      min: null,
      tcpEstablishedSeconds: 7200,
      tcpCloseWaitSeconds: 3600,
      udpTimeoutSeconds: 10,
      udpStreamTimeoutSeconds: 0,
    };
    expect(renderKubeProxyConfig(config, k8s(28))).toBe(`apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
conntrack:
  maxPerCore: 0
  tcpEstablishedTimeout: 2h0m0s
  tcpCloseWaitTimeout: 1h0m0s
`);
  });
});

describe("inputs", () => {
  it.each([
    { text: "1.36", version: k8s(36) },
    { text: " v1.36.2 ", version: k8s(36, 2) },
    { text: "1.36.0-rc.1", version: k8s(36, 0) },
    { text: "1.10", version: k8s(10) },
  ])("Kubernetes version $text", ({ text, version }) => {
    expect(tryParseKubernetesVersion(text)).toEqual({ ok: true, value: version });
  });

  it.each([
    { text: "", code: "empty" },
    { text: "latest", code: "syntax" },
    { text: "1", code: "syntax" },
    { text: "2.0", code: "range" },
    { text: "1.9", code: "range" },
    { text: "1.100", code: "range" },
  ])("refuses Kubernetes version $text ($code)", ({ text, code }) => {
    expect(tryParseKubernetesVersion(text)).toEqual({ ok: false, issue: { code } });
  });

  it.each([
    { fn: validateCores, text: "64", result: { ok: true, value: 64 } },
    { fn: validateCores, text: "0", result: { ok: false, issue: { code: "range" } } },
    { fn: validateCores, text: "8193", result: { ok: false, issue: { code: "range" } } },
    { fn: validateCores, text: "8,192", result: { ok: true, value: 8192 } },
    { fn: validateCores, text: "", result: { ok: false, issue: { code: "empty" } } },
    { fn: validateCores, text: "1e3", result: { ok: false, issue: { code: "syntax" } } },
  ])("$fn.name($text)", ({ fn, text, result }) => {
    expect(fn(text)).toEqual(result);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const result of [tryParseKubernetesVersion(text), validateCores(text)]) {
          expect(typeof result.ok).toBe("boolean");
        }
      }),
    );
  });

  it("the defaults are kube-proxy's", () => {
    expect(KUBE_PROXY).toMatchObject({
      defaultMaxPerCore: 32768,
      defaultMin: 131072,
      tcpEstablishedSeconds: 86400,
      tcpCloseWaitSeconds: 3600,
      cap: 1048576,
    });
  });
});

describe("readKubeNode", () => {
  it.each([
    [
      { cores: "16", k8s: "1.30" },
      { cores: 16, version: k8s(30) },
    ],
    [
      { cores: " 8 ", k8s: "v1.36.2" },
      { cores: 8, version: k8s(36, 2) },
    ],
    [{ cores: "", k8s: "1.36" }, null],
    [{ cores: "0", k8s: "1.36" }, null],
    [{ cores: "16", k8s: "2.0" }, null],
  ])("reads %j as %j", (raw, node) => {
    expect(readKubeNode(raw)).toEqual(node);
  });
});
