import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/studio';

const bookinfo = (p: string) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/${p}`, 'utf8');
const combo = [
  bookinfo('platform/kube/bookinfo.yaml'),
  bookinfo('networking/destination-rule-all.yaml'),
  bookinfo('networking/virtual-service-reviews-80-20.yaml'),
].join('\n---\n');

test('the default example draws on first open', async ({ studio }) => {
  await studio.open();
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();
  await expect(studio.node('subset:default/reviews/v1')).toBeVisible();
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('10%');
  await expect(studio.page.getByTestId('yaml-status')).toHaveText('valid');
  await studio.shot('default-example');
  expect(studio.offOrigin).toEqual([]);
});

test('pasting the bookinfo combination draws subsets, selections and 80/20 routes', async ({ studio }) => {
  await studio.open();
  await studio.importText(combo);
  for (const v of ['v1', 'v2', 'v3']) {
    await expect(studio.node(`subset:default/reviews/${v}`)).toBeVisible();
    await expect(studio.node(`deployment:default/reviews-${v}`)).toBeVisible();
  }
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('80%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('20%');
  // bookinfo: 4 Services, 6 Deployments, 4 DestinationRules with 10 subsets, 1 VirtualService.
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '25');
  // At a readable zoom the whole graph is larger than a 1440×900 canvas (the fit shows its start): zoom out as
  // a person does, Ctrl+scroll near its left edge (below the filter bar), until every node is drawn.
  const subsets = studio.page.locator('[data-testid="node"][data-kind="subset"]');
  const box = await studio.canvas().boundingBox();
  if (!box) throw new Error('no canvas');
  await studio.page.mouse.move(box.x + 12, box.y + box.height / 2);
  const drawn = studio.page.locator('[data-testid="node"]');
  for (let i = 0; i < 10 && (await drawn.count()) < 25; i++) {
    await studio.page.keyboard.down('Control');
    await studio.page.mouse.wheel(0, 300);
    await studio.page.keyboard.up('Control');
  }
  await expect(subsets).toHaveCount(10);
  await expect(studio.page.locator('[data-testid="node"][data-kind="deployment"]')).toHaveCount(6);
  await studio.page.getByTestId('canvas').locator('.react-flow__controls-fitview').click();
  await studio.shot('bookinfo-combo');
});

test('typing a new weight in the YAML pane relabels the edge', async ({ studio }) => {
  await studio.open();
  await studio.typeOver('weight: 90', 'weight: 70');
  await studio.typeOver('weight: 10', 'weight: 30');
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('70%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('30%');
});

test('a syntax error shows the banner and keeps the last graph, dimmed', async ({ studio }) => {
  await studio.open();
  // Typed key by key at the end of the VirtualService's `http:` line: the `[` breaks the document.
  await studio.selectText('http:');
  await studio.page.keyboard.press('End');
  await studio.page.keyboard.type(' [');
  const banner = studio.page.getByTestId('parse-error');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Line \d+/);
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await expect(studio.canvas()).toHaveClass(/stale/);
  await studio.shot('parse-error');
  await studio.page.keyboard.press('Control+Z');
  await expect(banner).toBeHidden();
});

test('a reload restores the text', async ({ studio, page }) => {
  await studio.open();
  await studio.typeOver('weight: 90', 'weight: 75');
  await studio.typeOver('weight: 10', 'weight: 25');
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('75%');
  // The save is debounced: wait for it, then reload.
  await expect.poll(() => studio.savedText()).toContain('weight: 25\n');
  await page.reload();
  await studio.waitForEditor();
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('75%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('25%');
});

test('an example by URL wins over the saved text; one from the menu replaces it', async ({ studio }) => {
  // The default example is saved first, so a URL that were ignored would show it.
  await studio.open();
  await expect(studio.node('deployment:default/reviews-v3')).toBeVisible();
  await expect.poll(() => studio.savedText()).toContain('name: reviews-v3');
  await studio.open('?example=ab-header', { keepStorage: true });
  // ab-header: reviews v1 and v2 only, and two http routes (jason's header → v2, everyone else → v1).
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '7');
  await expect(studio.edge('route:default/reviews/http/1/0')).toHaveCount(1);
  await expect(studio.node('deployment:default/reviews-v3')).toHaveCount(0);
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('100%');

  await studio.loadExample('bookinfo-canary');
  // Only the canary deploys reviews v3, and splits one route 90/10.
  await expect(studio.node('deployment:default/reviews-v3')).toBeVisible();
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '9');
  await expect(studio.edge('route:default/reviews/http/1/0')).toHaveCount(0);
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('10%');
});
