/**
 * The most frequent keys of a stream in bounded memory: Space-Saving (Metwally, Agrawal and
 * El Abbadi, "Efficient computation of frequent and top-k elements in data streams", ICDT 2005).
 * It keeps `capacity` counters; a key not held replaces the smallest counter and inherits its
 * count as its possible overcount (`error`). Guarantees, for a stream of N adds:
 * - a key's true count lies in [count - error, count], and error ≤ N / capacity;
 * - every key whose true count exceeds N / capacity is held;
 * - while fewer than `capacity` distinct keys were seen, every count is exact (error 0).
 * The counters sit in the paper's Stream-Summary: buckets of equal count in a list ordered by
 * count, so an add costs O(1) (one index lookup and a few array writes). A binary min-heap (O(log
 * capacity) swaps, each two map writes) made the lists 80 % of reading a 1,000,000-entry table.
 */
export interface TopItem {
  readonly key: string;
  /** Upper bound of the key's true count. */
  readonly count: number;
  /** How much `count` may exceed the true count (0: exact). */
  readonly error: number;
  /** Adds marked `flagged` since the key was last taken in (exact only when error is 0). */
  readonly flagged: number;
}

export interface TopList {
  readonly items: readonly TopItem[];
  /** Adds seen. */
  readonly total: number;
  /** True while no counter was ever replaced: every count is exact. */
  readonly exact: boolean;
  /** The largest possible overcount of any item (0 when exact), at most total / capacity. */
  readonly errorBound: number;
}

export interface SpaceSaving {
  /** Counts the key held in `key[at, at + width)`: numbers of 0 to 2^32 - 1. */
  add(key: ArrayLike<number>, flagged?: boolean, at?: number): void;
  /** The `limit` largest counters, largest first (ties by key text, so the order is stable). */
  top(limit: number): TopList;
}

/**
 * A hash of a key's numbers (MurmurHash3's 32-bit mixing, public domain, Austin Appleby) under a
 * seed, so that no file can be made whose keys all collide in one reading.
 */
function hashWords(key: ArrayLike<number>, at: number, width: number, seed: number): number {
  let h = seed;
  for (let i = at; i < at + width; i += 1) {
    let k = Math.imul(key[i] ?? 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Keys are `width` numbers, so that counting allocates nothing: a new string per add, hashed by
 * the runtime, cost more than the rest of the list (a microbenchmark: 0.5 µs per add more than
 * the same key hashed once). `format` writes the key at `words[at]` as the text top() gives.
 * The keys held are found through an open-addressing table (linear probing, deletion by backward
 * shift) at most half full.
 *
 * @example const s = createSpaceSaving(2, 1, (w, at) => String(w[at])); s.add([7]); s.add([7]); s.add([8]); s.top(1).items[0]?.key === "7"
 */
export function createSpaceSaving(
  capacity: number,
  width: number,
  format: (words: Uint32Array, at: number) => string,
): SpaceSaving {
  const NONE = -1;
  // Counter slots: the key, its hash, count, error and flagged adds, its bucket, and its
  // neighbours in that bucket's list of counters.
  const keyWords = new Uint32Array(capacity * width);
  const hashes = new Uint32Array(capacity);
  let used = 0;
  const counts = new Float64Array(capacity);
  const errors = new Float64Array(capacity);
  const flags = new Float64Array(capacity);
  const bucketOf = new Int32Array(capacity);
  const prev = new Int32Array(capacity);
  const next = new Int32Array(capacity);
  // Buckets (at most one per counter): their count, first counter, and neighbours in count order.
  const bucketCount = new Float64Array(capacity);
  const bucketHead = new Int32Array(capacity);
  const bucketPrev = new Int32Array(capacity);
  const bucketNext = new Int32Array(capacity);
  const freeBuckets: number[] = [];
  for (let b = capacity - 1; b >= 0; b -= 1) freeBuckets.push(b);
  let smallestBucket = NONE;
  // The index: a power of two at least twice the capacity; each place holds a slot or NONE.
  let places = 2;
  while (places < 2 * capacity) places *= 2;
  const mask = places - 1;
  const index = new Int32Array(places).fill(NONE);
  const seed = Math.floor(Math.random() * 0x100000000);
  let total = 0;
  let errorBound = 0;

  const sameKey = (slot: number, key: ArrayLike<number>, from: number) => {
    const at = slot * width;
    for (let i = 0; i < width; i += 1) if (keyWords[at + i] !== key[from + i]) return false;
    return true;
  };
  /** The place of `key[from...]` (with hash `hash`) in the index, or of the empty place it would take. */
  const placeOf = (key: ArrayLike<number>, from: number, hash: number): number => {
    let place = hash & mask;
    for (;;) {
      const slot = index[place] ?? NONE;
      if (slot === NONE || ((hashes[slot] ?? 0) === hash && sameKey(slot, key, from))) return place;
      place = (place + 1) & mask;
    }
  };
  /** Takes a slot's key out of the index, shifting back the keys that probed past it. */
  const unindex = (slot: number) => {
    let hole = (hashes[slot] ?? 0) & mask;
    while (index[hole] !== slot) hole = (hole + 1) & mask;
    let place = hole;
    for (;;) {
      place = (place + 1) & mask;
      const moved = index[place] ?? NONE;
      if (moved === NONE) break;
      const home = (hashes[moved] ?? 0) & mask;
      // The key at `place` may fill the hole when its home is not in (hole, place], cyclically.
      if (hole <= place ? home <= hole || home > place : home <= hole && home > place) {
        index[hole] = moved;
        hole = place;
      }
    }
    index[hole] = NONE;
  };

  /** A new, empty bucket for `count`, placed after `after` (NONE: first). */
  const newBucket = (count: number, after: number): number => {
    const b = freeBuckets.pop() ?? NONE;
    bucketCount[b] = count;
    bucketHead[b] = NONE;
    bucketPrev[b] = after;
    const following = after === NONE ? smallestBucket : (bucketNext[after] ?? NONE);
    bucketNext[b] = following;
    if (following !== NONE) bucketPrev[following] = b;
    if (after === NONE) smallestBucket = b;
    else bucketNext[after] = b;
    return b;
  };
  const attach = (slot: number, b: number) => {
    const head = bucketHead[b] ?? NONE;
    bucketOf[slot] = b;
    prev[slot] = NONE;
    next[slot] = head;
    if (head !== NONE) prev[head] = slot;
    bucketHead[b] = slot;
  };
  /** Takes a counter out of its bucket; frees the bucket when it empties. */
  const detach = (slot: number) => {
    const b = bucketOf[slot] ?? NONE;
    const before = prev[slot] ?? NONE;
    const after = next[slot] ?? NONE;
    if (before !== NONE) next[before] = after;
    else bucketHead[b] = after;
    if (after !== NONE) prev[after] = before;
    if (bucketHead[b] !== NONE) return;
    const lower = bucketPrev[b] ?? NONE;
    const higher = bucketNext[b] ?? NONE;
    if (lower !== NONE) bucketNext[lower] = higher;
    else smallestBucket = higher;
    if (higher !== NONE) bucketPrev[higher] = lower;
    freeBuckets.push(b);
  };
  /** Moves a counter to the bucket of its count + 1. */
  const increment = (slot: number) => {
    const b = bucketOf[slot] ?? NONE;
    const count = (counts[slot] ?? 0) + 1;
    counts[slot] = count;
    const higher = bucketNext[b] ?? NONE;
    if (higher !== NONE && bucketCount[higher] === count) {
      detach(slot);
      attach(slot, higher);
    } else if (bucketHead[b] === slot && next[slot] === NONE) {
      // Alone in its bucket: the bucket itself takes the new count, its place in the order holds.
      bucketCount[b] = count;
    } else {
      detach(slot);
      attach(slot, newBucket(count, b));
    }
  };
  /** Puts `key[from...]` in `slot` and indexes it. */
  const hold = (slot: number, key: ArrayLike<number>, from: number, hash: number) => {
    const at = slot * width;
    for (let i = 0; i < width; i += 1) keyWords[at + i] = key[from + i] ?? 0;
    hashes[slot] = hash;
    index[placeOf(key, from, hash)] = slot;
  };

  return {
    add(key, flagged = false, from = 0) {
      total += 1;
      const hash = hashWords(key, from, width, seed);
      const at = index[placeOf(key, from, hash)] ?? NONE;
      if (at !== NONE) {
        if (flagged) flags[at] = (flags[at] ?? 0) + 1;
        increment(at);
        return;
      }
      if (used < capacity) {
        const slot = used;
        used += 1;
        hold(slot, key, from, hash);
        counts[slot] = 1;
        errors[slot] = 0;
        flags[slot] = flagged ? 1 : 0;
        const b =
          smallestBucket !== NONE && bucketCount[smallestBucket] === 1 ? smallestBucket : newBucket(1, NONE);
        attach(slot, b);
        return;
      }
      const slot = bucketHead[smallestBucket] ?? 0;
      const smallest = counts[slot] ?? 0;
      unindex(slot);
      hold(slot, key, from, hash);
      errors[slot] = smallest;
      flags[slot] = flagged ? 1 : 0;
      errorBound = Math.max(errorBound, smallest);
      increment(slot);
    },
    top(limit) {
      const items = Array.from({ length: used }, (_, i) => ({
        key: format(keyWords, i * width),
        count: counts[i] ?? 0,
        error: errors[i] ?? 0,
        flagged: flags[i] ?? 0,
      }))
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, limit);
      return { items, total, exact: errorBound === 0, errorBound };
    },
  };
}

/** The smallest count a list that ever replaced a counter holds: what a key it lacks may have had. */
function missingCount(list: TopList): number {
  return list.exact ? 0 : (list.items[list.items.length - 1]?.count ?? 0);
}

/**
 * Two Space-Saving summaries of two parts of a stream, as one summary of the whole (the merge of
 * Agarwal et al., "Mergeable summaries", PODS 2012, for Space-Saving): counts of a key add; a key
 * one part lacks gets that part's smallest count, both as count and as error, since it may have
 * been counted there and replaced (0 when that part is exact: it holds every key it saw). So a
 * key's true count still lies in [count - error, count], the error bound is the two parts' smallest
 * counts added (each at most the part's total / capacity, so at most total / capacity), and every
 * key above total / capacity is held. Both parts must hold every counter (`top(Infinity)`).
 *
 * @example mergeTopLists(a.top(Infinity), b.top(Infinity), 20).items[0]?.key
 */
export function mergeTopLists(first: TopList, second: TopList, limit: number): TopList {
  const firstMissing = missingCount(first);
  const secondMissing = missingCount(second);
  const merged = new Map<string, { key: string; count: number; error: number; flagged: number }>();
  for (const item of first.items) {
    merged.set(item.key, {
      key: item.key,
      count: item.count + secondMissing,
      error: item.error + secondMissing,
      flagged: item.flagged,
    });
  }
  for (const item of second.items) {
    const held = merged.get(item.key);
    if (held) {
      held.count += item.count - secondMissing;
      held.error += item.error - secondMissing;
      held.flagged += item.flagged;
    } else {
      merged.set(item.key, {
        key: item.key,
        count: item.count + firstMissing,
        error: item.error + firstMissing,
        flagged: item.flagged,
      });
    }
  }
  const items = [...merged.values()]
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
  const errorBound = firstMissing + secondMissing;
  return { items, total: first.total + second.total, exact: errorBound === 0, errorBound };
}
