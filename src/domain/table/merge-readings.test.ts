import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultTimeouts } from "../kernel/timeouts";
import { v } from "../kernel/kernel-version";
import { createSpaceSaving, mergeTopLists } from "./space-saving";
import { createTableReader, mergeTableReadings, type TableReading } from "./table-reader";

const TIMEOUTS = defaultTimeouts(v(6, 12));

const FILES = import.meta.glob<string>("../../../fixtures/table/*/*.{txt,xml}", {
  query: "?raw",
  import: "default",
  eager: true,
});

function read(text: string, whole = false): TableReading {
  const reader = createTableReader(TIMEOUTS);
  reader.push(text);
  return reader.finish(whole);
}

/** The text read as two parts split after the newline at or after `at`, then merged. */
function readSplit(text: string, at: number): TableReading | null {
  const newline = text.indexOf("\n", at);
  const splitAt = newline < 0 ? text.length : newline + 1;
  return mergeTableReadings(read(text.slice(0, splitAt), true), read(text.slice(splitAt), true));
}

const ENTRY_LINES = [
  "tcp      6 431999 ESTABLISHED src=10.0.0.@ dst=10.0.1.% sport=60548 dport=8080 src=10.0.1.% dst=10.0.0.@ sport=8080 dport=60548 [ASSURED] mark=0 use=1",
  "tcp      6 299 SYN_SENT src=10.0.0.@ dst=10.0.1.% sport=52562 dport=9999 [UNREPLIED] src=10.0.1.% dst=10.0.0.@ sport=9999 dport=52562 mark=0 use=1",
  "udp      17 29 src=10.0.0.@ dst=10.96.0.10 sport=57765 dport=53 src=10.0.1.% dst=10.0.0.@ sport=53 dport=57765 mark=0 zone=3 use=1",
  "icmp     1 29 src=10.0.0.@ dst=10.0.1.% type=8 code=0 id=28601 src=10.0.1.% dst=10.0.0.@ type=0 code=0 id=28601 mark=7 use=1",
  "ipv6     10 udp      17 20 src=2001:0db8:0000:0000:0000:0000:0000:00@ dst=2001:0db8:0000:0000:0000:0000:0000:0001 sport=5353 dport=5353 [UNREPLIED] src=2001:0db8:0000:0000:0000:0000:0000:0001 dst=2001:0db8:0000:0000:0000:0000:0000:00@ sport=5353 dport=5353 mark=0 zone=0 use=2",
  "conntrack v1.4.7 (conntrack-tools): 5 flow entries have been shown.",
  "",
];

/** A listing of `lines` lines drawn from ENTRY_LINES with small address ranges (so lists stay exact). */
const listing = fc
  .array(fc.tuple(fc.nat(ENTRY_LINES.length - 1), fc.nat(40), fc.nat(40)), { maxLength: 120 })
  .map((picks) =>
    picks
      .map(([line, a, b]) =>
        (ENTRY_LINES[line] ?? "").replaceAll("@", String(10 + a)).replaceAll("%", String(10 + b)),
      )
      .join("\n"),
  );

describe("mergeTableReadings", () => {
  it.each(Object.entries(FILES).map(([path, text]) => [path.replace(/^.*fixtures\//, ""), text] as const))(
    "reads %s split in two as in one part",
    (path, text) => {
      for (const at of [0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length]) {
        const merged = readSplit(text, at);
        // An XML flow spans lines, so a split inside one declines; every other file merges.
        if (!path.endsWith(".xml")) expect(merged).not.toBeNull();
        expect(merged ?? read(text)).toEqual(read(text));
      }
    },
  );

  it("equals one reading for any listing and any split (exact counts)", () => {
    fc.assert(
      fc.property(listing, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
        expect(readSplit(text, Math.floor(text.length * where))).toEqual(read(text));
      }),
    );
    // Three readers of six 4096-counter lists per run: about 1.5 s idle, longer beside other jobs.
  }, 30_000);

  it("declines when a part skipped a line or stopped, so the text is read in one part", () => {
    const entry = (ENTRY_LINES[0] ?? "").replaceAll("@", "1").replaceAll("%", "2");
    expect(readSplit(`${entry}\nnot a table line\n${entry}\n`, 0)).toBeNull();
    expect(readSplit(`${entry}\n${"junk\n".repeat(1000)}`, entry.length)).toBeNull();
    // An XML flow straddling the split.
    const flow = read("", true);
    expect(mergeTableReadings(flow, { ...flow, skipped: 1 })).toBeNull();
  });
});

describe("mergeTopLists", () => {
  it("adds counts, and gives a key one part lacks that part's smallest count as error", () => {
    const letters = () => createSpaceSaving(2, 1, (w, at) => String.fromCharCode(w[at] ?? 0));
    const first = letters();
    // a 2, b 2, then c takes the counter last taken in (b's) and inherits its 2 as error.
    for (const key of "aabbc") first.add([key.charCodeAt(0)]);
    const second = letters();
    for (const key of "bd") second.add([key.charCodeAt(0)], true); // exact: a key it lacks was not there
    const merged = mergeTopLists(first.top(Infinity), second.top(Infinity), 10);
    expect(merged).toEqual({
      items: [
        { key: "b", count: 3, error: 2, flagged: 1 },
        { key: "c", count: 3, error: 2, flagged: 0 },
        { key: "d", count: 3, error: 2, flagged: 1 },
        { key: "a", count: 2, error: 0, flagged: 0 },
      ],
      total: 7,
      exact: false,
      errorBound: 2,
    });
  });

  it("keeps Space-Saving's guarantees across a split, with the error bounds added", () => {
    const CAPACITY = 8;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }),
        fc.nat(400),
        (stream, cut) => {
          const parts = [stream.slice(0, cut), stream.slice(cut)].map((part) => {
            const sketch = createSpaceSaving(CAPACITY, 1, (w, at) => String(w[at]));
            for (const n of part) sketch.add([n], n % 3 === 0);
            return sketch.top(Infinity);
          });
          const [first, second] = parts as [(typeof parts)[0], (typeof parts)[0]];
          const merged = mergeTopLists(first, second, Infinity);
          const truth = new Map<string, number>();
          for (const n of stream) truth.set(String(n), (truth.get(String(n)) ?? 0) + 1);
          expect(merged.total).toBe(stream.length);
          expect(merged.errorBound).toBeLessThanOrEqual(stream.length / CAPACITY);
          expect(merged.errorBound).toBeGreaterThanOrEqual(first.errorBound + second.errorBound);
          expect(merged.exact).toBe(first.exact && second.exact);
          for (const item of merged.items) {
            const real = truth.get(item.key) ?? 0;
            expect(item.count).toBeGreaterThanOrEqual(real);
            expect(item.count - item.error).toBeLessThanOrEqual(real);
            expect(item.error).toBeLessThanOrEqual(merged.errorBound);
            if (merged.exact) expect(item.count).toBe(real);
          }
          for (const [key, count] of truth) {
            if (count > stream.length / CAPACITY)
              expect(merged.items.some((item) => item.key === key)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("reading bytes", () => {
  /** The text as UTF-8, pushed in pieces cut at the given byte offsets (mid-line, mid-character). */
  function readBytes(text: string, cuts: readonly number[]): TableReading {
    const bytes = new TextEncoder().encode(text);
    const reader = createTableReader(TIMEOUTS);
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      reader.push(bytes.subarray(from, Math.max(from, Math.min(cut, bytes.length))));
      from = Math.max(from, Math.min(cut, bytes.length));
    }
    reader.push(bytes.subarray(from));
    return reader.finish();
  }

  it.each(Object.entries(FILES).map(([path, text]) => [path.replace(/^.*fixtures\//, ""), text] as const))(
    "reads %s as bytes cut anywhere as it reads the text",
    (_, text) => {
      fc.assert(
        fc.property(fc.array(fc.nat(text.length), { maxLength: 6 }), (cuts) => {
          expect(readBytes(text, cuts)).toEqual(read(text));
        }),
        { numRuns: 20 },
      );
    },
  );

  it("reads tabs, CRLF, quoting and a character cut in two as the same entries", () => {
    const line = (ENTRY_LINES[0] ?? "").replaceAll("@", "1").replaceAll("%", "2");
    const plain = read(`${line}\n${line}\n`);
    expect(plain.stats.entries).toBe(2);
    const variants = [
      `${line.replaceAll(" ", "\t")}\r\n> ${line}\r\n`,
      `${line} labels=é\n${line.replace(" [ASSURED]", "\t[ASSURED]")}\n`,
    ];
    for (const text of variants) {
      const bytes = new TextEncoder().encode(text);
      const accent = bytes.indexOf(0xc3);
      const cuts = accent < 0 ? [] : [accent + 1];
      expect(readBytes(text, cuts).stats).toEqual(plain.stats);
    }
  });

  it("reads a line holding <flow> as XML, as the text reader does", () => {
    const line = (ENTRY_LINES[0] ?? "").replaceAll("@", "1").replaceAll("%", "2");
    expect(read(`${line}\n${line} <flow>\n${line}\n`).stats.entries).toBe(1);
  });
});
