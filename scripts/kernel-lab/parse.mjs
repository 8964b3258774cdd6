// Reads a guest's console: the "@@LAB BEGIN/END <name>" sections guest-init.sh prints, and the
// /proc/slabinfo snapshots of the fill, from which the memory per entry is derived.

/**
 * Section name → text. BEGIN is not anchored: the first one follows the firmware's terminal
 * escapes on the same console line. Kernel messages that land inside a section are kept.
 */
export function sections(output) {
  const out = {};
  const re = /@@LAB BEGIN (\S+)\n([\s\S]*?)^@@LAB END \1$/gm;
  for (const m of output.matchAll(re)) out[m[1]] = m[2].replace(/\n$/, "");
  return out;
}

export const done = (output) => /^@@LAB DONE$/m.test(output);

/** /proc/slabinfo rows by cache name (version 2.1 layout). */
export function slabinfo(text) {
  const caches = {};
  for (const line of text.split("\n")) {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+:.*:\s*slabdata\s+(\d+)\s+(\d+)/.exec(line);
    if (!m) continue;
    const [activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab, , numSlabs] = m.slice(2).map(Number);
    caches[m[1]] = { activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab, numSlabs, line };
  }
  return caches;
}

/** "Key:   123 kB" lines → { Key: kB }. */
export function meminfo(text) {
  return Object.fromEntries([...text.matchAll(/^(\w+):\s+(\d+) kB$/gm)].map((m) => [m[1], Number(m[2])]));
}

const slabBytes = (c, page) => c.numSlabs * c.pagesPerSlab * page;

/**
 * One fill step against the snapshot before any entry existed: the entries added (from
 * nf_conntrack_count), the nf_conntrack cache's growth, and every other cache whose active objects
 * grew by at least half the entry count (the extension area, kmalloc-128 or a variant).
 */
export function fillStep(s, step, page) {
  const before = slabinfo(s["slabinfo:0"] ?? "");
  const after = slabinfo(s[`slabinfo:${step}`] ?? "");
  const entries = Number(s[`count:${step}`]) - Number(s["count:0"]);
  const ct = before.nf_conntrack && after.nf_conntrack;
  if (!ct || !(entries > 0)) return null;
  const delta = (name) => ({
    cache: name,
    objSize: after[name].objSize,
    objPerSlab: after[name].objPerSlab,
    pagesPerSlab: after[name].pagesPerSlab,
    activeObjsDelta: after[name].activeObjs - (before[name]?.activeObjs ?? 0),
    slabsDelta: after[name].numSlabs - (before[name]?.numSlabs ?? 0),
    bytesDelta: slabBytes(after[name], page) - (before[name] ? slabBytes(before[name], page) : 0),
  });
  const conntrack = delta("nf_conntrack");
  const extensions = Object.keys(after)
    .filter((n) => n !== "nf_conntrack" && after[n].activeObjs - (before[n]?.activeObjs ?? 0) >= entries / 2)
    .sort()
    .map(delta);
  const bytes = conntrack.bytesDelta + extensions.reduce((sum, e) => sum + e.bytesDelta, 0);
  const m0 = meminfo(s["meminfo:0"] ?? "");
  const m1 = meminfo(s[`meminfo:${step}`] ?? "");
  return {
    step,
    entries,
    sent: s[`fill:${step}`] ?? "",
    conntrack,
    extensions,
    slabBytesDelta: bytes,
    bytesPerEntry: Math.round((bytes / entries) * 10) / 10,
    meminfoKiBDelta: Object.fromEntries(["Slab", "SUnreclaim"].map((k) => [k, m1[k] - m0[k]])),
  };
}
