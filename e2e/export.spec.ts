import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures/studio';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const clusterList = readFileSync('test/fixtures/cluster/kubectl-get-vs-dr-svc-deploy.yaml', 'utf8');

async function openExport(page: Page) {
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

/** Clicks a button and reads the file it downloads. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('mesh.yaml is exactly the text, comments kept', async ({ studio }) => {
  await studio.open();
  await openExport(studio.page);
  await expect(studio.page.getByTestId('export-clean')).not.toBeChecked();
  await expect(studio.page.getByTestId('export-problems')).toHaveCount(0);
  await studio.shot('export-dialog');
  const file = await downloadOf(studio.page, 'export-download');
  expect(file.name).toBe('mesh.yaml');
  const text = file.bytes.toString('utf8');
  expect(text).toContain('# Canary release of bookinfo "reviews"');
  expect(text).toBe(canary);
});

test('the zip holds one lower-case file per resource', async ({ studio }) => {
  await studio.open();
  await openExport(studio.page);
  const file = await downloadOf(studio.page, 'export-zip');
  expect(file.name).toBe('mesh.zip');
  const entries = unzipSync(new Uint8Array(file.bytes));
  const names = Object.keys(entries);
  expect(names).toEqual(
    expect.arrayContaining([
      'service-default-reviews.yaml',
      'destinationrule-default-reviews.yaml',
      'virtualservice-default-reviews.yaml',
    ]),
  );
  for (const n of names) expect(n).toMatch(/^[a-z0-9.-]+\.yaml$/);
  const vs = strFromU8(entries['virtualservice-default-reviews.yaml'] ?? new Uint8Array());
  expect(vs).toContain('kind: VirtualService');
  expect(vs).toContain('weight: 90');
  await expect(studio.page.getByTestId('export-included')).toHaveAttribute(
    'data-count',
    String(names.length),
  );
});

test('copy puts the text on the clipboard', async ({ studio, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await studio.open();
  await openExport(studio.page);
  await studio.page.getByTestId('export-copy').click();
  await expect(studio.page.getByTestId('export-status')).toHaveText('Copied');
  expect(await studio.page.evaluate(() => navigator.clipboard.readText())).toBe(canary);
});

test('pasted cluster output is cleaned for apply by default', async ({ studio }) => {
  await studio.open();
  await studio.importText(clusterList);
  await openExport(studio.page);
  const clean = studio.page.getByTestId('export-clean');
  await expect(clean).toBeChecked();
  await expect(studio.page.locator('.export-options')).toContainText('managedFields (3)');
  await studio.shot('export-dialog-cluster');
  const text = (await downloadOf(studio.page, 'export-download')).bytes.toString('utf8');
  for (const word of ['managedFields', 'resourceVersion', 'uid:', 'status:', 'last-applied-configuration']) {
    expect(text).not.toContain(word);
  }
  expect(text).toContain('kind: VirtualService');
  expect(text).toContain('team: reviews');
  // Unchecked, the file is the pasted text again.
  await clean.uncheck();
  const raw = (await downloadOf(studio.page, 'export-download')).bytes.toString('utf8');
  expect(raw).toContain('managedFields');
});

test('only the selected node’s resources: a subset exports its DestinationRule', async ({ studio }) => {
  await studio.open();
  await studio.node('subset:default/reviews/v2').click();
  await openExport(studio.page);
  await studio.page.getByTestId('export-selected').check();
  const included = studio.page.getByTestId('export-included');
  await expect(included).toHaveAttribute('data-count', '1');
  await expect(included).toContainText('destinationrule-default-reviews.yaml');
  const text = (await downloadOf(studio.page, 'export-download')).bytes.toString('utf8');
  expect(text).toContain('kind: DestinationRule');
  expect(text).not.toContain('kind: VirtualService');
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the PNG is a real image of the whole graph, and the SVG carries the names as text', async ({
  studio,
}) => {
  await studio.open();
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();
  await openExport(studio.page);
  const png = await downloadOf(studio.page, 'export-image');
  expect(png.name).toBe('mesh.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(200);
  expect(size.height).toBeGreaterThan(200);
  expect(png.bytes.length).toBeGreaterThan(10_000);
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync('test-results/screenshots/export-mesh.png', png.bytes);
  const svg = await downloadOf(studio.page, 'export-svg');
  expect(svg.name).toBe('mesh.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain('reviews');
  expect(svgText).toContain('90%');
  // Edges are drawn: real SVG paths, painted by the picture's own stylesheet (e2e/links.spec.ts checks more).
  expect(svgText).toMatch(/<path class="e e-route" data-edge-id="route:default\/reviews\/http\/0\/0"/);
  expect(svgText).toMatch(/<style>[^<]*\.e-route\{stroke:#/);
});

test('errors are listed and the download asks first', async ({ studio }) => {
  await studio.open();
  await studio.typeOver('subset: v2', 'subset: v9');
  await expect(studio.page.getByTestId('yaml-status')).not.toHaveText('valid');
  await openExport(studio.page);
  const problem = studio.page.locator('[data-testid="export-problem"][data-code="IST0101"]');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('VirtualService default/reviews');
  await studio.page.getByTestId('export-download').click();
  await expect(studio.page.getByTestId('export-confirm-step')).toBeVisible();
  await studio.shot('export-dialog-errors');
  await studio.page.getByTestId('export-cancel').click();
  await expect(studio.page.getByTestId('export-confirm-step')).toBeHidden();
  await studio.page.getByTestId('export-download').click();
  const file = await downloadOf(studio.page, 'export-confirm');
  expect(file.bytes.toString('utf8')).toContain('subset: v9');
});
