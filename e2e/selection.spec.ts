import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Studio } from './fixtures/studio';

const reviews = readFileSync('e2e/fixtures/reviews-no-vs.yaml', 'utf8');
const route0 = 'route:default/reviews/http/0/0';
const route1 = 'route:default/reviews/http/0/1';

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

/** Console errors and uncaught page errors (React #185, "Maximum update depth exceeded", lands in both). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The selected state of a route edge, both as React Flow draws it and on its weight label. */
async function expectEdgeSelected(studio: Studio, edgeId: string, selected: boolean) {
  const edge = studio.page.locator(`.react-flow__edge[data-id="${edgeId}"]`);
  const label = studio.page.locator(`.edge-label[data-edge-id="${edgeId}"]`);
  if (selected) {
    await expect(edge).toHaveClass(/\bselected\b/);
    await expect(label).toHaveClass(/\bselected\b/);
  } else {
    await expect(edge).not.toHaveClass(/\bselected\b/);
    await expect(label).not.toHaveClass(/\bselected\b/);
  }
}

/** A point on an edge's line where a click reaches the edge (not a node or another edge over it). */
async function pointOnEdge(page: Page, edgeId: string): Promise<[number, number]> {
  const edge = page.locator(`.react-flow__edge[data-id="${edgeId}"]`);
  return edge.evaluate((g) => {
    const p = g.querySelector<SVGPathElement>('.react-flow__edge-interaction');
    const m = p?.getScreenCTM();
    if (!p || !m) throw new Error('edge not laid out');
    for (let k = 1; k < 40; k++) {
      const at = p.getPointAtLength((p.getTotalLength() * k) / 40);
      const x = m.a * at.x + m.c * at.y + m.e;
      const y = m.b * at.x + m.d * at.y + m.f;
      if (g.contains(document.elementFromPoint(x, y))) return [x, y] as [number, number];
    }
    throw new Error('no clickable point on the edge');
  });
}

function weightInput(page: Page, edgeId: string) {
  return page.getByTestId('inspector').locator(`[data-testid="weight-input"][data-edge-id="${edgeId}"]`);
}

/** reviews with a new VirtualService whose one route is narrowed to subset v1; the VirtualService selected. */
async function reviewsWithVs(studio: Studio, page: Page) {
  await studio.open();
  await studio.importText(reviews);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');
  const box = await studio.canvas().boundingBox();
  if (!box) throw new Error('no canvas');
  await page.getByTestId('palette-virtualservice').dragTo(studio.canvas(), {
    targetPosition: { x: 40, y: box.height - 250 },
  });
  const vs = studio.node('virtualservice:default/reviews');
  await expect(vs).toBeVisible();
  const handle = vs.locator('.react-flow__handle[data-handleid="http-0"]');
  const subsetIn = (s: string) =>
    studio.node(`subset:default/reviews/${s}`).locator('.react-flow__handle[data-handleid="in"]');
  await dragHandle(page, handle, subsetIn('v1'));
  await expect(studio.weight(route0)).toHaveText('100%');
  return { vs, handle, subsetIn };
}

test('connecting a route to a subset selects the new route edge and shows its weights', async ({
  studio,
  page,
}) => {
  const errors = collectErrors(page);
  const { handle, subsetIn } = await reviewsWithVs(studio, page);
  // A node selected before the connection (as in the canary scenario) must give way to the new edge.
  await studio.node('service:default/reviews').click();
  await expect(studio.node('service:default/reviews')).toHaveClass(/\bselected\b/);

  await dragHandle(page, handle, subsetIn('v2'));
  await expect(studio.weight(route1)).toHaveText('50%');
  await studio.shot('selection-after-connect');

  const inspector = page.getByTestId('inspector');
  await expect(inspector).not.toContainText('Select a node or an edge');
  await expect(inspector.locator('.inspector-title')).toHaveText('route reviews → v2');
  await expect(weightInput(page, route0)).toBeVisible();
  await expect(weightInput(page, route0)).toHaveValue('50');
  await expect(weightInput(page, route1)).toHaveValue('50');
  await expectEdgeSelected(studio, route1, true);
  await expectEdgeSelected(studio, route0, false);
  await expect(studio.node('service:default/reviews')).not.toHaveClass(/\bselected\b/);

  // The edge selection holds while its weights change in the inspector (no echo steals it back).
  await weightInput(page, route0).fill('90');
  await expect(studio.weight(route0)).toHaveText('90%');
  await expect(weightInput(page, route1)).toHaveValue('10');
  await inspector.getByTestId('weights-even').click();
  await expect(studio.weight(route1)).toHaveText('50%');
  await expect(weightInput(page, route0)).toHaveValue('50');
  await expectEdgeSelected(studio, route1, true);

  expect(errors).toEqual([]);
});

test('selection moves between nodes and edges on the canvas without a loop', async ({ studio, page }) => {
  const errors = collectErrors(page);
  const { vs, handle, subsetIn } = await reviewsWithVs(studio, page);
  await dragHandle(page, handle, subsetIn('v2'));
  await expectEdgeSelected(studio, route1, true);

  // Node → edge (its weight label) → node → pane: one selection at a time, in the canvas and the inspector.
  await vs.click({ position: { x: 20, y: 10 } });
  await expect(vs).toHaveClass(/\bselected\b/);
  await expectEdgeSelected(studio, route1, false);
  await expect(page.getByTestId('inspector-hosts')).toBeVisible();

  await studio.weight(route0).click();
  await expectEdgeSelected(studio, route0, true);
  await expect(vs).not.toHaveClass(/\bselected\b/);
  await expect(weightInput(page, route0)).toHaveValue('50');

  await studio.node('subset:default/reviews/v1').click();
  await expect(studio.node('subset:default/reviews/v1')).toHaveClass(/\bselected\b/);
  await expectEdgeSelected(studio, route0, false);
  await expect(page.getByTestId('inspector-subset-name')).toBeVisible();

  await studio.weight(route1).click();
  await expectEdgeSelected(studio, route1, true);
  await expect(studio.node('subset:default/reviews/v1')).not.toHaveClass(/\bselected\b/);

  // A click on the line itself (not its label) selects the edge too.
  await page.mouse.click(...(await pointOnEdge(page, route0)));
  await expectEdgeSelected(studio, route0, true);
  await expectEdgeSelected(studio, route1, false);
  await expect(weightInput(page, route0)).toHaveValue('50');

  expect(errors).toEqual([]);
});
