import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { shareFragment } from '../src/core/export/share';
import { expect, Studio, test } from './fixtures/studio';

const blueGreen = readFileSync('src/examples/blue-green.yaml', 'utf8');
// Work a person wrote: a real sample (not a built-in example), so a link must not replace it unasked.
const mine = readFileSync(
  'test/fixtures/corpus/istio/samples/bookinfo/networking/destination-rule-all.yaml',
  'utf8',
);

/** Saves `text` as a person's work: pasted, then autosaved. */
async function saveWork(studio: Studio, text: string) {
  await studio.open();
  await studio.importText(text);
  await expect.poll(() => studio.savedText()).toBe(text);
}

async function openExport(page: Page) {
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

async function downloadOf(page: Page, testId: string): Promise<Buffer> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return readFileSync(await download.path());
}

test.describe('an example link never loses saved work', () => {
  test('it asks; "Open the example" is one undoable replace; the address drops the link', async ({
    studio,
    page,
  }) => {
    await saveWork(studio, mine);
    await studio.open('?example=blue-green', { keepStorage: true });
    const offer = page.getByTestId('link-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toHaveAttribute('data-source', 'example');
    await expect(offer).toContainText('Blue/green');
    // The saved work is what opened, and the link is gone from the address.
    await expect(page).not.toHaveURL(/example=/);
    expect(await studio.editorText()).toBe(mine);
    await studio.shot('links-example-offer');

    await page.getByTestId('link-open').click();
    await expect(offer).toBeHidden();
    await expect(studio.node('virtualservice:default/helloworld')).toBeVisible();
    expect(await studio.editorText()).toBe(blueGreen);
    // One Ctrl+Z in the editor brings the work back, byte for byte.
    await page.keyboard.press('ControlOrMeta+Z');
    expect(await studio.editorText()).toBe(mine);
    await expect.poll(() => studio.savedText()).toBe(mine);

    // A reload neither asks again nor applies the example.
    await page.reload();
    await studio.waitForEditor();
    await expect(studio.node('destinationrule:default/reviews')).toBeVisible();
    await expect(page.getByTestId('link-offer')).toHaveCount(0);
    expect(await studio.editorText()).toBe(mine);
  });

  test('"Keep my text" keeps it, and a reload does not ask again', async ({ studio, page }) => {
    await saveWork(studio, mine);
    await studio.open('?example=blue-green', { keepStorage: true });
    await page.getByTestId('link-keep').click();
    await expect(page.getByTestId('link-offer')).toBeHidden();
    expect(await studio.editorText()).toBe(mine);
    await page.reload();
    await studio.waitForEditor();
    await expect(page.getByTestId('link-offer')).toHaveCount(0);
    expect(await studio.editorText()).toBe(mine);
  });

  test('on a clean storage the example opens at once, and stays after a reload without the link', async ({
    studio,
    page,
  }) => {
    await studio.open('?example=blue-green');
    await expect(page.getByTestId('link-offer')).toHaveCount(0);
    await expect(page).not.toHaveURL(/example=/);
    expect(await studio.editorText()).toBe(blueGreen);
    await page.reload();
    await studio.waitForEditor();
    expect(await studio.editorText()).toBe(blueGreen);
  });
});

test.describe('share by link', () => {
  // CRLF line ends, a comment, accents, CJK and an emoji: all must arrive byte for byte.
  const shared = [
    '# Geteilt — 共有 🚀',
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  host: reviews',
    '  subsets:',
    '  - name: v1',
    '    labels: { version: v1 }',
    '',
  ].join('\r\n');

  test('a link opens the same text byte for byte in a fresh browser, and leaves the address', async ({
    studio,
    page,
    browser,
  }) => {
    // The text arrives by a link on a clean storage (so the editor holds its CRLF as they are) ...
    await studio.open();
    await page.goto('about:blank');
    await page.goto(`/${shareFragment(shared)}`);
    await studio.waitForEditor();
    await expect(page.getByTestId('link-offer')).toHaveCount(0);
    await expect(page).not.toHaveURL(/share=/);
    expect(await studio.editorText()).toBe(shared);
    // ... and leaves by the dialog's link.
    await openExport(page);
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-link-status')).toContainText(/Link copied — [\d.]+ KB\.$/);
    const url = await page.getByTestId('share-link-url').inputValue();
    expect(url).toMatch(/^http:\/\/[^#]+\/#share=v1\.[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await studio.shot('links-share-dialog');

    // Another browser profile: nothing saved there, so the shared text opens at once.
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const fresh = new Studio(await other.newPage());
      await fresh.page.goto(url);
      await fresh.waitForEditor();
      await expect(fresh.page.getByTestId('link-offer')).toHaveCount(0);
      await expect(fresh.page).not.toHaveURL(/share=/);
      await expect(fresh.node('destinationrule:default/reviews')).toBeVisible();
      expect(await fresh.editorText()).toBe(shared);
      await expect.poll(() => fresh.savedText()).toBe(shared);
    } finally {
      await other.close();
    }
  });

  test('over saved work the shared design is offered, and opens as one undoable replace', async ({
    studio,
    page,
  }) => {
    await saveWork(studio, mine);
    await openExport(page);
    await studio.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('share-link').click();
    const link = await page.getByTestId('share-link-url').inputValue();
    expect(link.startsWith(`${new URL(page.url()).origin}/#share=v1.`)).toBe(true);
    // Change the work after making the link: opening the link would now replace the changed text.
    await page.keyboard.press('Escape');
    await studio.importText(blueGreen.replace('weight: 100', 'weight: 100 # mine'));
    const work = await studio.editorText();
    await expect.poll(() => studio.savedText()).toBe(work);

    await page.goto(link);
    await studio.waitForEditor();
    await expect(page.getByTestId('link-offer')).toHaveAttribute('data-source', 'share');
    expect(await studio.editorText()).toBe(work);
    await page.getByTestId('link-open').click();
    expect(await studio.editorText()).toBe(mine);
    await page.keyboard.press('ControlOrMeta+Z');
    expect(await studio.editorText()).toBe(work);
  });

  test('a damaged link says why and loses nothing, opened fresh or pasted into the open app', async ({
    studio,
    page,
  }) => {
    await saveWork(studio, mine);
    // A real link, cut short as a chat tool might.
    const value = shareFragment(blueGreen);
    const cut = value.slice(0, Math.floor(value.length / 2));
    for (const fresh of [true, false]) {
      if (fresh) await page.goto('about:blank');
      await page.goto(`/${cut}`);
      await studio.waitForEditor();
      const problem = page.getByTestId('link-problem');
      await expect(problem).toBeVisible();
      await expect(problem).toContainText('This share link cannot be opened: its data is damaged');
      await expect(problem).toContainText('Your text is as you left it.');
      await expect(page).not.toHaveURL(/share=/);
      if (fresh) await studio.shot('links-share-damaged');
      expect(await studio.editorText()).toBe(mine);
      await problem.getByRole('button', { name: 'OK' }).click();
      await expect(problem).toBeHidden();
    }
    await expect.poll(() => studio.savedText()).toBe(mine);
  });
});

test.describe('pictures of the graph', () => {
  test('the SVG is a real SVG: under 10 KB a node, no HTML inside, every node and weight', async ({
    studio,
    page,
  }) => {
    await studio.open();
    const count = Number(await studio.canvas().getAttribute('data-node-count'));
    expect(count).toBeGreaterThan(6);
    await openExport(page);
    const bytes = await downloadOf(page, 'export-svg');
    const svg = bytes.toString('utf8');
    expect(bytes.length / count).toBeLessThan(10_000);
    expect(svg).not.toMatch(/foreignObject|xhtml|<div/i);
    // The browser's own XML parser reads it without an error.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? '',
        nodes: doc.querySelectorAll('g.node').length,
        names: [...doc.querySelectorAll('g.node .name')].map((t) => t.textContent),
        weights: [...doc.querySelectorAll('g.label text')].map((t) => t.textContent),
      };
    }, svg);
    expect(parsed.error).toBe('');
    expect(parsed.nodes).toBe(count);
    expect(parsed.names).toEqual(expect.arrayContaining(['reviews', 'reviews-v3']));
    expect(parsed.weights.sort()).toEqual(['10%', '90%']);
    await expect(page.getByTestId('export-status')).toContainText(/Downloaded mesh\.svg \(\d+ KB\)/);
  });

  test('the PNG is the SVG drawn at 2x: no handles, no "+ add route", no simulator highlight', async ({
    studio,
    page,
  }) => {
    await studio.open();
    // A simulator run highlights its path on the canvas; the picture must not carry it.
    await page.getByTestId('simulator-open').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-run').click();
    await expect(page.locator('[data-testid="node"][data-traced="true"]').first()).toBeVisible();
    await openExport(page);
    const svg = (await downloadOf(page, 'export-svg')).toString('utf8');
    const png = await downloadOf(page, 'export-image');
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    // Drawn from the SVG (at twice its size), not copied from the screen.
    expect(size).toEqual({ width: Number(w) * 2, height: Number(h) * 2 });
    expect(svg).not.toMatch(/add route|react-flow__handle|traced/);
    mkdirSync('test-results/screenshots', { recursive: true });
    writeFileSync('test-results/screenshots/links-export-mesh.png', png);
    writeFileSync('test-results/screenshots/links-export-mesh.svg', svg);
  });
});
