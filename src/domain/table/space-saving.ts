/**
 * The most frequent keys of a stream in bounded memory: Space-Saving (Metwally, Agrawal and
 * El Abbadi, "Efficient computation of frequent and top-k elements in data streams", ICDT 2005).
 * It keeps `capacity` counters; a key not held replaces the smallest counter and inherits its
 * count as its possible overcount (`error`). Guarantees, for a stream of N adds:
 * - a key's true count lies in [count - error, count], and error ≤ N / capacity;
 * - every key whose true count exceeds N / capacity is held;
 * - while fewer than `capacity` distinct keys were seen, every count is exact (error 0).
 * The smallest counter is found with a binary min-heap, so each add costs O(log capacity).
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
  add(key: string, flagged?: boolean): void;
  /** The `limit` largest counters, largest first (ties by key, so the order is stable). */
  top(limit: number): TopList;
}

/** @example const s = createSpaceSaving(2); s.add("a"); s.add("a"); s.add("b"); s.top(1).items[0]?.key === "a" */
export function createSpaceSaving(capacity: number): SpaceSaving {
  const keys: string[] = [];
  const counts: number[] = [];
  const errors: number[] = [];
  const flags: number[] = [];
  const index = new Map<string, number>();
  let total = 0;
  let errorBound = 0;

  const swap = (a: number, b: number) => {
    const key = keys[a] ?? "";
    keys[a] = keys[b] ?? "";
    keys[b] = key;
    const c = counts[a] ?? 0;
    counts[a] = counts[b] ?? 0;
    counts[b] = c;
    const e = errors[a] ?? 0;
    errors[a] = errors[b] ?? 0;
    errors[b] = e;
    const f = flags[a] ?? 0;
    flags[a] = flags[b] ?? 0;
    flags[b] = f;
    index.set(keys[a], a);
    index.set(keys[b], b);
  };
  const count = (i: number) => counts[i] ?? 0;
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (count(parent) <= count(i)) return;
      swap(parent, i);
      i = parent;
    }
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < keys.length && count(left) < count(smallest)) smallest = left;
      if (right < keys.length && count(right) < count(smallest)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };

  return {
    add(key, flagged = false) {
      total += 1;
      const at = index.get(key);
      if (at !== undefined) {
        counts[at] = count(at) + 1;
        if (flagged) flags[at] = (flags[at] ?? 0) + 1;
        siftDown(at);
        return;
      }
      if (keys.length < capacity) {
        keys.push(key);
        counts.push(1);
        errors.push(0);
        flags.push(flagged ? 1 : 0);
        index.set(key, keys.length - 1);
        siftUp(keys.length - 1);
        return;
      }
      const smallest = count(0);
      index.delete(keys[0] ?? "");
      keys[0] = key;
      index.set(key, 0);
      errors[0] = smallest;
      counts[0] = smallest + 1;
      flags[0] = flagged ? 1 : 0;
      errorBound = Math.max(errorBound, smallest);
      siftDown(0);
    },
    top(limit) {
      const items = keys
        .map((key, i) => ({ key, count: count(i), error: errors[i] ?? 0, flagged: flags[i] ?? 0 }))
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, limit);
      return { items, total, exact: errorBound === 0, errorBound };
    },
  };
}
