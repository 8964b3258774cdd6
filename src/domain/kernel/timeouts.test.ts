import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { v } from "./kernel-version";
import {
  changedTimeouts,
  defaultTimeouts,
  readTimeouts,
  TIMEOUT_INFO,
  TIMEOUT_KEYS,
  TIMEOUT_LIMITS,
  TIMEOUT_FIELDS,
  timeoutSysctlName,
  timeoutUrlKey,
  udpStreamNeedsTwoSeconds,
  validateTimeout,
} from "./timeouts";

describe("defaultTimeouts by kernel version", () => {
  // docs/kernel-facts.md §5 (measured on 6.18) and nf_conntrack_proto_{tcp,udp}.c.
  const modern = {
    tcp_timeout_established: 432000,
    tcp_timeout_time_wait: 120,
    tcp_timeout_close_wait: 60,
    tcp_timeout_fin_wait: 120,
    tcp_timeout_syn_sent: 120,
    tcp_timeout_syn_recv: 60,
    udp_timeout: 30,
    udp_timeout_stream: 120,
    icmp_timeout: 30,
    generic_timeout: 600,
  };

  it.each([
    { kernel: v(6, 18), stream: 120 },
    { kernel: v(6, 12), stream: 120 },
    { kernel: v(5, 15), stream: 120 },
    { kernel: v(5, 0), stream: 120 },
    { kernel: v(4, 20), stream: 180 },
    { kernel: v(4, 19, 91), stream: 180 },
    { kernel: v(4, 18), stream: 180 },
    { kernel: v(4, 9), stream: 180 },
    { kernel: v(3, 10), stream: 180 },
    { kernel: v(2, 6, 32), stream: 180 },
  ])("$kernel.major.$kernel.minor: udp_timeout_stream $stream s", ({ kernel, stream }) => {
    expect(defaultTimeouts(kernel)).toEqual({ ...modern, udp_timeout_stream: stream });
  });

  it.each([
    { kernel: v(4, 19, 91), twoSeconds: false },
    { kernel: v(4, 20), twoSeconds: false },
    { kernel: v(5, 0), twoSeconds: true },
    { kernel: v(6, 12), twoSeconds: true },
    { kernel: v(3, 10), twoSeconds: false },
  ])("the 2 s stream rule on $kernel.major.$kernel.minor: $twoSeconds", ({ kernel, twoSeconds }) => {
    expect(udpStreamNeedsTwoSeconds(kernel)).toBe(twoSeconds);
  });

  it("defines every key, each with a reason", () => {
    for (const key of TIMEOUT_KEYS) {
      expect(defaultTimeouts(v(6, 12))[key]).toBeGreaterThan(0);
      expect(TIMEOUT_INFO[key].reason).toBeTruthy();
    }
  });

  it("kube-proxy writes exactly established and close_wait", () => {
    expect(TIMEOUT_KEYS.filter((key) => TIMEOUT_INFO[key].setByKubeProxy)).toEqual([
      "tcp_timeout_established",
      "tcp_timeout_close_wait",
    ]);
  });
});

describe("timeoutSysctlName", () => {
  it.each([
    { key: "udp_timeout_stream", kernel: v(6, 12), name: "net.netfilter.nf_conntrack_udp_timeout_stream" },
    {
      key: "tcp_timeout_time_wait",
      kernel: v(3, 10),
      name: "net.netfilter.nf_conntrack_tcp_timeout_time_wait",
    },
    { key: "generic_timeout", kernel: v(2, 6, 18), name: "net.ipv4.netfilter.ip_conntrack_generic_timeout" },
  ] as const)("$key on $kernel.major.$kernel.minor: $name", ({ key, kernel, name }) => {
    expect(timeoutSysctlName(key, kernel)).toBe(name);
  });
});

describe("URL keys", () => {
  it("gives every timeout a field named with the to_ prefix", () => {
    expect(Object.keys(TIMEOUT_FIELDS)).toEqual(TIMEOUT_KEYS.map((key) => `to_${key}`));
    for (const key of TIMEOUT_KEYS) expect(timeoutUrlKey(key)).toBe(`to_${key}`);
  });
});

describe("validateTimeout", () => {
  it.each([
    { text: "86400", value: 86400 },
    { text: " 86,400 ", value: 86400 },
    { text: "1", value: 1 },
    { text: "2147483", value: 2147483 },
  ])("accepts $text", ({ text, value }) => {
    expect(validateTimeout(text)).toEqual({ ok: true, value });
  });

  it.each([
    { text: "", code: "empty" },
    { text: "  ", code: "empty" },
    { text: "0", code: "range" },
    { text: "2147484", code: "range" },
    { text: "-5", code: "syntax" },
    { text: "1.5", code: "syntax" },
    { text: "24h", code: "syntax" },
  ])("refuses $text ($code)", ({ text, code }) => {
    expect(validateTimeout(text)).toEqual({ ok: false, issue: { code } });
  });

  it("never throws, and accepts exactly the integers in range", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = validateTimeout(text);
        if (result.ok) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(TIMEOUT_LIMITS.min);
          expect(result.value).toBeLessThanOrEqual(TIMEOUT_LIMITS.max);
        }
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: TIMEOUT_LIMITS.min, max: TIMEOUT_LIMITS.max }), (n) => {
        expect(validateTimeout(String(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("readTimeouts and changedTimeouts", () => {
  it("uses the kernel's defaults for absent, empty and invalid fields, and reports the invalid", () => {
    const { values, issues } = readTimeouts(
      { udp_timeout: "10", udp_timeout_stream: "", icmp_timeout: "x" },
      v(4, 9),
    );
    expect(values).toEqual({ ...defaultTimeouts(v(4, 9)), udp_timeout: 10 });
    expect(issues).toEqual({ icmp_timeout: { code: "syntax" } });
  });

  it("lists only the changed timeouts, in table order, with the sysctl for the kernel", () => {
    const values = { ...defaultTimeouts(v(6, 12)), udp_timeout_stream: 60, tcp_timeout_established: 86400 };
    expect(changedTimeouts(values, v(6, 12))).toEqual([
      {
        key: "tcp_timeout_established",
        sysctl: "net.netfilter.nf_conntrack_tcp_timeout_established",
        seconds: 86400,
        kernelDefaultSeconds: 432000,
      },
      {
        key: "udp_timeout_stream",
        sysctl: "net.netfilter.nf_conntrack_udp_timeout_stream",
        seconds: 60,
        kernelDefaultSeconds: 120,
      },
    ]);
  });

  it("an explicit 120 s stream timeout is a change on a kernel whose default is 180", () => {
    const { values } = readTimeouts({ udp_timeout_stream: "120" }, v(4, 9));
    expect(changedTimeouts(values, v(4, 9)).map((c) => c.key)).toEqual(["udp_timeout_stream"]);
    expect(changedTimeouts(values, v(6, 12))).toEqual([]);
  });

  it("nothing changed: no lines", () => {
    expect(changedTimeouts(defaultTimeouts(v(5, 15)), v(5, 15))).toEqual([]);
  });
});
