import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultTimeouts } from "../kernel/timeouts";
import { v } from "../kernel/kernel-version";
import { createSpaceSaving } from "./space-saving";
import { createTableReader } from "./table-reader";

/** table-reader.ts: lines not understood before the first entry after which reading stops. */
const NOT_A_TABLE_LINES = 1000;
import { IDLE_EDGES_SECONDS } from "./table-stats";
import { tableFindings } from "./findings";

const TIMEOUTS = defaultTimeouts(v(6, 12));

function read(text: string, chunk = 7) {
  const reader = createTableReader(TIMEOUTS);
  for (let at = 0; at < text.length; at += chunk) reader.push(text.slice(at, at + chunk));
  return reader.finish();
}

const LISTING = [
  "tcp      6 431999 ESTABLISHED src=127.0.0.1 dst=127.0.0.1 sport=60548 dport=8080 src=127.0.0.1 dst=127.0.0.1 sport=8080 dport=60548 [ASSURED] mark=0 use=1",
  "tcp      6 119 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=60384 dport=8080 src=127.0.0.1 dst=127.0.0.1 sport=8080 dport=60384 [ASSURED] mark=0 use=1",
  "tcp      6 299 SYN_SENT src=127.0.0.1 dst=127.0.0.1 sport=52562 dport=9999 [UNREPLIED] src=127.0.0.1 dst=127.0.0.1 sport=9999 dport=52562 mark=0 use=1",
  "udp      17 29 src=10.99.0.1 dst=10.99.0.1 sport=57765 dport=9000 [UNREPLIED] src=127.0.0.1 dst=10.99.0.1 sport=9001 dport=57765 mark=0 use=1",
  "udp      17 598 src=127.0.0.1 dst=127.0.0.4 sport=44957 dport=8888 [UNREPLIED] src=127.0.0.4 dst=127.0.0.1 sport=8888 dport=44957 mark=0 zone=3 use=1",
  "icmp     1 29 src=127.0.0.1 dst=127.0.0.1 type=8 code=0 id=28601 src=127.0.0.1 dst=127.0.0.1 type=0 code=0 id=28601 mark=0 use=1",
  "icmpv6   58 29 src=::1 dst=::1 type=128 code=0 id=28602 src=::1 dst=::1 type=129 code=0 id=28602 mark=7 use=1",
  "conntrack v1.4.7 (conntrack-tools): 7 flow entries have been shown.",
].join("\r\n");

describe("createTableReader", () => {
  it("counts a listing exactly, in any chunking", () => {
    for (const chunk of [1, 7, 1000]) {
      const { stats, skipped, summary, lines, stopped } = read(LISTING, chunk);
      expect({ lines, skipped, summary, stopped }).toEqual({
        lines: 8,
        skipped: 0,
        summary: { version: "1.4.7", count: 7 },
        stopped: null,
      });
      expect(stats).toMatchObject({
        entries: 7,
        ipv4: 6,
        ipv6: 1,
        protocols: { icmp: 1, icmpv6: 1, tcp: 3, udp: 2 },
        tcpStates: { ESTABLISHED: 1, SYN_SENT: 1, TIME_WAIT: 1 },
        assured: 2,
        unreplied: 3,
        nat: 1,
        zones: { "3": 1 },
        marks: { "7": 1 },
      });
      expect(stats.services.items.map((item) => [item.key, item.count])).toEqual([
        ["tcp|8080", 2],
        ["icmpv6|128", 1],
        ["icmp|8", 1],
        ["tcp|9999", 1],
        ["udp|8888", 1],
        ["udp|9000", 1],
      ]);
      expect(stats.natPairs.items.map((item) => item.key)).toEqual(["udp|10.99.0.1|9000|127.0.0.1|9001"]);
    }
  });

  it("bins idle time against the kernel's timeouts", () => {
    const { stats } = read(LISTING);
    const byKey = Object.fromEntries(stats.idle.map((c) => [c.timeoutKey, c]));
    // ESTABLISHED: 432000 - 431999 = 1 s idle; TIME_WAIT 120 - 119 = 1 s; SYN_SENT 120 - 299 < 0.
    expect(byKey.tcp_timeout_established?.bins[0]).toBe(1);
    expect(byKey.tcp_timeout_syn_sent?.longerThanAssumed).toBe(1);
    // udp_timeout 30: 30 - 598 < 0 (a host with a longer timeout), and 30 - 29 = 1.
    expect(byKey.udp_timeout?.longerThanAssumed).toBe(1);
    expect(byKey.udp_timeout?.bins.reduce((a, b) => a + b)).toBe(2);
  });

  it("reads -o xml across lines, frame and all", () => {
    const flow = (sport: number) =>
      `<flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>10.0.0.1</src><dst>10.0.0.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>${sport}</sport><dport>53</dport></layer4></meta>\n<meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>10.0.0.2</src><dst>10.0.0.1</dst></layer3><layer4 protonum="17" protoname="udp"><sport>53</sport><dport>${sport}</dport></layer4></meta><meta direction="independent"><timeout>20</timeout><unreplied/></meta></flow>`;
    const text = `<?xml version="1.0" encoding="utf-8"?>\n<conntrack>\n${flow(1)}\n${flow(2)}\n</conntrack>\n`;
    const { stats, skipped } = read(text, 13);
    expect(skipped).toBe(0);
    expect(stats.entries).toBe(2);
    expect(stats.unreplied).toBe(2);
  });

  it("counts lines it does not understand, keeps the first five with their numbers, and goes on", () => {
    const text = ["$ sudo conntrack -L", "garbage", LISTING, "x", "y", "z", "w"].join("\n");
    const { stats, skipped, skippedSamples } = read(text);
    expect(stats.entries).toBe(7);
    expect(skipped).toBe(6);
    expect(skippedSamples.map((s) => s.lineNumber)).toEqual([1, 2, 11, 12, 13]);
  });

  it("stops on binary input and on a long run of text that is not a table", () => {
    expect(read("abc\u0000def").stopped).toBe("binary");
    const notTable = read("hello\n".repeat(NOT_A_TABLE_LINES + 50));
    expect(notTable.stopped).toBe("not-a-table");
    expect(notTable.lines).toBe(NOT_A_TABLE_LINES);
  });

  it("does not keep an overlong line", () => {
    const { skipped, skippedSamples, stats } = read(`${"a".repeat(100_000)}\n${LISTING}`, 4096);
    expect(skipped).toBe(1);
    expect(skippedSamples[0]?.text).toBe("");
    expect(stats.entries).toBe(7);
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string(), (text) => void read(text, 3)));
  });
});

describe("Space-Saving", () => {
  it("is exact below capacity and bounded above it", () => {
    const exact = createSpaceSaving(10, 1, (w, at) => String.fromCharCode(w[at] ?? 0));
    for (const key of "aabbbc") exact.add([key.charCodeAt(0)]);
    expect(exact.top(2)).toEqual({
      items: [
        { key: "b", count: 3, error: 0, flagged: 0 },
        { key: "a", count: 2, error: 0, flagged: 0 },
      ],
      total: 6,
      exact: true,
      errorBound: 0,
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }), (stream) => {
        const sketch = createSpaceSaving(8, 1, (w, at) => String(w[at]));
        const truth = new Map<string, number>();
        for (const n of stream) {
          sketch.add([n]);
          truth.set(String(n), (truth.get(String(n)) ?? 0) + 1);
        }
        const top = sketch.top(8);
        expect(top.errorBound).toBeLessThanOrEqual(stream.length / 8);
        for (const item of top.items) {
          const real = truth.get(item.key) ?? 0;
          expect(item.count).toBeGreaterThanOrEqual(real);
          expect(item.count - item.error).toBeLessThanOrEqual(real);
        }
        // Every key above N / capacity is held.
        for (const [key, count] of truth) {
          if (count > stream.length / 8) expect(top.items.some((item) => item.key === key)).toBe(true);
        }
      }),
    );
  });
});

describe("findings", () => {
  const line = (i: number, rest: string) =>
    rest.replaceAll("SPORT", String(10000 + i)).replaceAll("@", String(i % 250));
  const dns = (i: number) =>
    line(
      i,
      "udp 17 20 src=10.1.0.@ dst=10.0.0.53 sport=SPORT dport=53 src=10.0.0.53 dst=10.1.0.@ sport=53 dport=SPORT mark=0 use=1",
    );
  const dead = (i: number) =>
    line(
      i,
      "tcp 6 100 SYN_SENT src=10.1.0.@ dst=10.0.0.9 sport=SPORT dport=8080 [UNREPLIED] src=10.0.0.9 dst=10.1.0.@ sport=8080 dport=SPORT mark=0 use=1",
    );
  const idle = (i: number) =>
    line(
      i,
      "tcp 6 300000 ESTABLISHED src=10.1.0.@ dst=10.0.0.7 sport=SPORT dport=22 src=10.0.0.7 dst=10.1.0.@ sport=22 dport=SPORT [ASSURED] mark=0 use=1",
    );

  it("names the stateless service, the unreplied share, the dead backend and the idle connections", () => {
    const text = [
      ...Array.from({ length: 60 }, (_, i) => dns(i)),
      ...Array.from({ length: 30 }, (_, i) => dead(i)),
      ...Array.from({ length: 10 }, (_, i) => idle(i)),
    ].join("\n");
    const { stats } = read(text, 512);
    expect(tableFindings(stats, 110)).toEqual([
      { code: "near-max", count: 100, max: 110, share: 100 / 110 },
      { code: "stateless-service", protocol: "udp", port: 53, count: 60, share: 0.6 },
      { code: "unreplied", count: 30, share: 0.3 },
      { code: "idle-established", count: 10, share: 1, idleSeconds: 3600 },
      { code: "dominant-destination", address: "10.0.0.53", count: 60, share: 0.6 },
      { code: "not-assured", count: 90, share: 0.9 },
      {
        code: "stale-destination",
        protocol: "tcp",
        protocolNumber: 6,
        address: "10.0.0.9",
        port: 8080,
        zone: 0,
        count: 30,
      },
    ]);
  });

  it("says nothing share-based about a handful of entries", () => {
    expect(tableFindings(read(LISTING).stats, null)).toEqual([]);
  });

  it("has edges that start at 0 and rise", () => {
    expect(IDLE_EDGES_SECONDS[0]).toBe(0);
    expect([...IDLE_EDGES_SECONDS].sort((a, b) => a - b)).toEqual([...IDLE_EDGES_SECONDS]);
  });
});
