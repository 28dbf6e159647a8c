import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/studio';

/** The default text (the canary example), as the app ships it. */
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const q = (s: string) => `'${s}'`;

const hostile = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${q(IMG)}
  labels: {app: ${q(SCRIPT)}}
  annotations: {note: ${q(IMG)}}
spec:
  hosts: [${q(SCRIPT)}]
  http:
  - route:
    - destination: {host: ${q(IMG)}, subset: v1}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${q(SCRIPT)}
spec:
  host: ${q(SCRIPT)}
  subsets:
  - name: v1
    labels: {version: ${q(IMG)}}
`;

const vs = (name: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts: [${name}]
  http:
  - route:
    - destination: {host: ${name}}
`;

/** Requests that leave the app's own origin (the fixture's list assumes port 4173). */
function offOrigin(page: Page, base: string): string[] {
  const out: string[] = [];
  const own = new URL(base).host;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.host !== own && !['data:', 'blob:'].includes(u.protocol)) out.push(r.url());
  });
  return out;
}

test('hostile names render as text: no dialog, no injected element, literal on node, problems and inspector', async ({
  studio,
  page,
  baseURL,
}) => {
  const requests = offOrigin(page, baseURL ?? '');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await studio.open();
  await studio.importText(hostile);
  const node = studio.node(`virtualservice:default/${IMG}`);
  await expect(node).toBeVisible();
  await expect(node).toContainText(IMG);
  await expect(studio.node(`destinationrule:default/${SCRIPT}`)).toContainText(SCRIPT);
  // The route's host is missing: its problem names it literally.
  await expect(page.getByTestId('problems')).toContainText(IMG);
  await node.click();
  await expect(page.getByTestId('inspector')).toContainText(IMG);
  await expect(page.getByTestId('yaml-status')).toBeVisible();
  await studio.shot('hardening-hostile');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
});

test('the built page carries a strict CSP', async ({ page }) => {
  const res = await page.request.get('/');
  const html = await res.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toContain("script-src 'self'");
  expect(meta?.[1]).not.toContain('unsafe-eval');
  expect(meta?.[1]).toContain("worker-src 'self'");
});

test('a binary file is refused with a message and the text stays', async ({ studio, page }) => {
  await studio.open();
  const before = await studio.editorText();
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'photo.yaml',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'photo.yaml looks binary' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await studio.editorText()).toBe(before);
});

test('a binary file dropped on the window is refused with a notice', async ({ studio, page }) => {
  await studio.open();
  const before = await studio.editorText();
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array([1, 0, 2, 0])], 'blob.bin'));
    return d;
  });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('notice')).toContainText('blob.bin looks binary');
  expect(await studio.editorText()).toBe(before);
});

test('a syntax error in one document leaves the others drawn; reload restores the text', async ({
  studio,
  page,
}) => {
  await studio.open();
  const broken = `${vs('alpha')}---\nkind: Service\nmetadata:\n  name: [b\n---\n${vs('gamma')}`;
  await studio.importText(broken);
  // The unclosed `[` is on line 13; the parser notices where the document ends without its `]`.
  await expect(page.getByTestId('parse-error')).toContainText(/Line 1[34]/);
  await expect(studio.node('virtualservice:default/alpha')).toBeVisible();
  await expect(studio.node('virtualservice:default/gamma')).toBeVisible();
  // Saved as it is, broken document and all (the save is debounced).
  await expect.poll(() => studio.savedText()).toBe(broken);
  await studio.open('', { keepStorage: true });
  await expect(studio.node('virtualservice:default/gamma')).toBeVisible();
  await expect(page.getByTestId('parse-error')).toBeVisible();
});

test('undo history survives a canvas edit that is refused', async ({ studio, page }) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.typeOver('weight: 90', 'weight: 70');
  // Labels show shares of the route's total: 70 / (70 + 10).
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('87.5%');
  const typed = canary.replace('weight: 90', 'weight: 70');
  await studio.selectText('http:');
  await page.keyboard.press('End');
  await page.keyboard.type(' [');
  await expect(page.getByTestId('parse-error')).toBeVisible();
  // Monaco closes the bracket as it is typed.
  await expect.poll(() => studio.savedText()).toBe(typed.replace('  http:\n', '  http: []\n'));
  // Delete on a node while the text does not parse: dispatch refuses and nothing changes.
  await studio.node('virtualservice:default/reviews').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('notice')).toContainText('does not parse');
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();

  // Each Ctrl+Z undoes one of Monaco's undo stops, which it puts before a typed space and before an
  // auto-closed bracket: ' [' is two steps (' ', '[]'), and 'weight: 70' typed over 'weight: 90' two more.
  const steps = [
    typed.replace('  http:\n', '  http: \n'),
    typed,
    canary.replace('weight: 90', 'weight:'),
    canary,
  ];
  for (const [i, text] of steps.entries()) {
    await page.keyboard.press('Control+Z');
    await expect.poll(() => studio.savedText(), `after ${i + 1} Ctrl+Z`).toBe(text);
    if (i === 0) {
      await expect(page.getByTestId('parse-error')).toBeHidden();
      await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('87.5%');
    }
  }
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await studio.shot('hardening-undo-after-refusal');
});

test('two tabs: the one whose text was overwritten elsewhere is told, and can load it', async ({
  studio,
  context,
}, testInfo) => {
  await studio.open();
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.locator('.monaco-editor .view-lines .view-line').first()).toBeVisible();
  await studio.typeOver('weight: 90', 'weight: 60');
  await expect(other.getByTestId('tab-conflict')).toContainText('Another tab changed the manifests');
  await other.screenshot({ path: testInfo.outputPath('hardening-two-tabs.png') });
  await other.getByTestId('tab-load-theirs').click();
  await expect(
    other.locator('[data-testid="route-weight"][data-edge-id="route:default/reviews/http/0/0"]'),
  ).toHaveText('85.7%'); // 60 / (60 + 10)
  await expect(other.getByTestId('tab-conflict')).toBeHidden();
});
