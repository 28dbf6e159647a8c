import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/studio';

const EDGE = 'route:default/reviews/http/0/1';

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a wrong subset shows a marker, an edge badge and a problem; its quick fix clears all three', async ({
  studio,
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await studio.open();
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await expect(page.getByTestId('problems')).toBeVisible();

  await studio.typeOver('subset: v2', 'subset: v9');
  const marker = page.locator('.monaco-editor .squiggly-error');
  const badge = page.locator(`[data-edge-id="${EDGE}"] [data-testid="badge"][data-severity="error"]`);
  const row = page.locator('[data-testid="problem"][data-code="IST0101"]');
  await expect(marker.first()).toBeVisible();
  await expect(badge).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-severity', 'error');
  await expect(row).toHaveAttribute('data-resource', 'VirtualService default/reviews');
  await expect(row).toContainText('v9');
  await expect(page.getByTestId('yaml-status')).toHaveText('1 error');

  // Clicking the row selects the edge on the canvas and the subset in the YAML pane.
  await row.locator('.problem-main').click();
  await expect(page.locator(`.react-flow__edge.selected[data-id="${EDGE}"]`)).toHaveCount(1);
  await studio.shot('validation-wrong-subset');

  await row.getByTestId('problem-fix').filter({ hasText: 'Add subset "v9"' }).click();
  await expect(row).toHaveCount(0);
  await expect(badge).toHaveCount(0);
  await expect(marker).toHaveCount(0);
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await studio.selectText('- name: v9');
  await studio.shot('validation-fixed');

  // One Ctrl+Z brings the problem back: the fix was one undo step.
  await page.keyboard.press('Control+Z');
  await expect(row).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the quick fix is offered at the marker in Monaco too', async ({ studio, page }) => {
  await studio.open();
  await studio.typeOver('subset: v2', 'subset: v9');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Add subset "v9"' });
  await expect(action.first()).toBeVisible();
  await studio.shot('validation-code-action');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
});

test('an unknown field is a schema error (IST0106), checked without eval under the CSP', async ({
  studio,
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await studio.open();
  await studio.typeOver('hosts:', 'hostz:');
  const row = page.locator('[data-testid="problem"][data-code="IST0106"]');
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toHaveAttribute('data-resource', 'VirtualService default/reviews');
  await expect(row.first()).toContainText('Did you mean "hosts"?');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();

  // Filtering errors out hides the row; the header still counts it.
  await page.getByTestId('problems-filter-error').click();
  await expect(row).toHaveCount(0);
  await page.getByTestId('problems-filter-error').click();
  await expect(row.first()).toBeVisible();
  await studio.shot('validation-unknown-field');
  expect(errors.filter((e) => /compiling schema|unsafe-eval|Content Security Policy/i.test(e))).toEqual([]);
});

const VS_DRAFT = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  `;

test('completion and hover under a VirtualService spec come from the Istio schema', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.importText(VS_DRAFT);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  for (const field of ['http', 'gateways', 'tcp'])
    await expect(suggest.locator('.monaco-list-row', { hasText: field }).first()).toBeVisible();
  await studio.shot('validation-completion');
  await page.keyboard.press('Escape');

  const hosts = page.locator('.monaco-editor .view-line span', { hasText: /^hosts$/ }).first();
  await hosts.hover();
  await expect(
    page.locator('.monaco-editor .monaco-hover', { hasText: /destination hosts to which traffic/i }),
  ).toBeVisible();
  await studio.shot('validation-hover');
});

test('after Import (replace, then append) the markers are the new text’s, matching the problems panel', async ({
  studio,
  page,
}) => {
  await studio.open('?example=bookinfo-canary');
  const squiggles = page.locator('.monaco-editor .squiggly-error');
  const rows = page.locator('[data-testid="problem"][data-severity="error"]');
  await studio.typeOver('subset: v2', 'subset: v9');
  await expect(squiggles.first()).toBeVisible();
  await expect(rows).toHaveCount(1);

  // A valid text replaces it: no error row, and no underline left over from the old text.
  const valid =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80, name: http}]\n';
  await studio.importText(valid);
  await expect(rows).toHaveCount(0);
  await expect(squiggles).toHaveCount(0);

  // An appended VirtualService that routes to a subset its DestinationRule (also in the text) does not define:
  // an error even in a text that is part of a mesh; its line is underlined at once, no keystroke.
  const vs =
    'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\nspec:\n  hosts: [web]\n  http:\n  - route:\n    - destination: {host: web, subset: nope}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: web\nspec:\n  host: web\n  subsets:\n  - name: v1\n    labels: {version: v1}\n';
  await studio.importText(vs, 'append');
  await expect(rows.first()).toBeVisible();
  const errorRows = await rows.count();
  await expect(squiggles).toHaveCount(errorRows);
  const line = (await studio.editorText()).split(/\r?\n/).findIndex((l) => l.includes('subset: nope')) + 1;
  const squiggleTop = await squiggles.first().evaluate((el) => el.getBoundingClientRect().top);
  const lineTop = await page
    .locator('.monaco-editor .margin-view-overlays .line-numbers', { hasText: new RegExp(`^${line}$`) })
    .evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(squiggleTop - lineTop)).toBeLessThan(20);
});
