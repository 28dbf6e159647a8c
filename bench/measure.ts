import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Timing helpers: warm up, collect garbage between runs, take medians, and interleave contenders so a burst
// of load on a shared machine hits all of them alike (the ratios are what the targets are about).

setFlagsFromString('--expose-gc');
const exposed: unknown = runInNewContext('gc');
const collect = (): void => {
  if (typeof exposed === 'function') exposed();
};

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** One contender: `setup` runs untimed before each timed call of `fn` (they share state by closure). */
export interface Task {
  setup?: () => void;
  fn: () => unknown;
}

/**
 * Median wall time (ms) of each task over `runs` rounds, after `warmup` untimed rounds. Each round runs
 * every task once, in an order that rotates from round to round.
 */
export function timeTasks<K extends string>(
  tasks: Record<K, Task>,
  runs: number,
  warmup: number,
): Record<K, number> {
  const keys = Object.keys(tasks) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(round + j) % keys.length];
      if (key === undefined) continue;
      const task = tasks[key];
      task.setup?.();
      collect();
      const t0 = performance.now();
      task.fn();
      const t = performance.now() - t0;
      if (round >= warmup) times.get(key)?.push(t);
    }
  }
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = median(times.get(k) ?? []);
  return out;
}
