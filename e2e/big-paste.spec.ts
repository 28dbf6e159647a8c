import { generateMesh } from '../bench/generate-mesh';
import { expect, test } from './fixtures/studio';

// A big paste goes through the parse worker with progress shown, and the canvas draws only what is in view;
// the node handles React Flow is given up front must sit where the DOM draws them, or edges would float.

declare global {
  interface Window {
    __seen?: { progress: boolean; maxNodes: number; maxDone: number; total: number };
  }
}

test('edges start and end on the handles drawn in the nodes', async ({ studio }) => {
  await studio.open('?example=bookinfo-canary');
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false');
  const misses = await studio.page.evaluate(() => {
    const out: string[] = [];
    const centres = [...document.querySelectorAll('.react-flow__handle')].map((h) => {
      const r = h.getBoundingClientRect();
      return {
        id: h.getAttribute('data-handleid'),
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        w: r.width,
      };
    });
    const edges = [
      ...document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path'),
    ];
    for (const path of edges) {
      const m = path.getScreenCTM();
      if (!m) continue;
      const len = path.getTotalLength();
      for (const at of [0, len]) {
        const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(m);
        // An edge ends on the outer side of a handle: within one handle width of its centre.
        const near = centres.some((c) => Math.abs(c.x - p.x) <= c.w && Math.abs(c.y - p.y) <= 1.5);
        if (!near) out.push(`${path.closest('.react-flow__edge')?.getAttribute('data-id')} @${at}`);
      }
    }
    return { out, edges: edges.length };
  });
  expect(misses.edges).toBeGreaterThan(5);
  expect(misses.out).toEqual([]);
});

test('a paste of 1,000 resources shows progress, then the whole graph, drawing only what is in view', async ({
  studio,
}) => {
  const text = generateMesh(1000);
  const page = studio.page;
  await studio.open();
  await studio.pasteIntoImport(text);
  await page.evaluate(() => {
    const seen = { progress: false, maxNodes: 0, maxDone: 0, total: 0 };
    window.__seen = seen;
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="derive-progress"]');
      if (p) {
        seen.progress = true;
        seen.maxDone = Math.max(seen.maxDone, Number(p.getAttribute('data-done')));
        seen.total = Number(p.getAttribute('data-total'));
      }
      seen.maxNodes = Math.max(seen.maxNodes, document.querySelectorAll('.react-flow__node').length);
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.getByTestId('import-apply').click();
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '1454');
  await expect(page.getByTestId('derive-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => window.__seen);
  expect(seen?.progress).toBe(true);
  expect(seen?.total).toBeGreaterThan(900);
  // Never every node at once: the fit frames where the graph starts, and handles need no measuring render.
  expect(seen?.maxNodes).toBeLessThan(200);
  const drawn = await page.locator('.react-flow__node').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(200);
  // The overview map holds every top-level node, not only the drawn ones.
  const overview = Number(await page.getByTestId('minimap').getAttribute('data-node-count'));
  expect(overview).toBeGreaterThan(drawn * 3);
  await studio.shot('big-paste');

  // The editor has the whole text, and a click in the overview map moves the view there.
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  const box = await page.getByTestId('minimap').boundingBox();
  if (!box) throw new Error('no minimap');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.8);
  await expect(page.locator('.react-flow__viewport')).not.toHaveAttribute('style', before ?? '');
  await expect(page.locator('.status-bar')).toContainText('1000 resources');
});

test('a 10 MB paste (a cluster dump with a big ConfigMap) shows progress, draws, and says autosave cannot hold it', async ({
  studio,
}) => {
  test.setTimeout(120_000);
  const line = `    ${'x'.repeat(95)}\n`;
  const blob = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  const text = `${generateMesh(400)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${blob}`;
  const page = studio.page;
  await studio.open();
  await studio.pasteIntoImport(text);
  await page.evaluate(() => {
    const seen = { progress: false, maxNodes: 0, maxDone: 0, total: 0 };
    window.__seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="derive-progress"]')) seen.progress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('import-apply').click();
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false', { timeout: 90_000 });
  expect(await page.evaluate(() => window.__seen?.progress)).toBe(true);
  await expect(page.locator('.status-bar')).toContainText('401 resources (1 kept as-is: ConfigMap)');
  // Browsers keep ~5 MB per site: the text stays in the editor, and the person is told it is not saved.
  await expect(page.locator('.status-bar')).toContainText(/Autosave failed: .*quota.*\. Export your work\./, {
    timeout: 20_000,
  });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Synthetic mesh: 400 resources');
  await studio.shot('paste-10mb');
});
