import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { generateMesh } from '../bench/generate-mesh';
import { expect, test, type Studio } from './fixtures/studio';

// The built-in bookinfo canary (Istio's sample, Apache-2.0) at 80/20: the base a reviewer starts from.
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const base8020 = canary.replace('weight: 90', 'weight: 80').replace('weight: 10', 'weight: 20');
const VS = 'virtualservice:default/reviews';
const ROUTE0 = 'route:default/reviews/http/0/0';
const ROUTE1 = 'route:default/reviews/http/0/1';

/** Clicks a button and reads the file it downloads. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Opens the compare dialog, pastes `text` as the base and starts comparing. */
async function compareWithPaste(studio: Studio, text: string) {
  const { page } = studio;
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-base-text').fill(text);
  await page.getByTestId('compare-apply').click();
  await expect(page.getByTestId('compare-base-text')).toBeHidden();
  await expect(page.getByTestId('compare-legend')).toBeVisible();
}

/** Sets a route's weight in the inspector, as a person types it and presses Enter. */
async function setWeight(studio: Studio, edgeId: string, value: string) {
  const { page } = studio;
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await studio.node(VS).click({ position: { x: 20, y: 10 } });
  const box = studio.inspector().locator(`[data-testid="weight-input"][data-edge-id="${edgeId}"]`);
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

test('a base pasted, a weight edited on the canvas: overlay, changes panel, 503 risk, phase files', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  await studio.importText(base8020);
  await expect(studio.weight(ROUTE0)).toHaveText('80%');
  await compareWithPaste(studio, base8020);

  // The same text: nothing marked, and the panel says so.
  const changes = page.getByTestId('changes');
  await expect(changes).toContainText('No resource differs');
  await expect(page.locator('[data-change]')).toHaveCount(0);

  // 80/20 → 50/50 in the inspector: the edge is marked with both numbers, on the canvas and in the panel.
  await setWeight(studio, ROUTE0, '50');
  await expect(studio.weight(ROUTE0)).toHaveText('50%');
  await expect(studio.edge(ROUTE0)).toHaveAttribute('data-change', 'changed');
  const label = page.locator(`.edge-label[data-edge-id="${ROUTE0}"]`);
  await expect(label).toHaveAttribute('data-change', 'changed');
  await expect(label).toHaveText('80% → 50%');
  await expect(page.locator(`.edge-label[data-edge-id="${ROUTE1}"]`)).toHaveText('20% → 50%');
  await expect(studio.node(VS)).toHaveAttribute('data-change', 'changed');
  await page.getByTestId('changes-open').click();
  const vsRow = page.locator('[data-testid="change"][data-resource="VirtualService default/reviews"]');
  await expect(vsRow).toHaveAttribute('data-change', 'changed');
  await expect(vsRow).not.toHaveAttribute('data-risk', 'true');
  await expect(vsRow.getByTestId('meaning').first()).toContainText(/80% → 50%/);
  await expect(page.getByTestId('behaviour-row').first()).toBeVisible();
  await studio.shot('compare-weights');
  await page.screenshot({ path: testInfo.outputPath('compare-weights.png') });

  // The text diff of that resource, in Monaco's diff editor.
  await vsRow.getByTestId('change-diff-toggle').click();
  const diff = vsRow.getByTestId('change-diff');
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  await expect(diff).toContainText('weight: 50');

  // Remove subset v2 (the route still sends it 50%): a ghost on the canvas and a 503 risk in the panel.
  const v2 = 'subset:default/reviews/v2';
  await studio.node(v2).click();
  await page.keyboard.press('Delete');
  await expect(studio.node(v2)).toHaveAttribute('data-change', 'removed');
  const drRow = page.locator('[data-testid="change"][data-resource="DestinationRule default/reviews"]');
  await expect(drRow).toHaveAttribute('data-risk', 'true');
  await expect(drRow.locator('[data-testid="meaning"][data-risk="true"]').first()).toContainText('v2');
  await expect(page.getByTestId('compare-risk')).toBeVisible();
  await studio.shot('compare-risk');
  await page.screenshot({ path: testInfo.outputPath('compare-risk.png') });

  // A ghost is not editable: a click does not select it (the inspector stays on what was selected).
  await studio.node(v2).click({ force: true });
  await expect(studio.node(v2)).not.toHaveClass(/selected/);

  // Make before break: the phases as files, and all as one zip.
  const buttons = page.getByTestId('phase-download');
  const names = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
  expect(names.length).toBeGreaterThan(0);
  const files = new Map<string, string>();
  for (const name of names) {
    const f = await downloadOf(page, () =>
      page.locator(`[data-testid="phase-download"][data-file="${name}"]`).click(),
    );
    expect(f.name).toBe(name);
    files.set(f.name, f.bytes.toString('utf8'));
  }
  // The route change (50/50 to v1 and v2) is applied in phase 2; the DestinationRule without v2 only after.
  const route = files.get('2-route.yaml');
  expect(route).toContain('kind: VirtualService');
  expect(route).toContain('weight: 50');
  const laterDr = [...files].find(([n, t]) => n.startsWith('3-') && t.includes('kind: DestinationRule'));
  expect(laterDr?.[1]).not.toContain('name: v2');
  const zip = await downloadOf(page, () => page.getByTestId('phase-zip').click());
  const unzipped = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(unzipped).sort()).toEqual([...files.keys()].sort());
  expect(strFromU8(unzipped['2-route.yaml'] ?? new Uint8Array())).toBe(route);

  // A request whose answer changed runs in the simulator, on the current text.
  await page.getByTestId('behaviour-row').first().click();
  await expect(page.getByTestId('sim-result')).toHaveAttribute('data-rule', 'default/reviews#http[0]');
  await page.getByTestId('changes-open').click();
  await expect(drRow).toBeVisible();

  // Back to the plain view, then out of the comparison.
  await page.getByTestId('compare-plain').check();
  await expect(page.locator('[data-testid="node"][data-change]')).toHaveCount(0);
  await expect(studio.node(v2)).toHaveCount(0);
  await page.getByTestId('compare-plain').uncheck();
  await expect(studio.node(v2)).toHaveAttribute('data-change', 'removed');
  await page.getByTestId('compare-close').click();
  await expect(page.getByTestId('compare-legend')).toBeHidden();
  await expect(page.locator('[data-change]')).toHaveCount(0);
  await expect(page.getByTestId('changes-open')).toBeHidden();
});

test('bases: when the tab opened, a snapshot, the last export, a file dropped on the dialog', async ({
  studio,
  page,
}) => {
  await studio.open();
  await expect(studio.weight(ROUTE0)).toHaveText('90%');
  await setWeight(studio, ROUTE0, '70');
  await expect(studio.weight(ROUTE0)).toHaveText('70%');
  await expect.poll(() => studio.savedText()).toContain('weight: 70');

  // Autosave keeps the text with its time; the dialog offers it. Export records the text it handed out.
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare-base-exported')).toBeDisabled();
  await page.getByTestId('compare-base-snapshot').first().click();
  await expect(page.getByTestId('compare-base-text')).toHaveValue(/weight: 70/);
  await page.keyboard.press('Escape');
  await page.getByTestId('export-open').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  await page.keyboard.press('Escape');
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-base-exported').click();
  await expect(page.getByTestId('compare-base-text')).toHaveValue(/weight: 70/);
  await page.keyboard.press('Escape');

  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-base-opened').click();
  await expect(page.getByTestId('compare-base-text')).toHaveValue(canary);
  await page.getByTestId('compare-apply').click();
  await expect(page.locator(`.edge-label[data-edge-id="${ROUTE0}"]`)).toHaveText('90% → 70%');

  // A file dropped on the dialog becomes the base (it does not replace the text being edited).
  await page.getByTestId('compare-open').click();
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'base-80-20.yaml', { type: 'application/yaml' }));
    return d;
  }, base8020);
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent('.compare-dialog', type, { dataTransfer: dt, bubbles: true });
  await expect(page.getByTestId('compare-base-text')).toHaveValue(base8020);
  await page.getByTestId('compare-apply').click();
  await expect(page.locator(`.edge-label[data-edge-id="${ROUTE0}"]`)).toHaveText('80% → 70%');
  await expect(studio.weight(ROUTE0)).toHaveText('70%');
  expect(await studio.savedText()).toContain('weight: 70');

  // Typing in the YAML pane: the comparison follows each keystroke (70/30 → 6/30 → 60/30).
  await studio.typeOver('weight: 70', 'weight: 6');
  await expect(page.locator(`.edge-label[data-edge-id="${ROUTE0}"]`)).toHaveText('80% → 16.7%');
  await page.keyboard.type('0');
  await expect(page.locator(`.edge-label[data-edge-id="${ROUTE0}"]`)).toHaveText('80% → 66.7%');

  // The file picker: a base file replaces the pasted one; equal to the text, nothing is marked any more.
  await expect.poll(() => studio.savedText()).toContain('weight: 60\n');
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-base-file').setInputFiles({
    name: 'head.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(await studio.savedText().then((t) => t ?? '')),
  });
  await expect(page.getByTestId('compare-base-text')).toHaveValue(/weight: 60/);
  await page.getByTestId('compare-apply').click();
  await expect(page.getByTestId('compare-open')).toContainText('head.yaml');
  await expect(page.locator('[data-change]')).toHaveCount(0);
});

test('a bigger mesh is compared in the worker, and typing stays live meanwhile', async ({ studio, page }) => {
  // 100 resources (35 KB): above the size compared on the main thread.
  const mesh = generateMesh(100);
  // svc-0's default route: 90/10 → 60/40.
  const head = mesh.replace(/weight: 90(\n[\s\S]*?)weight: 10\n/, 'weight: 60$1weight: 40\n');
  expect(head).not.toBe(mesh);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await studio.open();
  await studio.pasteIntoImport(head);
  await page.getByTestId('import-apply').click();
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false');
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-base-text').evaluate((el, value) => {
    if (!(el instanceof HTMLTextAreaElement)) throw new Error('compare-base-text is not a textarea');
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, mesh);
  await page.getByTestId('compare-apply').click();
  const summary = page.getByTestId('changes-summary');
  await expect(summary).toContainText('1 resource changed', { timeout: 30_000 });
  expect(workers.some((u) => u.includes('compare.worker'))).toBe(true);
  const row = page.locator('[data-testid="change"][data-resource="VirtualService team-0/svc-0"]');
  const share = row.locator('[data-testid="meaning"][data-kind="share"]');
  await expect(share).toContainText('90% → 60%');
  // The graph is bigger than the window: narrow it to svc-0, as a person would.
  await page.getByTestId('filter-search').fill('svc-0');
  await studio.fitView();
  await expect(studio.node('virtualservice:team-0/svc-0')).toHaveAttribute('data-change', 'changed');
  // A keystroke (60/40 → 65/40): the canvas follows, and the panel once the worker answers the newest text.
  await studio.typeOver('weight: 60', 'weight: 65');
  const label = page.locator('.edge-label[data-edge-id="route:team-0/svc-0/http/1/0"]');
  await expect(label).toHaveText('90% → 61.9%');
  await expect(share).toContainText('90% → 61.9%', { timeout: 30_000 });
  await expect(page.getByTestId('changes')).toHaveAttribute('data-busy', 'false');
});
