import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio';

const bookinfo = (p: string) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/${p}`, 'utf8');
const mesh = [
  bookinfo('platform/kube/bookinfo.yaml'),
  bookinfo('networking/destination-rule-all.yaml'),
  bookinfo('networking/virtual-service-reviews-test-v2.yaml'),
].join('\n---\n');

// The gate builds the app, not the CLI: build `its` once here, as `npm run build:cli` does, into a temp folder.
let dir = '';
let its = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'its-e2e-'));
  const b = spawnSync(
    'node_modules/.bin/vite',
    ['build', '-c', 'cli/vite.config.ts', '--outDir', dir, '--emptyOutDir'],
    {
      encoding: 'utf8',
    },
  );
  if (b.status !== 0) throw new Error(`CLI build failed: ${b.stderr}`);
  its = join(dir, 'its.mjs');
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function itsTest(cases: string, manifests: string) {
  const m = join(dir, `mesh-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(m, manifests);
  const r = spawnSync(process.execPath, [its, 'test', '-t', cases, m], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('a saved request with an expectation turns fail on a breaking edit, pass when fixed, and runs in its test', async ({
  studio,
}) => {
  const { page } = studio;
  await studio.open();
  await studio.importText(mesh);
  await page.getByTestId('simulator-open').click();
  await page.getByTestId('sim-host').fill('reviews');
  await page.getByTestId('sim-headers').fill('end-user: jason');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-result')).toHaveAttribute('data-rule', 'default/reviews#http[0]');

  await page.locator('.sim-presets summary').click();
  await page.getByTestId('sim-preset-name').fill('jason sees v2');
  await page.getByTestId('sim-preset-save').click();
  const row = page.getByTestId('sim-preset').filter({ hasText: 'jason sees v2' });
  await expect(row).not.toHaveAttribute('data-verdict');

  // One click: the expectation is where the request goes now.
  await row.getByTestId('sim-expect-this').click();
  await expect(row.getByTestId('sim-expect')).toHaveValue('reviews v2 100%');
  await expect(row).toHaveAttribute('data-verdict', 'pass');

  // Break it by typing in the YAML: jason no longer matches the first rule, the request goes to v1.
  await studio.typeOver('exact: jason', 'exact: jasper');
  await expect(row).toHaveAttribute('data-verdict', 'fail');
  await expect(row.getByTestId('sim-verdict-reason')).toHaveText(
    'shares: expected reviews v2 100%, got reviews v1 100%',
  );
  await expect.poll(() => studio.savedText()).toContain('exact: jasper');
  const broken = (await studio.savedText()) as string;
  await studio.shot('expectation-fail');

  // Fix it back: pass again.
  await studio.typeOver('exact: jasper', 'exact: jason');
  await expect(row).toHaveAttribute('data-verdict', 'pass');
  await expect(row.getByTestId('sim-verdict-reason')).toHaveCount(0);
  const fixed = await studio.editorText();
  expect(fixed).toContain('exact: jason');

  // An edited expectation is checked too.
  await row.getByTestId('sim-expect').fill('reviews v1 80%, v2 20%');
  await row.getByTestId('sim-expect').press('Enter');
  await expect(row).toHaveAttribute('data-verdict', 'fail');
  await row.getByTestId('sim-expect').fill('reviews v2');
  await row.getByTestId('sim-expect').press('Enter');
  await expect(row).toHaveAttribute('data-verdict', 'pass');

  // Export the saved requests as a test-case file, and run it with its test against both texts.
  const download = page.waitForEvent('download');
  await page.getByTestId('sim-cases-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('routing-tests.yaml');
  const cases = join(dir, 'routing-tests.yaml');
  await file.saveAs(cases);
  const exported = readFileSync(cases, 'utf8');
  expect(exported).toContain('description: jason sees v2');
  expect(exported).toContain('shares: reviews v2 100%');

  const pass = itsTest(cases, fixed);
  expect(pass.out).toContain('PASS  jason sees v2');
  expect(pass.code).toBe(0);
  const fail = itsTest(cases, broken);
  expect(fail.out).toContain('FAIL  jason sees v2');
  expect(fail.out).toContain('shares: expected reviews v2 100%, got reviews v1 100%');
  expect(fail.code).toBe(1);

  // Import it back into a clean list: the request and its expectation come back, with their verdict.
  await row.getByTestId('sim-preset-delete').click();
  await expect(page.getByTestId('sim-preset')).toHaveCount(0);
  await page.getByTestId('sim-cases-import').setInputFiles(cases);
  await expect(page.getByTestId('sim-cases-note')).toContainText('Imported 1 of 1 cases.');
  await expect(row.getByTestId('sim-expect')).toHaveValue('reviews v2 100%');
  await expect(row).toHaveAttribute('data-verdict', 'pass');
});
