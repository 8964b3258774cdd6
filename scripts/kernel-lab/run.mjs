// npm run lab [-- --only bookworm-amd64,trixie]: boots Debian kernels under QEMU and writes
// fixtures/kernel-lab.json and the tables of docs/kernel-lab.md (`-- --report`: the tables only).
// Downloads and unpacked trees are cached in .kernel-lab/ (gitignored).
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import ts from "typescript";
import { extractDeb, privateApt } from "./apt.mjs";
import { cpio, hasModules, modulesDir, resolveModules, treeEntries } from "./initramfs.mjs";
import { done, fillStep, sections } from "./parse.mjs";
import { withReport } from "./report.mjs";
import { boot, chooseAccel, qemuCommand } from "./qemu.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "..", "..");
const LAB = join(REPO, ".kernel-lab");
const FIXTURE = join(REPO, "fixtures", "kernel-lab.json");
const DOC = join(REPO, "docs", "kernel-lab.md");

/**
 * Guest memory sizes straddling the thresholds of kernel-defaults.ts: 512M (RAM rule on every
 * era), 1024M (MemTotal stays below 1 GiB: still the RAM rule), 2048M (above 1 GiB: cap 65536 on
 * 6.x, 16384 on 5.10), 4096M (MemTotal just below 4 GiB: still that cap), 5120M and 8192M (above
 * 4 GiB: cap 262144 on 64-bit 6.x, 65536 on 5.10).
 */
const AMD64_MEMORY = [512, 1024, 2048, 4096, 5120, 8192];
const SMALL_MEMORY = [512, 2048];
const FILL_MEMORY = 2048;
const FILL_STEPS = [20000, 50000];
const HASHSIZE = 100000;
/**
 * Module options whose table is past 2 MiB, to read the hash table's allocation in
 * /proc/vmallocinfo: 300000 buckets (2.4 MB of 8-byte heads) fit one 4 MiB block of pages, so
 * kvmalloc()'s kmalloc path takes them; 700000 (5.6 MB) are past the largest block and go to
 * vmalloc, where a huge (PMD) mapping rounds them up to 2 MiB. With 16 KiB pages the largest
 * block is 32 MiB (order 11) and so is PMD_SIZE: 5000000 buckets (40 MB) go to vmalloc there.
 * 32-bit kernels do not select HAVE_ARCH_HUGE_VMALLOC: none for them.
 */
const VMALLOC_HASHSIZES = {
  amd64: [300000, 700000],
  arm64: [300000, 700000],
  "arm64-16k": [700000, 5000000],
};

const TARGETS = [
  ...["bullseye", "bookworm", "trixie"].map((suite) => ({
    suite,
    machine: "amd64",
    flavour: "amd64",
    memory: AMD64_MEMORY,
    fill: true,
  })),
  ...["bullseye", "bookworm", "trixie"].flatMap((suite) =>
    ["686", "686-pae"].map((flavour) => ({
      suite,
      machine: "i386",
      flavour,
      memory: SMALL_MEMORY,
      fill: true,
    })),
  ),
  // sid: the newest kernel Debian builds (7.x at the time of writing), amd64 and arm64.
  { suite: "sid", machine: "amd64", flavour: "amd64", memory: AMD64_MEMORY, fill: true },
  ...["bookworm", "trixie", "sid"].flatMap((suite) =>
    ["arm64", "arm64-16k"].map((flavour) => ({
      suite,
      machine: "arm64",
      flavour,
      memory: SMALL_MEMORY,
      fill: false,
    })),
  ),
].map((t) => ({ ...t, id: `${t.suite}-${t.flavour}` }));

const CT_MODULES = ["crc32c_generic", "nf_conntrack"];
const NFT_MODULES = [
  "nfnetlink",
  "nf_tables",
  "nft_ct",
  "nft_counter",
  "nf_nat",
  "nft_chain_nat",
  "nft_masq",
  "dummy",
];
const FILTER_RULES =
  "table inet t {\n  chain o {\n    type filter hook output priority 0;\n    ct state new counter\n  }\n}\n";
const RULES = {
  filter: FILTER_RULES,
  nat: `${FILTER_RULES}table ip n {\n  chain p {\n    type nat hook postrouting priority 100;\n    masquerade\n  }\n}\n`,
};

/** The collector line of src/domain/diagnostics/collector.ts, transpiled with the typescript package. */
async function collectorCommand() {
  const source = readFileSync(join(REPO, "src", "domain", "diagnostics", "collector.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext } }).outputText;
  const file = join(LAB, "collector.mjs");
  writeFileSync(file, js);
  return (await import(`${file}?${Date.now()}`)).COLLECTOR_COMMAND;
}

function unpacked(deb) {
  const dir = join(LAB, "unpack", `${deb.package}_${deb.version}_${deb.sha256.slice(0, 12)}`);
  if (!existsSync(join(dir, ".done"))) {
    extractDeb(deb.file, dir);
    writeFileSync(join(dir, ".done"), "");
  }
  return dir;
}

/** busybox-static installs /bin/busybox up to bookworm, /usr/bin/busybox (merged /usr) in trixie. */
const busyboxIn = (root) =>
  [join(root, "bin", "busybox"), join(root, "usr", "bin", "busybox")].find((p) => existsSync(p));

function fillBinary(machine) {
  const out = join(LAB, `fill-${machine}`);
  const cc = { amd64: ["gcc"], i386: ["gcc", "-m32"] }[machine];
  if (!existsSync(out))
    execFileSync(cc[0], [...cc.slice(1), "-static", "-O2", "-o", out, join(HERE, "fill.c")]);
  return out;
}

/** Debian's multiarch directory per architecture (lib/<triplet>/). */
const TRIPLETS = { amd64: "x86_64-linux-gnu", i386: "i386-linux-gnu", arm64: "aarch64-linux-gnu" };

/** nft and its shared libraries from the suite's packages, run through their own ELF interpreter. */
function nftTree(apt, suite, arch) {
  const dir = join(LAB, "nft", `${suite}-${arch}`);
  if (!existsSync(join(dir, ".done"))) {
    for (const pkg of apt.closure(`nftables:${arch}`)) {
      if (pkg.endsWith("-base") || /^<|debconf/.test(pkg)) continue;
      // The closure also names other architectures' libc6 (libc6:arm64 …): only the guest's own.
      const [name, qualifier] = pkg.split(":");
      if (qualifier && qualifier !== arch) continue;
      extractDeb(apt.download(`${name}:${arch}`).file, dir);
    }
    writeFileSync(join(dir, ".done"), "");
  }
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  // The ELF interpreter: a regular file from bookworm on; up to bullseye ld-linux*.so.N is a
  // relative symlink to ld-2.31.so. An absolute symlink (/lib64/...) would leave the /nft tree.
  const loaders = files.filter(
    (f) => /\/ld-linux[^/]*\.so\.\d$/.test(f) && f.includes(`/${TRIPLETS[arch]}/`),
  );
  const interp =
    loaders.find((f) => !lstatSync(join(dir, f)).isSymbolicLink()) ??
    loaders.find((f) => !readlinkSync(join(dir, f)).startsWith("/"));
  const libDirs = [...new Set(files.filter((f) => /\.so(\.|$)/.test(f)).map((f) => dirname(f)))];
  const nftPath = files.find((f) => f.endsWith("sbin/nft"));
  return {
    dir,
    command: `/nft/${interp} --library-path ${libDirs.map((d) => `/nft/${d}`).join(":")} /nft/${nftPath}`,
  };
}

const arches = { amd64: "amd64", i386: "i386", arm64: "arm64" };

function prepare(target, collector) {
  const arch = arches[target.machine];
  const apt = privateApt(LAB, target.suite);
  const real = apt.resolve(`linux-image-${target.flavour}:${arch}`, "linux-image-");
  if (!real) throw new Error(`no linux-image-${target.flavour} for ${arch} in ${target.suite}`);
  const kdeb = apt.download(real.includes(":") ? real : `${real}:${arch}`);
  // sid splits a kernel: the image package depends on linux-binary-<release> (vmlinuz, in
  // usr/lib/modules/<release>/) and linux-modules-<release>; earlier suites ship both in the
  // image package, vmlinuz in /boot.
  const release = real.split(":")[0].replace(/^linux-image-/, "");
  const parts = [
    ...new Set(
      apt
        .closure(`${real.split(":")[0]}:${arch}`)
        .map((p) => p.split(":")[0])
        .filter((p) => p === `linux-binary-${release}` || p === `linux-modules-${release}`),
    ),
  ].map((p) => unpacked(apt.download(`${p}:${arch}`)));
  const roots = [unpacked(kdeb), ...parts];
  const kernelConfig = configOf(roots, release);
  const kernel = roots
    .flatMap((r) => [
      ...(existsSync(join(r, "boot"))
        ? readdirSync(join(r, "boot"))
            .filter((f) => f.startsWith("vmlinuz-"))
            .map((f) => join(r, "boot", f))
        : []),
      ...(hasModules(r) ? [join(modulesDir(r), "vmlinuz")] : []),
    ])
    .find((f) => existsSync(f));
  if (!kernel) throw new Error(`no vmlinuz in ${kdeb.package} or its parts`);
  const bdeb = apt.download(`busybox-static:${arch}`);
  const broot = unpacked(bdeb);
  const moduleRoot = roots.find((r) => hasModules(r) && existsSync(join(modulesDir(r), "kernel")));
  if (!moduleRoot) throw new Error(`no modules in ${kdeb.package} or its parts`);
  const mods = modulesDir(moduleRoot);
  const ct = resolveModules(mods, CT_MODULES);
  const all = resolveModules(mods, [...CT_MODULES, ...(target.fill ? NFT_MODULES : [])]);
  const ctNames = new Set(ct.order.map((m) => m.name));
  const base = [
    { path: "bin/busybox", mode: 0o755, data: readFileSync(busyboxIn(broot)) },
    { path: "init", mode: 0o755, data: readFileSync(join(HERE, "guest-init.sh")) },
    { path: "collector.sh", mode: 0o644, data: Buffer.from(`${collector}\n`) },
    ...all.order.map((m) => ({ path: `modules/${m.name}.ko`, mode: 0o644, data: m.data })),
    { path: "modules/ct.list", mode: 0o644, data: Buffer.from(ct.order.map((m) => m.name).join("\n")) },
    {
      path: "modules/nft.list",
      mode: 0o644,
      data: Buffer.from(
        all.order
          .filter((m) => !ctNames.has(m.name))
          .map((m) => `${m.name}\n`)
          .join(""),
      ),
    },
  ];
  let nft = null;
  if (target.fill) {
    nft = nftTree(apt, target.suite, arch);
    base.push({ path: "fill", mode: 0o755, data: readFileSync(fillBinary(target.machine)) });
    base.push(...treeEntries(nft.dir, "nft").filter((e) => !e.path.endsWith(".done")));
    for (const [k, rules] of Object.entries(RULES))
      base.push({ path: `rules-${k}.nft`, mode: 0o644, data: Buffer.from(rules) });
  }
  return {
    kernel,
    kernelPackage: { name: kdeb.package, sha256: kdeb.sha256, version: kdeb.version },
    kernelConfig,
    busyboxPackage: { name: bdeb.package, sha256: bdeb.sha256, version: bdeb.version },
    modules: { loaded: all.order.map((m) => m.name), missing: all.missing, builtin: all.builtin },
    base,
    nft,
  };
}

function bootsOf(target) {
  const boots = target.memory.map((m) => ({ memoryMiB: m, hashsize: null, fill: null }));
  boots.push({ memoryMiB: FILL_MEMORY, hashsize: HASHSIZE, fill: null });
  for (const hashsize of VMALLOC_HASHSIZES[target.flavour] ?? [])
    boots.push({ memoryMiB: FILL_MEMORY, hashsize, fill: null });
  if (target.fill)
    for (const fill of ["filter", "nat"]) boots.push({ memoryMiB: FILL_MEMORY, hashsize: null, fill });
  return boots.map((b) => ({
    ...b,
    id: `${target.id}-${b.memoryMiB}M${b.hashsize ? `-hashsize${b.hashsize}` : ""}${b.fill ? `-fill-${b.fill}` : ""}`,
  }));
}

const num = (s) => (s === undefined || s === "" || Number.isNaN(Number(s)) ? null : Number(s));

function measurements(s, fill) {
  const page = num(s.pagesize);
  const result = {
    memTotalKiB: num(/MemTotal:\s+(\d+)/.exec(s.memtotal ?? "")?.[1]),
    pageSize: page,
    uname: s.uname ?? null,
    max: num(s.max),
    buckets: num(s.buckets),
    timeouts: Object.fromEntries(
      [...(s.timeouts ?? "").matchAll(/^\/proc\/sys\/net\/netfilter\/(\S+?):(\d+)$/gm)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    ),
    slabLine: s.slab ?? null,
    insmod: s.insmod ?? "",
    collectorOutput: s.collector ?? null,
    dmesgConntrack: (s.dmesg ?? "").split("\n").filter(Boolean),
    vmalloc: vmallocAreas(s.vmallocinfo),
  };
  if (fill) {
    result.nftSetup = s.netsetup ?? null;
    result.fill = FILL_STEPS.map((step) => fillStep(s, step, page));
  }
  return result;
}

/**
 * The conntrack lines of /proc/vmallocinfo: `<start>-<end> <size> <caller> pages=<n> vmalloc
 * N0=<n>`. The size includes the guard page; pages counts base pages, also under a huge mapping.
 * Absent (null) on boots from before the section existed.
 */
function vmallocAreas(text) {
  if (text === undefined) return null;
  return text
    .split("\n")
    .map((line) => /^0x[0-9a-f]+-0x[0-9a-f]+\s+(\d+)\s+(\S+(?: \[\S+\])?)(.*)$/.exec(line.trim()))
    .filter(Boolean)
    .map((m) => ({
      line: m[0],
      sizeBytes: Number(m[1]),
      caller: m[2],
      pages: num(/pages=(\d+)/.exec(m[3])?.[1]),
      flags: m[3]
        .trim()
        .split(/\s+/)
        .filter((f) => f && !f.includes("=")),
    }));
}

/**
 * The kernel build options that decide the hash table's mapping, from the package's own config
 * (/boot/config-<release>, or config in the modules directory of sid's split packages).
 */
const CONFIG_KEYS = [
  "CONFIG_HAVE_ARCH_HUGE_VMALLOC",
  "CONFIG_HAVE_ARCH_HUGE_VMAP",
  "CONFIG_PTDUMP_DEBUGFS",
  "CONFIG_ARM64_4K_PAGES",
  "CONFIG_ARM64_16K_PAGES",
  "CONFIG_ARCH_FORCE_MAX_ORDER",
  "CONFIG_NUMA",
];
function configOf(roots, release) {
  const file = roots
    .flatMap((r) => [
      join(r, "boot", `config-${release}`),
      ...(hasModules(r) ? [join(modulesDir(r), "config")] : []),
    ])
    .find((f) => existsSync(f));
  if (!file) return null;
  const text = readFileSync(file, "utf8");
  return Object.fromEntries(
    CONFIG_KEYS.map((k) => [
      k,
      new RegExp(`^${k}=(.*)$`, "m").exec(text)?.[1] ?? (text.includes(`# ${k} is not set`) ? "n" : null),
    ]),
  );
}

const qemuVersions = new Map();
/** "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-…)" of the binary a boot ran. */
function qemuVersion(binary) {
  if (!qemuVersions.has(binary))
    qemuVersions.set(binary, execFileSync(binary, ["--version"], { encoding: "utf8" }).split("\n")[0]);
  return qemuVersions.get(binary);
}

/** JSON with object keys sorted at every level, so reruns give byte-identical files. */
function stable(value) {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable(value[k])]),
    );
  return value;
}

async function pool(jobs, width) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

async function main() {
  const onlyArg = process.argv.indexOf("--only");
  const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : null;
  const targets = TARGETS.filter((t) => !only || only.some((o) => t.id.includes(o)));
  // --boot hashsize700000: only the boots whose id contains one of these; the target's other boots
  // keep their previous records. --jobs 1: one guest at a time (default 2).
  const bootArg = process.argv.indexOf("--boot");
  const bootOnly = bootArg > 0 ? process.argv[bootArg + 1].split(",") : null;
  const selected = (id) => !bootOnly || bootOnly.some((o) => id.includes(o));
  const jobsArg = process.argv.indexOf("--jobs");
  const width = jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : 2;
  mkdirSync(LAB, { recursive: true });
  const collector = await collectorCommand();
  const previous = existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, "utf8")) : { boots: [] };
  const ids = new Set(targets.map((t) => t.id));
  // A selected target's failure to prepare (a record whose id is the target's) is always redone.
  const records = previous.boots.filter((b) => !ids.has(b.target) || (b.id !== b.target && !selected(b.id)));
  let x86Accel = null;
  const jobs = [];
  for (const target of targets) {
    let prep;
    try {
      prep = prepare(target, collector);
    } catch (e) {
      console.log(`${target.id}: ${e.message}`);
      records.push({
        id: target.id,
        target: target.id,
        suite: target.suite,
        machine: target.machine,
        ok: false,
        failure: String(e.message).split("\n")[0],
      });
      continue;
    }
    for (const b of bootsOf(target).filter((x) => selected(x.id))) {
      jobs.push(async () => {
        const conf = `HASHSIZE=${b.hashsize ?? ""}\nFILL=${b.fill ?? ""}\nFILL_STEPS="${FILL_STEPS.join(" ")}"\nNFT="${prep.nft?.command ?? ""}"\n`;
        const initrd = join(LAB, "initrd", `${b.id}.cpio.gz`);
        mkdirSync(dirname(initrd), { recursive: true });
        writeFileSync(
          initrd,
          cpio([...prep.base, { path: "lab.conf", mode: 0o644, data: Buffer.from(conf) }]),
        );
        // KVM here is x86 only; an arm64 guest is always emulated.
        x86Accel ??=
          target.machine === "arm64"
            ? null
            : chooseAccel(LAB, { machine: target.machine, kernel: prep.kernel, initrd, memoryMiB: 512 });
        const accel = target.machine === "arm64" ? "tcg" : await x86Accel;
        const argv = qemuCommand({
          machine: target.machine,
          kernel: prep.kernel,
          initrd,
          memoryMiB: b.memoryMiB,
          accel,
        });
        // One retry: a boot that powered off with its output cut short says nothing about the kernel.
        let r = await boot(argv);
        if (!r.timedOut && !done(r.output)) r = await boot(argv);
        const s = sections(r.output);
        const ok = done(r.output) && num(s.max) !== null;
        const failure = ok
          ? null
          : r.timedOut
            ? "timeout (180 s): qemu killed"
            : `no results (exit ${r.code}): ${r.output.split("\n").filter(Boolean).slice(-3).join(" | ")}`;
        mkdirSync(join(LAB, "console"), { recursive: true });
        writeFileSync(join(LAB, "console", `${b.id}.txt`), r.output);
        console.log(
          `${b.id}: ${ok ? `max ${s.max} buckets ${s.buckets}` : failure} (${r.seconds.toFixed(0)} s)`,
        );
        return {
          id: b.id,
          target: target.id,
          suite: target.suite,
          machine: target.machine,
          flavour: target.flavour,
          kernelPackage: prep.kernelPackage,
          kernelConfig: prep.kernelConfig,
          busyboxPackage: prep.busyboxPackage,
          modules: prep.modules,
          qemu: argv.map((a) => (a.startsWith(REPO) ? relative(REPO, a) : a)),
          qemuVersion: qemuVersion(argv[0]),
          accel,
          memoryMiB: b.memoryMiB,
          hashsize: b.hashsize,
          fill: b.fill,
          ok,
          failure,
          measurements: ok ? measurements(s, b.fill) : null,
        };
      });
    }
  }
  records.push(...(await pool(jobs, width)));
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  mkdirSync(dirname(FIXTURE), { recursive: true });
  writeFileSync(
    FIXTURE,
    `${JSON.stringify(stable({ boots: records, collectorCommand: collector }), null, 2)}\n`,
  );
  console.log(`wrote ${relative(REPO, FIXTURE)}: ${records.length} boots`);
  await writeDoc({ boots: records });
}

/** Rewrites the generated tables of docs/kernel-lab.md, formatted as `npm run format` would. */
async function writeDoc(fixture) {
  const doc = withReport(readFileSync(DOC, "utf8"), fixture);
  writeFileSync(
    DOC,
    await prettier.format(doc, { ...(await prettier.resolveConfig(DOC)), parser: "markdown" }),
  );
  console.log(`updated ${relative(REPO, DOC)}`);
}

// --report: only rewrite the doc's tables from the committed fixture (no boots).
if (process.argv.includes("--report")) await writeDoc(JSON.parse(readFileSync(FIXTURE, "utf8")));
else await main();
