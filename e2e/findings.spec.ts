import { expect, test } from './fixtures/studio';

// One VirtualService whose Service and DestinationRule live in other files, as most repositories keep them.
const VS_ALONE = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination:
            host: reviews
            subset: v1
          weight: 80
        - destination:
            host: reviews
            subset: v2
          weight: 20
`;

test('a VirtualService alone: its host is one "not in this text" info, an error once the text is the whole mesh', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.importText(VS_ALONE);
  const problems = page.locator('[data-testid="problem"]');
  const complete = page.getByTestId('mesh-complete');
  const missing = studio.node('missing:reviews.default.svc.cluster.local');

  await expect(complete).not.toBeChecked();
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toHaveAttribute('data-severity', 'info');
  await expect(problems.first()).toHaveAttribute('data-code', 'IST0101');
  await expect(problems.first()).toContainText('not in this text');
  await expect(page.locator('[data-testid="problem"][data-severity="error"]')).toHaveCount(0);
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  // One node for the missing host, drawn as elsewhere (not red).
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '2');
  await expect(studio.nodesOf('missing')).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-elsewhere', 'true');
  await expect(missing).toContainText('not in this text');
  await studio.shot('findings-not-in-this-text');

  await complete.check();
  const errors = page.locator('[data-testid="problem"][data-severity="error"]');
  await expect(errors).toHaveCount(2);
  await expect(errors.first()).toHaveAttribute('data-code', 'IST0101');
  await expect(page.getByTestId('yaml-status')).toHaveText('2 errors');
  // Each missing subset is its own red node now (the canvas counts the whole graph; fit to see them all).
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '3');
  await studio.fitView();
  await expect(studio.nodesOf('missing')).toHaveCount(2);
  await expect(page.locator('[data-testid="node"][data-elsewhere="true"]')).toHaveCount(0);
  await studio.shot('findings-whole-mesh');

  // The setting survives a reload; the text was never touched.
  await expect.poll(() => studio.savedText()).toBe(VS_ALONE);
  await studio.open('', { keepStorage: true });
  await expect(complete).toBeChecked();
  await expect(errors).toHaveCount(2);
  await complete.uncheck();
  await expect(errors).toHaveCount(0);
  expect(await studio.editorText()).toBe(VS_ALONE);
});

test('`subset: V2` offers "Change to `v2`" first, in the problems panel and in Monaco, and it fixes it', async ({
  studio,
  page,
}) => {
  await studio.open();
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await studio.typeOver('subset: v2', 'subset: V2');
  const row = page.locator('[data-testid="problem"][data-code="IST0101"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-severity', 'error');
  const fixes = row.getByTestId('problem-fix');
  await expect(fixes).toHaveText(['Change to `v2`', /^Add subset "V2" to DestinationRule/]);

  // Monaco lists the same fix first (the preferred one), at the marker where the cursor is.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row');
  await expect(rows.filter({ hasText: 'Add subset "V2"' }).first()).toBeVisible();
  const titles = await rows.allTextContents();
  const change = titles.findIndex((t) => t.includes('Change to `v2`'));
  const add = titles.findIndex((t) => t.includes('Add subset "V2"'));
  expect(change).toBeGreaterThanOrEqual(0);
  expect(change).toBeLessThan(add);
  await studio.shot('findings-did-you-mean');
  await page.keyboard.press('Escape');

  await fixes.first().click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  const text = await studio.editorText();
  expect(text).toContain('subset: v2');
  expect(text).not.toContain('V2');
});
