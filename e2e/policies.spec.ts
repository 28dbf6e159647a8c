import { expect, test } from './fixtures/studio';

/**
 * Each example, and what only it draws: its node and edge counts, and a node (or a badge on one) that the
 * others lack — so a menu that failed to load an example, leaving the previous one, is caught.
 */
const EXAMPLES: { slug: string; nodes: number; edges: number; node: string; policy?: string }[] = [
  { slug: 'bookinfo-canary', nodes: 9, edges: 8, node: 'deployment:default/reviews-v3' },
  { slug: 'ab-header', nodes: 7, edges: 6, node: 'virtualservice:default/reviews' },
  { slug: 'blue-green', nodes: 7, edges: 6, node: 'subset:default/helloworld/blue' },
  { slug: 'mirroring', nodes: 7, edges: 6, node: 'deployment:default/httpbin-v2' },
  { slug: 'circuit-breaker', nodes: 4, edges: 2, node: 'destinationrule:default/httpbin', policy: 'outlier' },
  { slug: 'sticky-sessions', nodes: 5, edges: 3, node: 'destinationrule:default/helloworld', policy: 'hash' },
  { slug: 'mtls', nodes: 11, edges: 8, node: 'service:default/productpage' },
  { slug: 'fault-injection', nodes: 5, edges: 5, node: 'virtualservice:default/ratings' },
  { slug: 'gateway-ingress', nodes: 4, edges: 3, node: 'gateway:default/httpbin-gateway' },
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

test('every example loads from the menu, draws what only it has, and is valid', async ({ studio, page }) => {
  await studio.open();
  for (const ex of EXAMPLES) {
    await studio.loadExample(ex.slug);
    await expect(studio.canvas(), ex.slug).toHaveAttribute('data-node-count', String(ex.nodes));
    await expect(studio.canvas(), ex.slug).toHaveAttribute('data-edge-count', String(ex.edges));
    const node = studio.node(ex.node);
    await expect(node, ex.slug).toBeVisible();
    if (ex.policy)
      await expect(node.locator(`[data-testid="badge"][data-policy="${ex.policy}"]`)).toBeVisible();
    await expect(page.getByTestId('yaml-status'), ex.slug).toHaveText('valid');
  }
  await studio.shot('example-last');
});
