import { generateMesh } from '../../bench/generate-mesh';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/studio';

// Paste N generated resources through the import dialog and time, inside the page, from the click on
// "replace" until the canvas says it is done (`data-busy="false"` with the full node count); then time one
// keystroke in Monaco until the canvas shows its effect. Results go to the console as one table row each.

const require = createRequire(import.meta.url);
// The app's CSP allows only its own scripts; the js-yaml floor is injected by the bench.
test.use({ bypassCSP: true });

declare global {
  interface Window {
    __bench?: { t0: number; t1: number; longest: number };
  }
}

/**
 * In the page: start the clock on the next `trigger` event, stop it when the canvas is idle and shows at least
 * `atLeast` nodes (a paste of N resources draws more than N nodes; the bench cannot import the deriver, whose
 * schema JSON Playwright's loader refuses).
 */
async function arm(page: Page, trigger: 'click' | 'keydown', atLeast: number) {
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

/**
 * The speed floor, measured in the same page: a bare js-yaml `loadAll` of the text (best of 5, after a warm-up
 * run), so the paste figure can be read as a ratio where the machine's speed cancels out.
 */
async function loadAllMs(page: Page, text: string): Promise<number> {
  await page.addScriptTag({ path: join(dirname(require.resolve('js-yaml')), 'browser/js-yaml.umd.min.js') });
  return page.evaluate((text) => {
    const jsyaml = (window as unknown as { jsyaml: { loadAll(s: string): unknown[] } }).jsyaml;
    jsyaml.loadAll(text);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      jsyaml.loadAll(text);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }, text);
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
    const page = studio.page;
    await studio.open();
    const floor = await loadAllMs(page, text);
    await page.getByTestId('import-open').click();
    // As a paste lands: one input event with the whole text (Playwright's fill types 500 KB far too slowly).
    await page.getByTestId('import-text').evaluate((el, value) => {
      if (!(el instanceof HTMLTextAreaElement)) throw new Error('import-text is not a textarea');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await arm(page, 'click', n);
    await page.getByTestId('import-apply').click();
    const paste = await elapsed(page);
    const nodes = Number(await studio.canvas().getAttribute('data-node-count'));

    // One key that changes the graph: `subset: v2` → `subset: v2x` adds a `missing` node.
    await studio.selectText('subset: v2');
    await page.keyboard.press('ArrowRight');
    await arm(page, 'keydown', nodes + 1);
    await page.keyboard.type('x');
    const key = await elapsed(page);
    console.log(
      `| ${n} | ${nodes} | paste → graph ${paste.ms.toFixed(0)} ms (longest task ${paste.longest.toFixed(0)} ms) | js-yaml loadAll in page ${floor.toFixed(0)} ms | paste / loadAll ${(paste.ms / floor).toFixed(1)}× (target ≤ 15×) ${paste.ms / floor <= 15 ? '✅' : '❌'} | keystroke → graph ${key.ms.toFixed(0)} ms (longest task ${key.longest.toFixed(0)} ms) |`,
    );
  });
}

// 10 MB the way cluster dumps reach it: a few hundred resources and one big ConfigMap. The figure that counts
// is the longest task (the page must never freeze for a second); the graph has 582 nodes.
test('paste 10 MB (400 resources and a 10 MB ConfigMap)', async ({ studio }) => {
  const line = `    ${'x'.repeat(95)}\n`;
  const blob = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  const text = `${generateMesh(400)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${blob}`;
  const page = studio.page;
  await studio.open();
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-text').evaluate((el, value) => {
    if (!(el instanceof HTMLTextAreaElement)) throw new Error('import-text is not a textarea');
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await arm(page, 'click', 582);
  await page.getByTestId('import-apply').click();
  const paste = await elapsed(page);
  console.log(
    `| 10 MB | 582 | paste → graph ${paste.ms.toFixed(0)} ms (longest task ${paste.longest.toFixed(0)} ms) | — |`,
  );
});
