import type { ParseAhead, Progress } from './parse-ahead';

/** Below this much text one worker reads it all: a second one would cost more to start than it saves. */
export const SPLIT_FROM = 256_000;

/**
 * Several parse workers as one `ParseAhead`: a big paste's documents are cut into contiguous slices of about
 * equal size, one per worker, read side by side (the main thread is idle meanwhile: the editor takes a big text
 * only after its graph is drawn). Progress is the sum of the slices'. Resolves true once every slice is seeded,
 * false when a newer run replaced this one. Each worker falls back to the main thread on its own.
 */
export function createParseAheadPool(workers: readonly ParseAhead[]): ParseAhead {
  return {
    run(docs, onProgress) {
      const size = docs.reduce((n, d) => n + d.length, 0);
      const slices = size < SPLIT_FROM ? [docs] : slice(docs, workers.length);
      const done = slices.map(() => 0);
      const notes: (string | undefined)[] = slices.map(() => undefined);
      const report = () => {
        const p: Progress = { done: done.reduce((a, b) => a + b, 0), total: docs.length };
        const fallback = notes.find((n) => n !== undefined);
        onProgress(fallback ? { ...p, fallback } : p);
      };
      // A worker left without a slice still ends its older job: a newer text replaces every slice.
      const runs = workers.map((w, i) => {
        const part = slices[i] ?? [];
        return w.run(part, (p) => {
          done[i] = p.done;
          notes[i] = p.fallback;
          report();
        });
      });
      return Promise.all(runs).then((oks) => oks.every(Boolean));
    },
  };
}

/** Cuts `docs` into at most `n` contiguous slices of about equal text length, none empty. */
export function slice(docs: readonly string[], n: number): string[][] {
  const total = docs.reduce((s, d) => s + d.length, 0);
  const target = total / Math.max(1, n);
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const d of docs) {
    cur.push(d);
    size += d.length;
    if (size >= target && out.length < n - 1) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
