import { generateCanaryApps } from '../../bench/generate-canary-apps';
import { generateMesh } from '../../bench/generate-mesh';
import { test } from '../fixtures/studio';
import { arm, elapsed, loadAllMs } from './page-timing';

// Paste N generated resources through the import dialog and time, inside the page, from the click on
// "replace" until the canvas says it is done (`data-busy="false"` with the full node count); then time one
// keystroke in Monaco until the canvas shows its effect. Results go to the console as one table row each.

// The app's CSP allows only its own scripts; the js-yaml floor is injected by the bench.
test.use({ bypassCSP: true });

const ratio = (ms: number, floor: number) => `${(ms / floor).toFixed(1)}× ${ms / floor <= 15 ? '✅' : '❌'}`;

const PASTES = [
  { label: '1,000 (200 canary apps)', text: () => generateCanaryApps(200), key: 'subset: v2' },
  { label: '1,000 (synthetic mesh)', text: () => generateMesh(1000), key: 'subset: v2' },
  { label: '2,000 (synthetic mesh)', text: () => generateMesh(2000), key: 'subset: v2' },
];

for (const { label, text: make, key: keyAt } of PASTES) {
  test(`paste ${label}, then type one key`, async ({ studio }) => {
    const text = make();
    const n = (text.match(/^kind: /gm) ?? []).length;
    const page = studio.page;
    await studio.open();
    const floor = await loadAllMs(page, text);
    await studio.pasteIntoImport(text);
    await arm(page, 'click', n);
    await page.getByTestId('import-apply').click();
    const paste = await elapsed(page);
    const nodes = Number(await studio.canvas().getAttribute('data-node-count'));

    // One key that changes the graph: `subset: v2` → `subset: v2x` adds a `missing` node.
    await studio.selectText(keyAt);
    await page.keyboard.press('ArrowRight');
    await arm(page, 'keydown', nodes + 1);
    await page.keyboard.type('x');
    const key = await elapsed(page);
    console.log(
      `| ${label} | ${Math.round(text.length / 1024)} KB | ${nodes} | paste → graph ${paste.ms.toFixed(0)} ms (longest task ${paste.longest.toFixed(0)} ms) | js-yaml loadAll cold ${floor.cold.toFixed(0)} ms, warm ${floor.warm.toFixed(0)} ms | paste / loadAll: cold ${ratio(paste.ms, floor.cold)}, warm ${ratio(paste.ms, floor.warm)} (target ≤ 15×) | keystroke → graph ${key.ms.toFixed(0)} ms (longest task ${key.longest.toFixed(0)} ms) |`,
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
  await studio.pasteIntoImport(text);
  await arm(page, 'click', 582);
  await page.getByTestId('import-apply').click();
  const paste = await elapsed(page);
  console.log(
    `| 10 MB | 582 | paste → graph ${paste.ms.toFixed(0)} ms (longest task ${paste.longest.toFixed(0)} ms) | — |`,
  );
});
