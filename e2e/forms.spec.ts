import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import { expect, test, type Studio } from './fixtures/studio';

// Forms and generated YAML must produce what the API server accepts (issue 15).

const reviews = readFileSync('e2e/fixtures/reviews-no-vs.yaml', 'utf8');
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const route0 = 'route:default/reviews/http/0/0';
/** An empty spot of the canvas after `reviews` is drawn (below the nodes, left of the overview map). */
const EMPTY = { x: 300, y: 500 };

type Labels = Record<string, string>;
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The text as the export dialog copies it (what a person applies). */
async function exported(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-status')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('Escape');
  return text;
}

/** A Deployment's three label maps, read from the text as a YAML 1.1 reader (kubectl) reads them. */
function deploymentLabels(text: string, name: string) {
  const docs = parseAllDocuments(text, { version: '1.1' }).map((d) => obj(d.toJS()));
  const dep = docs.find((d) => d.kind === 'Deployment' && obj(d.metadata).name === name);
  expect(dep, `Deployment ${name} in the export`).toBeTruthy();
  const spec = obj(dep?.spec);
  return {
    meta: obj(obj(dep?.metadata).labels) as Labels,
    selector: obj(obj(spec.selector).matchLabels) as Labels,
    pods: obj(obj(obj(spec.template).metadata).labels) as Labels,
  };
}

/** The API server's check: every matchLabels entry is a pod label with the same value, and there is one. */
function selectorMatchesTemplate(l: { selector: Labels; pods: Labels }): boolean {
  const entries = Object.entries(l.selector);
  return entries.length > 0 && entries.every(([k, v]) => l.pods[k] === v);
}

async function openReviews(studio: Studio) {
  await studio.open();
  await studio.importText(reviews);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');
  await expect.poll(() => studio.savedText()).toBe(reviews);
}

test('a Deployment from the palette: labels set in the inspector keep its selector matching, no anchors', async ({
  studio,
  page,
}, testInfo) => {
  await openReviews(studio);
  await studio.dropFromPalette('deployment', EMPTY);
  const id = 'deployment:default/reviews-v3';
  await expect(studio.node(id)).toBeVisible();
  const labels = studio.inspector().getByTestId('inspector-labels');
  await expect(labels).toHaveValue('app=reviews, version=v3');
  await expect(studio.inspector().getByTestId('inspector-labels-note')).toContainText(
    'spec.selector.matchLabels',
  );
  await labels.fill('app=web, version=v3, tier=front');
  await labels.press('Enter');
  await expect.poll(() => studio.savedText()).toContain('tier: front');
  // Container name and image are fields of their own.
  const image = studio.inspector().getByTestId('inspector-container-image');
  await expect(image).toHaveValue('reviews:v3');
  await image.fill('registry.example/web:v3');
  await image.press('Enter');
  await expect.poll(() => studio.savedText()).toContain('image: registry.example/web:v3');
  const name = studio.inspector().getByTestId('inspector-container-name');
  await name.fill('web');
  await name.press('Enter');
  await expect.poll(() => studio.savedText()).toMatch(/- name: web\n/);
  await page.screenshot({ path: testInfo.outputPath('deployment-form.png') });

  const text = await exported(page);
  expect(text).not.toMatch(/[&*]a\d/);
  const l = deploymentLabels(text, 'reviews-v3');
  const want = { app: 'web', version: 'v3', tier: 'front' };
  expect(l).toEqual({ meta: want, selector: want, pods: want });
  expect(selectorMatchesTemplate(l)).toBe(true);
  await expect(page.locator('[data-testid="problem"][data-code="ITS0111"]')).toHaveCount(0);
});

test('a selector that no longer matches its pods is an error with a quick fix that makes them match', async ({
  studio,
  page,
}, testInfo) => {
  const broken = reviews.replace('labels: {app: reviews, version: v1}', 'labels: {app: web, version: v1}');
  expect(broken).not.toBe(reviews);
  await studio.open();
  await studio.importText(broken);
  const problem = page.locator('[data-testid="problem"][data-code="ITS0111"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toHaveAttribute('data-resource', 'Deployment default/reviews-v1');
  await page.screenshot({ path: testInfo.outputPath('selector-finding.png') });
  await problem.getByTestId('problem-fix').filter({ hasText: 'pod template' }).click();
  await expect(problem).toHaveCount(0);
  // Back to the text before the break, byte for byte: the flow map stays a flow map.
  await expect.poll(() => studio.savedText()).toBe(reviews);
  expect(selectorMatchesTemplate(deploymentLabels(reviews, 'reviews-v1'))).toBe(true);
});

test('the Service form edits its selector and its labels separately', async ({ studio, page }, testInfo) => {
  await openReviews(studio);
  await studio.node('service:default/reviews').click();
  const selector = studio.inspector().getByTestId('inspector-selector');
  const labels = studio.inspector().getByTestId('inspector-labels');
  await expect(selector).toHaveValue('app=reviews');
  await expect(labels).toHaveValue('');
  await labels.fill('tier=web');
  await labels.press('Enter');
  await expect.poll(() => studio.savedText()).toContain('  labels:\n    tier: web\n');
  // The selector is untouched: the Service still reaches its pods.
  expect(await studio.savedText()).toContain('  selector:\n    app: reviews\n');
  await expect(selector).toHaveValue('app=reviews');
  await expect(page.locator('[data-testid="problem"][data-code="ITS0104"]')).toHaveCount(0);
  await selector.fill('app=reviews, version=v2');
  await selector.press('Enter');
  await expect.poll(() => studio.savedText()).toContain('  selector:\n    app: reviews\n    version: v2\n');
  await expect(labels).toHaveValue('tier=web');
  await page.screenshot({ path: testInfo.outputPath('service-form.png') });
});

test('typing 80 in a weight box is one edit and one Ctrl+Z', async ({ studio, page }, testInfo) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.node('virtualservice:default/reviews').click({ position: { x: 20, y: 10 } });
  const box = studio.inspector().locator(`[data-testid="weight-input"][data-edge-id="${route0}"]`);
  await expect(box).toHaveValue('90');
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Key by key, faster than the pause that commits: nothing is written for the 8.
  await box.pressSequentially('80', { delay: 150 });
  await expect(box).toHaveValue('80');
  // The pause commits 80/20.
  await expect(studio.weight(route0)).toHaveText('80%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('20%');
  await expect.poll(() => studio.savedText()).toContain('weight: 80\n');
  await page.screenshot({ path: testInfo.outputPath('weights-typed.png') });
  // Leave the box (its own Ctrl+Z would undo its typing) and undo once: back to 90/10, byte for byte.
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+Z');
  await expect(studio.weight(route0)).toHaveText('90%');
  await expect.poll(() => studio.savedText()).toBe(canary);
  await expect(box).toHaveValue('90');

  // Enter commits at once.
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('70');
  await page.keyboard.press('Enter');
  await expect(studio.weight(route0)).toHaveText('70%');
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => studio.savedText()).toBe(canary);
});

test('renaming a node keeps the inspector on it', async ({ studio }) => {
  await openReviews(studio);
  const old = 'deployment:default/reviews-v1';
  await expect(studio.node(old)).toBeVisible();
  await studio.node(old).click();
  const name = studio.inspector().getByTestId('inspector-name');
  await expect(name).toHaveValue('reviews-v1');
  await name.fill('reviews-v9');
  await name.press('Enter');
  await expect.poll(() => studio.savedText()).toContain('name: reviews-v9\n');
  await expect(studio.inspector().locator('.inspector-title')).toContainText('reviews-v9');
  await expect(studio.inspector().getByTestId('inspector-name')).toHaveValue('reviews-v9');
  // The selection is the renamed node (the inspector reads it), and nothing else changed on the canvas.
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');
  await expect(studio.inspector().getByTestId('inspector-labels')).toHaveValue('app=reviews, version=v1');
  // And a Service, whose node id changes the same way.
  await studio.node('service:default/reviews').click();
  await studio.inspector().getByTestId('inspector-name').fill('reviews-svc');
  await studio.inspector().getByTestId('inspector-name').press('Enter');
  await expect(studio.inspector().locator('.inspector-title')).toContainText('reviews-svc');
  await expect(studio.inspector().getByTestId('inspector-selector')).toHaveValue('app=reviews');
});

test('a Deployment dropped while the text reads as travel lands in travel, selected, where dropped', async ({
  studio,
  page,
}) => {
  // One resource names travel, the others none: the text reads as `kubectl apply -n travel`.
  const travel = reviews.replace(
    'kind: Service\nmetadata:\n  name: reviews\n',
    'kind: Service\nmetadata:\n  name: reviews\n  namespace: travel\n',
  );
  expect(travel).not.toBe(reviews);
  await studio.open();
  await studio.importText(travel);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');
  await studio.dropFromPalette('deployment', EMPTY);
  const id = 'deployment:travel/reviews-v3';
  await expect(studio.node(id)).toBeVisible();
  await expect(studio.inspector().locator('.inspector-title')).toContainText('reviews-v3');
  const box = await studio.canvas().boundingBox();
  const n = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  expect(Math.abs((n?.x ?? 0) - ((box?.x ?? 0) + EMPTY.x))).toBeLessThan(3);
  expect(Math.abs((n?.y ?? 0) - ((box?.y ?? 0) + EMPTY.y))).toBeLessThan(3);
  // The new document names no namespace: it is read in travel like the others without one.
  await expect.poll(() => studio.savedText()).toContain('name: reviews-v3\n');
  const added = (await studio.savedText())?.slice(travel.length) ?? '';
  expect(added).toContain('kind: Deployment');
  expect(added).not.toContain('namespace');
});
