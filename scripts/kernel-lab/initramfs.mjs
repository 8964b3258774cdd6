// Builds a gzipped newc cpio initramfs in Node (no cpio binary needed): busybox, /init, the
// modules a boot loads (decompressed, in dependency order) and optionally nft and the fill tool.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const MODULE_BASES = ["lib/modules", "usr/lib/modules"];

/** Whether an unpacked package holds a modules tree. */
export const hasModules = (root) => MODULE_BASES.some((base) => existsSync(join(root, base)));

/** Modules tree of an unpacked kernel package: lib/modules or usr/lib/modules (merged /usr). */
export function modulesDir(root) {
  for (const base of MODULE_BASES) {
    const d = join(root, base);
    if (existsSync(d)) return join(d, readdirSync(d)[0]);
  }
  throw new Error(`no modules under ${root}`);
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (lstatSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const norm = (name) => name.replace(/-/g, "_");

function decompress(path) {
  if (path.endsWith(".xz")) return execFileSync("xz", ["-dc", path], { maxBuffer: 1 << 28 });
  if (path.endsWith(".zst")) return execFileSync("zstd", ["-dcq", path], { maxBuffer: 1 << 28 });
  return readFileSync(path);
}

/** The modinfo `depends=` list of a plain .ko (comma separated, may be empty). */
function modinfoDepends(ko) {
  const text = ko.toString("latin1");
  const m = /\0depends=([^\0]*)\0/.exec(text);
  return m && m[1] ? m[1].split(",").filter(Boolean) : [];
}

/**
 * Resolves `wanted` modules (names without .ko) against the tree: returns [{ name, data }] in
 * load order (dependencies first), skipping built-ins; names not present at all are listed in
 * `missing` (optional modules such as nft_counter, built into nf_tables on some releases).
 */
export function resolveModules(modRoot, wanted) {
  const index = new Map();
  for (const p of walk(join(modRoot, "kernel"))) {
    const m = /\/([^/]+)\.ko(\.xz|\.zst|\.gz)?$/.exec(p);
    if (m) index.set(norm(m[1]), p);
  }
  const builtinFile = join(modRoot, "modules.builtin");
  const builtin = new Set(
    existsSync(builtinFile)
      ? readFileSync(builtinFile, "utf8")
          .split("\n")
          .map((l) => norm(l.replace(/^.*\//, "").replace(/\.ko$/, "")))
      : [],
  );
  const order = [];
  const seen = new Set();
  const missing = [];
  const visit = (name) => {
    const n = norm(name);
    if (seen.has(n)) return;
    seen.add(n);
    if (builtin.has(n)) return;
    const path = index.get(n);
    if (!path) {
      missing.push(n);
      return;
    }
    const data = decompress(path);
    for (const dep of modinfoDepends(data)) visit(dep);
    order.push({ name: n, data });
  };
  for (const w of wanted) visit(w);
  return { order, missing, builtin: wanted.map(norm).filter((n) => builtin.has(n)) };
}

/** newc cpio writer: entries are { path, mode, data } (data Buffer) or { path, symlink }. */
export function cpio(entries) {
  const chunks = [];
  let ino = 1;
  const pad = (n) => Buffer.alloc((4 - (n % 4)) % 4);
  const hex = (n) => n.toString(16).padStart(8, "0");
  const push = (name, mode, data) => {
    const nameBuf = Buffer.from(`${name}\0`);
    const header =
      "070701" + [ino++, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBuf.length, 0].map(hex).join("");
    chunks.push(Buffer.from(header), nameBuf, pad(110 + nameBuf.length), data, pad(data.length));
  };
  const dirs = new Set();
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      if (!dirs.has(d)) {
        dirs.add(d);
        push(d, 0o40755, Buffer.alloc(0));
      }
    }
    if (e.symlink) push(e.path, 0o120777, Buffer.from(e.symlink));
    else push(e.path, 0o100000 | e.mode, e.data);
  }
  push("TRAILER!!!", 0, Buffer.alloc(0));
  return gzipSync(Buffer.concat(chunks), { level: 1 });
}

/** Every file and symlink under `dir`, as cpio entries below `prefix`. */
export function treeEntries(dir, prefix) {
  const out = [];
  const visit = (p) => {
    const st = lstatSync(p);
    const rel = join(prefix, relative(dir, p));
    if (st.isSymbolicLink()) out.push({ path: rel, symlink: readlinkSync(p) });
    else if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
    else out.push({ path: rel, mode: statSync(p).mode & 0o777, data: readFileSync(p) });
  };
  visit(dir);
  return out;
}
