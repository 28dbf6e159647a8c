import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/studio';

const reviews = readFileSync('e2e/fixtures/reviews-no-vs.yaml', 'utf8');

/** Drags from one React Flow handle to another with the mouse, as a person does. */
async function dragHandle(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('handle not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

test('design a 90/10 canary on the canvas, undo it, keep comments', async ({ studio, page }) => {
  test.setTimeout(150_000);
  await studio.open();
  await studio.importText(reviews);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');

  // Drag a VirtualService from the palette onto an empty part of the canvas.
  const canvasBox = await studio.canvas().boundingBox();
  if (!canvasBox) throw new Error('no canvas');
  await page.getByTestId('palette-virtualservice').dragTo(studio.canvas(), {
    targetPosition: { x: 40, y: canvasBox.height - 250 },
  });
  const vs = studio.node('virtualservice:default/reviews');
  await expect(vs).toBeVisible();

  // A new VirtualService sends its host to the Service; connecting its route to subset v1 narrows it to v1,
  // connecting it to subset v2 then splits the route 50/50.
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('100%');
  const v1In = studio.node('subset:default/reviews/v1').locator('.react-flow__handle[data-handleid="in"]');
  const v2In = studio.node('subset:default/reviews/v2').locator('.react-flow__handle[data-handleid="in"]');
  const route0 = vs.locator('.react-flow__handle[data-handleid="http-0"]');
  await dragHandle(page, route0, v1In);
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('100%');
  await studio.selectText('subset: v1');
  await dragHandle(page, route0, v2In);
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('50%');

  // 90/10 in the inspector.
  await vs.click();
  const input = page.locator('[data-testid="weight-input"][data-edge-id="route:default/reviews/http/0/0"]');
  await input.fill('90');
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('10%');
  await studio.shot('design-canary');
  await studio.selectText('weight: 90');
  await studio.selectText('weight: 10');
  await studio.selectText('# keep this comment');

  // Ctrl+Z on the canvas brings the previous text back (50/50), then redo with the button.
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+Z');
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('50%');
  await page.getByTestId('redo').click();
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await studio.selectText('# keep this comment');
});

test('clicking a node reveals its YAML; the cursor in YAML selects the node', async ({ studio, page }) => {
  await studio.open();
  await studio.node('deployment:default/reviews-v2').click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('name: reviews-v2');
  await expect(page.locator('.monaco-editor .selected-text').first()).toBeVisible();
  await studio.selectText('name: reviews-v3');
  await page.keyboard.press('ArrowLeft');
  await expect(studio.node('deployment:default/reviews-v3')).toHaveClass(/selected/);
});

test('delete a route edge with the Delete key; weights rebalance', async ({ studio, page }) => {
  await studio.open();
  await page.locator('[data-testid="route-weight"][data-edge-id="route:default/reviews/http/0/1"]').click();
  await page.keyboard.press('Delete');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveCount(0);
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('100%');
  await page.getByTestId('undo').click();
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('10%');
});

test('a tcp route match port is set in the inspector', async ({ studio, page }) => {
  const tcp = ['tcp-echo-services.yaml', 'tcp-echo-20-v2.yaml']
    .map((f) => readFileSync(`test/fixtures/corpus/istio/samples/tcp-echo/${f}`, 'utf8'))
    .join('\n---\n');
  await studio.open();
  await studio.importText(tcp);
  await studio.node('virtualservice:default/tcp-echo').click();
  const port = page.getByTestId('match-port').first();
  await port.fill('9001');
  await port.press('Enter');
  await studio.selectText('port: 9001');
  await expect(studio.weight('route:default/tcp-echo/tcp/0/1')).toHaveText('20%');
});

test('a delegate set in the inspector writes YAML and draws the delegate edge', async ({ studio, page }) => {
  await studio.open('?example=bookinfo-canary');
  await studio.node('virtualservice:default/reviews').click({ position: { x: 20, y: 10 } });
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('route-feature-delegate').locator('summary').click();
  await inspector.getByTestId('route-delegate-name').fill('reviews-delegate');
  await inspector.getByTestId('route-delegate-name').press('Enter');
  await studio.selectText('name: reviews-delegate');
  await expect(studio.node('missing:virtualservice default/reviews-delegate')).toBeVisible();
});
