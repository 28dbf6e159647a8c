/** A sorted list of item numbers, and a membership test that agrees with it. */
export interface Bucket {
  items: readonly number[];
  has(item: number): boolean;
}

/**
 * Size and first `headSize` items (ascending) of the union of sorted buckets. Only the buckets other than the
 * largest are walked, so one huge bucket shared by thousands of queries costs nothing per query.
 */
export function unionOf(buckets: readonly Bucket[], headSize: number): { count: number; head: number[] } {
  let largest: Bucket | undefined;
  for (const b of buckets) if (!largest || b.items.length > largest.items.length) largest = b;
  if (!largest) return { count: 0, head: [] };
  let count = largest.items.length;
  const extra = new Set<number>();
  for (const b of buckets) {
    if (b === largest) continue;
    for (const x of b.items) {
      if (largest.has(x) || extra.has(x)) continue;
      extra.add(x);
      count++;
    }
  }
  // The union's first items are each among the first items of a bucket that holds them.
  const firsts = new Set(buckets.flatMap((b) => b.items.slice(0, headSize)));
  const head = [...firsts].sort((a, b) => a - b).slice(0, headSize);
  return { count, head };
}
