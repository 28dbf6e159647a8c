import { expect, test } from './fixtures/studio';

const SLUGS = [
  'bookinfo-canary',
  'ab-header',
  'blue-green',
  'mirroring',
  'circuit-breaker',
  'sticky-sessions',
  'mtls',
  'fault-injection',
  'gateway-ingress',
];

test('consistent hash by cookie on a subset writes the YAML and shows a badge', async ({ studio, page }) => {
  await studio.open('?example=bookinfo-canary');
  const v1 = studio.node('subset:default/reviews/v1');
  await v1.click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('policy-lb-kind').selectOption('hash');
  await inspector.getByTestId('policy-hash-by').selectOption('cookie');
  // Nothing valid to write yet: the form says what is missing and keeps the YAML as it was.
  await expect(inspector.getByTestId('policy-pending')).toBeVisible();
  await expect(inspector.getByTestId('policy-hash-cookie-name-error')).toContainText('Name the cookie');
  await inspector.getByTestId('policy-hash-cookie-name').fill('user');
  await inspector.getByTestId('policy-hash-cookie-name').press('Enter');
  await expect(inspector.getByTestId('policy-pending')).toBeHidden();
  // An invalid duration is shown and not written.
  await inspector.getByTestId('policy-hash-cookie-ttl').fill('10');
  await inspector.getByTestId('policy-hash-cookie-ttl').press('Enter');
  await expect(inspector.getByTestId('policy-hash-cookie-ttl-error')).toContainText('add a unit');
  await inspector.getByTestId('policy-hash-cookie-ttl').fill('0s');
  await inspector.getByTestId('policy-hash-cookie-ttl').press('Enter');
  await expect(inspector.getByTestId('policy-hash-cookie-ttl-error')).toBeHidden();
  await expect(v1.locator('[data-testid="badge"][data-policy="hash"]')).toBeVisible();
  await expect(v1.locator('[data-testid="badge"][data-policy="hash"]')).toHaveAttribute(
    'title',
    /cookie user/,
  );
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await studio.shot('policy-hash-cookie');
  // Monaco draws only the lines in view: find each line as a person does (selectText fails when absent).
  for (const line of ['httpCookie:', 'name: user', 'ttl: 0s']) {
    await studio.selectText(line);
    expect((await studio.editorText()).replace(/\u00a0/g, ' ')).toContain(line);
  }
});

test('a circuit breaker from the form, and an undo', async ({ studio, page }) => {
  await studio.open('?example=bookinfo-canary');
  await studio.node('destinationrule:default/reviews').click({ position: { x: 20, y: 10 } });
  const inspector = page.getByTestId('inspector');
  const max = inspector.getByTestId('policy-pool-max-connections');
  await max.fill('many');
  await max.press('Enter');
  await expect(inspector.getByTestId('policy-pool-max-connections-error')).toContainText('not a number');
  await max.fill('100');
  await max.press('Enter');
  await inspector.getByTestId('policy-outlier-errors').fill('5');
  await inspector.getByTestId('policy-outlier-errors').press('Enter');
  const dr = studio.node('destinationrule:default/reviews');
  await expect(dr.locator('[data-testid="badge"][data-policy="pool"]').first()).toBeVisible();
  await expect(dr.locator('[data-testid="badge"][data-policy="outlier"]').first()).toBeVisible();
  await inspector.getByTestId('policy-tls-mode').selectOption('ISTIO_MUTUAL');
  await expect(dr.locator('[data-testid="badge"][data-policy="tls"]').first()).toBeVisible();
  await studio.shot('policy-circuit-breaker');
  await page.getByTestId('undo').click();
  await expect(dr.locator('[data-testid="badge"][data-policy="tls"]')).toHaveCount(0);
  await expect(inspector.getByTestId('policy-tls-mode')).toHaveValue('');
});

test('a mirror added in the inspector draws a dashed edge', async ({ studio, page }) => {
  await studio.open('?example=bookinfo-canary');
  await studio.node('virtualservice:default/reviews').click({ position: { x: 20, y: 10 } });
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('route-feature-mirror').locator('summary').click();
  for (const [id, value] of [
    ['route-mirror-host', 'reviews'],
    ['route-mirror-subset', 'v3'],
    ['route-mirror-percent', '50'],
  ] as const) {
    await inspector.getByTestId(id).fill(value);
    await inspector.getByTestId(id).press('Enter');
    await expect(inspector.getByTestId(id)).toHaveValue(value);
  }
  await expect(page.getByTestId('mirror-label')).toHaveText('mirror 50%');
  await expect(page.locator('.react-flow__edge-path[style*="stroke-dasharray"]')).toHaveCount(1);
  await expect(inspector.getByTestId('route-feature-mirror').locator('summary')).toContainText(
    'reviews (v3) 50%',
  );
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await studio.shot('route-mirror');
});

test('every example loads from the menu, draws and is valid', async ({ studio, page }) => {
  await studio.open();
  for (const slug of SLUGS) {
    await page.getByTestId('examples-open').click();
    await page.getByTestId(`example-${slug}`).click();
    await expect(studio.canvas()).not.toHaveAttribute('data-node-count', '0');
    await expect(page.locator('[data-testid="node"]').first()).toBeVisible();
    await expect(page.getByTestId('yaml-status'), slug).toHaveText('valid');
  }
  await studio.shot('example-last');
});
