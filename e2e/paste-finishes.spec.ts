import type { Page } from '@playwright/test';
import { generateMesh } from '../bench/generate-mesh';
import { expect, test, type Studio } from './fixtures/studio';

// Every big paste finishes: right after the page loads (while the parse worker warms up), with the CPU busy,
// and when the worker stops answering (the main thread reads instead, with the same progress box).

/** Node counts of the synthetic mesh's graph (bench/generate-mesh.ts), as the canvas reports them. */
const NODES: Record<number, string> = { 1000: '1454', 2000: '2909' };

/** Pastes through the import dialog and replaces all. */
async function paste(studio: Studio, text: string) {
  await studio.pasteIntoImport(text);
  await studio.page.getByTestId('import-apply').click();
}

/** Two workers spinning for `ms`: on a 2-core machine the parse worker and the page compete for the CPU. */
async function busyCpu(page: Page, ms: number) {
  await page.evaluate((ms) => {
    const src = `const end = Date.now() + ${ms}; while (Date.now() < end) {} postMessage('done');`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    for (let i = 0; i < 2; i++) new Worker(url);
  }, ms);
}

const WORKER = /parse\.worker[^/]*\.js(\?.*)?$/;

/**
 * Loads the app with clean storage and returns as soon as the import button is there, before Monaco is. The
 * parse worker's script arrives `workerDelay` ms late (a cold cache, a slow disk): the paste's job then waits
 * in the worker's queue and starts together with the worker's warm-up timer, the case that used to hang.
 */
async function load(studio: Studio, workerDelay = 1500) {
  const page = studio.page;
  await page.route(WORKER, async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, workerDelay));
    await route.fulfill({ response });
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('import-open')).toBeVisible();
}

async function expectWholeGraph(studio: Studio, size: number, text: string) {
  await expect(studio.canvas()).toHaveAttribute('data-node-count', NODES[size] ?? '', { timeout: 60_000 });
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await expect(studio.page.getByTestId('derive-progress')).toHaveCount(0);
  await expect(studio.page.locator('.status-bar')).toContainText(`${size} resources`);
  // The editor holds the whole text, not only the lines it has drawn.
  const inEditor = await studio.editorText();
  expect(inEditor.length).toBe(text.length);
  expect(inEditor === text).toBe(true);
}

for (const size of [1000, 2000]) {
  test(`a paste of ${size.toLocaleString('en-US')} resources right after the page loads draws the whole graph`, async ({
    studio,
  }) => {
    const text = generateMesh(size);
    // The worker's warm-up starts a second after it loads, while this paste's job is still running.
    await load(studio);
    await paste(studio, text);
    await expectWholeGraph(studio, size, text);
  });

  test(`a paste of ${size.toLocaleString('en-US')} resources with the CPU busy draws the whole graph`, async ({
    studio,
  }) => {
    test.setTimeout(120_000);
    const text = generateMesh(size);
    await load(studio);
    await busyCpu(studio.page, 6000);
    await paste(studio, text);
    await expectWholeGraph(studio, size, text);
  });
}

test('a parse worker that never answers: the app says so, reads on the main thread, and draws the graph', async ({
  studio,
}) => {
  test.setTimeout(120_000);
  const page = studio.page;
  // The built worker is replaced by one that takes messages and never answers.
  await page.route(WORKER, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' }),
  );
  const text = generateMesh(1000);
  await studio.open();
  // The main thread reads the rest in about a second: record what the progress box said, not just poll for it.
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="derive-progress"][data-fallback="true"]');
      if (p && !said.includes(p.textContent ?? '')) said.push(p.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await paste(studio, text);
  await expectWholeGraph(studio, 1000, text);
  const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
  expect(said.length).toBeGreaterThan(0);
  expect(said.join('\n')).toContain('The background reader stopped answering; reading it here instead.');
});
