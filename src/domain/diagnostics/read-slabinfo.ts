import type { Reader } from "./parse-state";

/**
 * /proc/slabinfo version 2.1 (docs/kernel-facts.md §4): `name active_objs num_objs objsize
 * objperslab pagesperslab : tunables ... : slabdata ...`. The cache is `nf_conntrack`, or
 * `nf_conntrack_<ptr>` / `nf_conntrack_<n>` per netns on kernels <= 4.6; never
 * `nf_conntrack_expect` (whose "x" ends the hex run).
 */
const SLABINFO =
  /^(nf_conntrack(?:_[0-9a-f]{1,16})?) \d{1,12} \d{1,12} (\d{1,7}) (\d{1,7}) (\d{1,7}) : ?tunables\b/;

export const readSlabinfo: Reader = (state, line, _tokens, record) => {
  const match = SLABINFO.exec(line);
  if (!match) return false;
  const slab = {
    cache: match[1] ?? "nf_conntrack",
    objectSize: Number(match[2]),
    objectsPerSlab: Number(match[3]),
    pagesPerSlab: Number(match[4]),
  };
  if (slab.objectSize === 0 || slab.objectsPerSlab === 0 || slab.pagesPerSlab === 0) return false;
  record.kind = "slabinfo";
  const previous = state.slabLine;
  if (previous === null) state.slabLine = slab;
  else {
    // Per-netns caches (nf_conntrack_1, _2, ...) repeat the same geometry: the first one is kept.
    const same =
      previous.objectSize === slab.objectSize &&
      previous.objectsPerSlab === slab.objectsPerSlab &&
      previous.pagesPerSlab === slab.pagesPerSlab;
    record.note = same ? "duplicate" : "conflict";
  }
  return true;
};
