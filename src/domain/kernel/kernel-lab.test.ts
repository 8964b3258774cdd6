import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import doc from "../../../docs/kernel-lab.md?raw";
import fixtureJson from "../../../fixtures/kernel-lab.json";
import { withReport } from "../../../scripts/kernel-lab/report.mjs";
import { parseDiagnostics } from "../diagnostics/parse-diagnostics";
import { suggestedFields } from "../diagnostics/suggestions";
import { defaultEntryBytes, ENTRY_SIZE_MEASUREMENTS, slabBytesPerEntry } from "./entry-size";
import type { Arch } from "../sizing/inputs";
import { computeKernelDefault } from "./kernel-defaults";
import { tryParseKernelVersion, v, type KernelVersion } from "./kernel-version";
import { bytes, KiB } from "../core/units";

/**
 * The model against real booted kernels: fixtures/kernel-lab.json is written by `npm run lab`
 * (scripts/kernel-lab/), which boots Debian's kernel packages under QEMU and records what each
 * one did. Nothing here was written from the same notes as the model.
 */
interface SlabDelta {
  readonly cache: string;
  readonly objSize: number;
  readonly objPerSlab: number;
  readonly pagesPerSlab: number;
  readonly activeObjsDelta: number;
  readonly bytesDelta: number;
}

interface FillStep {
  readonly step: number;
  readonly entries: number;
  readonly conntrack: SlabDelta;
  readonly extensions: readonly SlabDelta[];
  readonly slabBytesDelta: number;
  readonly bytesPerEntry: number;
}

interface Boot {
  readonly id: string;
  readonly machine: "amd64" | "i386" | "arm64";
  readonly flavour?: string;
  readonly memoryMiB?: number;
  readonly hashsize?: number | null;
  readonly fill?: "filter" | "nat" | null;
  readonly ok: boolean;
  readonly failure?: string | null;
  readonly measurements: {
    readonly memTotalKiB: number;
    readonly pageSize: number;
    readonly uname: string;
    readonly max: number;
    readonly buckets: number;
    readonly slabLine: string;
    readonly collectorOutput: string;
    readonly dmesgConntrack: readonly string[];
    readonly fill?: readonly (FillStep | null)[];
  } | null;
}

const fixture = fixtureJson as unknown as { boots: readonly Boot[] };

const booted = fixture.boots.filter(
  (b): b is Boot & { measurements: NonNullable<Boot["measurements"]> } => b.ok && b.measurements !== null,
);

const ARCH: Record<Boot["machine"], Arch> = { amd64: 64, i386: 32, arm64: 64 };

function kernelOf(b: { measurements: { uname: string } }): KernelVersion {
  const release = b.measurements.uname.split(" ")[0] ?? "";
  const parsed = tryParseKernelVersion(release);
  if (!parsed.ok) throw new Error(`unreadable release ${release}`);
  return parsed.value;
}

/** The slab line's own figures, and the bytes one object really takes: page × pages / objects. */
function slabOf(b: { measurements: { slabLine: string; pageSize: number } }) {
  const [, , , objSize = 0, objPerSlab = 1, pagesPerSlab = 0] = b.measurements.slabLine
    .split(/\s+/)
    .map(Number);
  const footprint = Math.ceil((b.measurements.pageSize * pagesPerSlab) / objPerSlab);
  return { objSize, objPerSlab, pagesPerSlab, footprint };
}

const modelled = (b: (typeof booted)[number]) =>
  computeKernelDefault({
    ram: bytes(b.measurements.memTotalKiB * KiB),
    arch: ARCH[b.machine],
    kernel: kernelOf(b),
    page: bytes(b.measurements.pageSize),
    struct: bytes(256),
  });

describe("the fixture", () => {
  it("is what docs/kernel-lab.md shows (npm run lab -- --report rewrites the doc)", async () => {
    const config = await prettier.resolveConfig("docs/kernel-lab.md");
    expect(doc).toBe(await prettier.format(withReport(doc, fixture), { ...config, parser: "markdown" }));
  });

  it("holds at least 3 amd64 kernels × 6 memory sizes, and 32-bit and arm64 boots", () => {
    const amd64 = booted.filter((b) => b.machine === "amd64" && !b.hashsize && !b.fill);
    const sizesPerKernel = new Map<string, Set<number>>();
    for (const b of amd64) {
      const release = b.measurements.uname;
      sizesPerKernel.set(release, (sizesPerKernel.get(release) ?? new Set()).add(b.memoryMiB ?? 0));
    }
    expect([...sizesPerKernel.values()].filter((s) => s.size >= 6).length).toBeGreaterThanOrEqual(3);
    expect(booted.some((b) => b.machine === "i386")).toBe(true);
    expect(booted.some((b) => b.machine === "arm64")).toBe(true);
  });
});

describe.each(booted.filter((b) => !b.hashsize).map((b) => [b.id, b] as const))(
  "%s, module loaded with no options",
  (_id, b) => {
    it("the model gives the kernel's own nf_conntrack_max and nf_conntrack_buckets", () => {
      const model = modelled(b);
      expect({ max: model.max, buckets: model.buckets }).toEqual({
        max: b.measurements.max,
        buckets: b.measurements.buckets,
      });
    });

    it("the model's boot line is the one the kernel printed, when it prints one", () => {
      const line = modelled(b).bootLine;
      const printed = b.measurements.dmesgConntrack.find((l) => /conntrack version/.test(l));
      if (line === null) expect(printed).toBeUndefined();
      else expect(printed).toContain(line);
    });

    it("the paste parser reads the collector's output back into the calculator's fields", () => {
      const d = parseDiagnostics(b.measurements.collectorOutput);
      const fields = suggestedFields(d, { kernel: v(6, 12), arch: 64, role: "host" });
      expect(d.memTotalBytes).toBe(b.measurements.memTotalKiB * KiB);
      expect(d.conntrackMax).toBe(b.measurements.max);
      expect(d.conntrackBuckets).toBe(b.measurements.buckets);
      expect(fields.ram).toBe(`${b.measurements.memTotalKiB} KiB`);
      expect(fields.arch).toBe(String(ARCH[b.machine]));
      expect(fields.kernel).toBe(b.measurements.uname.split(" ")[0]);
      expect(fields.page).toBe(String(b.measurements.pageSize / KiB));
      // The slab line gives the effective bytes per entry: PAGE_SIZE × pages per slab / objects. The
      // lab's kernels are the model's measurements, so bytes per entry stay the kernel's own.
      const slab = slabOf(b);
      expect(d.slab?.objectSize).toBe(slab.objSize);
      expect(d.slab?.effectiveBytesPerEntry).toBe(slab.footprint);
      expect(fields.struct).toBe("");
    });
  },
);

describe.each(booted.filter((b) => b.hashsize).map((b) => [b.id, b] as const))("%s", (_id, b) => {
  it("hashsize= gives that many buckets rounded up to whole pages of heads, and max 8 per bucket", () => {
    const model = modelled(b);
    // nf_ct_alloc_hashtable() rounds to PAGE_SIZE / sizeof(head); with hashsize= the kernel keeps
    // max_factor 8 in every era (kernel-compare.ts "hashsize-factor-8").
    const step = model.rules.roundsToPages ? b.measurements.pageSize / model.headBytes : 1;
    const buckets = Math.ceil((b.hashsize ?? 0) / step) * step;
    expect({ buckets: b.measurements.buckets, max: b.measurements.max }).toEqual({
      buckets,
      max: 8 * buckets,
    });
  });
});

describe("bytes per entry: the measurements the calculator defaults to", () => {
  it.each(booted.filter((b) => b.machine === "arm64").map((b) => [b.id, b] as const))(
    "%s: the arm64 slab footprint is the 64-bit default of its kernel",
    (_id, b) => {
      expect(slabOf(b).footprint).toBe(defaultEntryBytes(kernelOf(b), 64).bytes);
    },
  );

  it.each(
    ENTRY_SIZE_MEASUREMENTS.map((m) => [`${m.kernel.major}.${m.kernel.minor} ${m.machine}`, m] as const),
  )("%s matches the nf_conntrack slab of every boot of that kernel", (_name, m) => {
    const boots = booted.filter(
      (b) =>
        b.machine === m.machine &&
        kernelOf(b).major === m.kernel.major &&
        kernelOf(b).minor === m.kernel.minor,
    );
    expect(boots.length).toBeGreaterThan(0);
    for (const b of boots) {
      const { objSize, objPerSlab, pagesPerSlab } = slabOf(b);
      expect({ objSize, objPerSlab, pagesPerSlab }).toEqual({
        objSize: m.objectBytes,
        objPerSlab: m.objectsPerSlab,
        pagesPerSlab: m.pagesPerSlab,
      });
    }
  });
});

/**
 * A filled table against the memory model: N entries cost N × bytes per entry (the default for
 * the kernel, or the figure with the extension area when a NAT rule gives every entry one).
 * Tolerance 2 %: the slab grows in whole slabs (one slab holds 12 to 18 entries, under 0.1 % of
 * 20,000), and per-CPU slab caches and partial slabs from before the fill shift the count by a
 * few slabs; a wrong figure (352 for 256, a missing extension) is off by 25 % or more.
 */
const FILL_TOLERANCE = 0.02;

const fills = booted.flatMap((b) =>
  (b.measurements.fill ?? [])
    .filter((s): s is FillStep => s !== null)
    .map((s) => [`${b.id}, ${s.entries} entries`, b, s] as const),
);

describe.each(fills)("%s", (_name, b, step) => {
  it(`the model predicts the slab memory within ${FILL_TOLERANCE * 100} %`, () => {
    const entry = defaultEntryBytes(kernelOf(b), ARCH[b.machine]);
    const perEntry = b.fill === "nat" ? entry.withExtensionBytes : entry.bytes;
    const predicted = step.entries * perEntry;
    expect(Math.abs(step.slabBytesDelta - predicted) / predicted).toBeLessThanOrEqual(FILL_TOLERANCE);
  });

  it("every entry is one nf_conntrack object, plus one 128-byte extension where the model says so", () => {
    const entry = defaultEntryBytes(kernelOf(b), ARCH[b.machine]);
    const withExtension = b.fill === "nat" || entry.measurement.extensionByDefault;
    expect(step.conntrack.activeObjsDelta).toBeGreaterThanOrEqual(step.entries);
    expect(slabBytesPerEntry(entry.measurement)).toBe(
      Math.ceil((4096 * step.conntrack.pagesPerSlab) / step.conntrack.objPerSlab),
    );
    expect(step.extensions.map((e) => e.objSize)).toEqual(withExtension ? [128] : []);
  });
});
