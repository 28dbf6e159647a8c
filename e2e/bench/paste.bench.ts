import { generateMesh } from '../../bench/generate-mesh';
import { derive } from '../../src/core/derive';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/studio';

// Paste N generated resources through the import dialog and time, inside the page, from the click on
// "replace" until the canvas says it is done (`data-busy="false"` with the full node count); then time one
// keystroke in Monaco until the canvas shows its effect. Results go to the console as one table row each.

declare global {
  interface Window {
    __bench?: { t0: number; t1: number; longest: number };
  }
}

/** In the page: start the clock on the next `trigger` event, stop it when the canvas shows `nodes` nodes, idle. */
async function arm(page: Page, trigger: 'click' | 'keydown', nodes: number) {
  await page.evaluate(
    ({ trigger, nodes }) => {
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
        canvas.getAttribute('data-node-count') === String(nodes);
      new MutationObserver((_, obs) => {
        if (bench.t0 && done()) {
          bench.t1 = performance.now();
          obs.disconnect();
        }
      }).observe(canvas, { attributes: true });
    },
    { trigger, nodes },
  );
}

async function elapsed(page: Page): Promise<{ ms: number; longest: number }> {
  await expect
    .poll(() => page.evaluate(() => window.__bench?.t1 ?? 0), { timeout: 120_000 })
    .toBeGreaterThan(0);
  return page.evaluate(() => ({
    ms: (window.__bench?.t1 ?? 0) - (window.__bench?.t0 ?? 0),
    longest: window.__bench?.longest ?? 0,
  }));
}

for (const n of [1000, 2000]) {
  test(`paste ${n} resources, then type one key`, async ({ studio }) => {
    const text = generateMesh(n);
    const nodes = derive(text).graph.nodes.length;
    const page = studio.page;
    await studio.open();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-text').fill(text);
    await arm(page, 'click', nodes);
    await page.getByTestId('import-apply').click();
    const paste = await elapsed(page);
    await expect(studio.canvas()).toHaveAttribute('data-node-count', String(nodes));

    // One key that changes the graph: `subset: v2` → `subset: v2x` adds a `missing` node.
    await studio.selectText('subset: v2');
    await page.keyboard.press('ArrowRight');
    await arm(page, 'keydown', nodes + 1);
    await page.keyboard.type('x');
    const key = await elapsed(page);
    console.log(
      `| ${n} | ${nodes} | paste → graph ${paste.ms.toFixed(0)} ms (longest task ${paste.longest.toFixed(0)} ms) | keystroke → graph ${key.ms.toFixed(0)} ms (longest task ${key.longest.toFixed(0)} ms) |`,
    );
  });
}
