import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures/studio';

// Clocks the browser benches share: a paste (or key) until the canvas is done, and the js-yaml floor measured in
// the same page so figures can be read as ratios where the machine's speed cancels out.

const require = createRequire(import.meta.url);

declare global {
  interface Window {
    __bench?: { t0: number; t1: number; longest: number };
  }
}

/**
 * In the page: start the clock on the next `trigger` event, stop it when the canvas is idle and shows at least
 * `atLeast` nodes (a paste of N resources draws more than N nodes; the bench cannot import the deriver, whose
 * schema JSON Playwright's loader refuses). `longest` is the longest main-thread task in between.
 */
export async function arm(page: Page, trigger: 'click' | 'keydown', atLeast: number) {
  await page.evaluate(
    ({ trigger, atLeast }) => {
      const bench = { t0: 0, t1: 0, longest: 0 };
      window.__bench = bench;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (bench.t0 && !bench.t1) bench.longest = Math.max(bench.longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
      window.addEventListener(trigger, () => (bench.t0 ||= performance.now()), { capture: true, once: true });
      const canvas = document.querySelector('[data-testid="canvas"]');
      if (!canvas) throw new Error('no canvas');
      const done = () =>
        canvas.getAttribute('data-busy') === 'false' &&
        Number(canvas.getAttribute('data-node-count')) >= atLeast;
      new MutationObserver((_, obs) => {
        if (bench.t0 && done()) {
          bench.t1 = performance.now();
          obs.disconnect();
        }
      }).observe(canvas, { attributes: true });
    },
    { trigger, atLeast },
  );
}

/** Waits for the clock `arm` started, and returns its time and the longest task while it ran. */
export async function elapsed(page: Page, timeout = 120_000): Promise<{ ms: number; longest: number }> {
  await expect.poll(() => page.evaluate(() => window.__bench?.t1 ?? 0), { timeout }).toBeGreaterThan(0);
  return page.evaluate(() => ({
    ms: (window.__bench?.t1 ?? 0) - (window.__bench?.t0 ?? 0),
    longest: window.__bench?.longest ?? 0,
  }));
}

/**
 * The speed floor, measured in the same page: a bare js-yaml `loadAll` of the text, its first (cold) run and the
 * best of 5 after it (warm). The page needs `bypassCSP` (the app's CSP allows only its own scripts).
 */
export async function loadAllMs(page: Page, text: string): Promise<{ cold: number; warm: number }> {
  await page.addScriptTag({ path: join(dirname(require.resolve('js-yaml')), 'browser/js-yaml.umd.min.js') });
  return page.evaluate((text) => {
    const jsyaml = (window as unknown as { jsyaml: { loadAll(s: string): unknown[] } }).jsyaml;
    let t0 = performance.now();
    jsyaml.loadAll(text);
    const cold = performance.now() - t0;
    let warm = Infinity;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      jsyaml.loadAll(text);
      warm = Math.min(warm, performance.now() - t0);
    }
    return { cold, warm };
  }, text);
}

/**
 * The JS heap in MB (Chromium's `performance.memory`, precise with `--enable-precise-memory-info`): as it is,
 * and after a full collection when the page has `gc` (`--js-flags=--expose-gc`), i.e. what the page holds.
 */
export async function heapMb(page: Page): Promise<{ used: number; afterGc: number | undefined }> {
  return page.evaluate(async () => {
    const mem = () =>
      (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
    const used = mem() / 2 ** 20;
    const gc = (window as unknown as { gc?: () => void }).gc;
    if (!gc) return { used, afterGc: undefined };
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    return { used, afterGc: mem() / 2 ** 20 };
  });
}
