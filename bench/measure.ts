// Timing helpers: warm up, then take the median of several runs, so one GC pause does not decide a figure.

declare const gc: (() => void) | undefined;

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Median wall time (ms) of `fn` over `runs` runs after `warmup` untimed ones. `setup` runs before each
 * call, untimed, and its result is passed in.
 */
export function timeIt<S>(
  fn: (s: S) => unknown,
  opts: { runs: number; warmup: number; setup: () => S },
): number {
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const s = opts.setup();
    if (typeof gc === 'function') gc();
    const t0 = performance.now();
    fn(s);
    const t = performance.now() - t0;
    if (i >= opts.warmup) times.push(t);
  }
  return median(times);
}

/** Same as timeIt with no setup. */
export function timeSimple(fn: () => unknown, runs: number, warmup: number): number {
  return timeIt(() => fn(), { runs, warmup, setup: () => undefined });
}
