import { expect, test } from './fixtures/studio';

// Written for `kubectl apply -n travel -f …`: the Service and Deployments name no namespace, the routing does
// (as kiali's travels demo is applied). Read in `travel`, the host `reviews` is right there.
const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  ports:
    - port: 9080
      name: http
  selector:
    app: reviews
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
spec:
  selector:
    matchLabels: { app: reviews, version: v1 }
  template:
    metadata:
      labels: { app: reviews, version: v1 }
    spec:
      containers:
        - name: reviews
          image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.1
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: travel
spec:
  host: reviews
  subsets:
    - name: v1
      labels:
        version: v1
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: travel
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination:
            host: reviews
            subset: v1
`;

test('resources without a namespace are read in the inferred one, or the one set; the YAML never changes', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.importText(TEXT);
  const control = page.getByTestId('default-namespace');
  const ist0101 = page.locator('[data-testid="problem"][data-code="IST0101"]');

  await expect(control).toContainText('travel (inferred)');
  await expect(studio.node('service:travel/reviews')).toHaveCount(1);
  await expect(studio.node('deployment:travel/reviews-v1')).toHaveCount(1);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-node-count', '5');
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
  await expect(ist0101).toHaveCount(0);
  await control.screenshot({ path: 'test-results/screenshots/namespace-inferred.png' });

  // kubectl apply without -n: the Service lands in default, and the routing in travel finds nothing.
  await control.fill('default');
  await expect(control).toContainText('default (set)');
  await expect(studio.node('service:default/reviews')).toHaveCount(1);
  await expect(ist0101.first()).toBeVisible();
  await expect(ist0101.first()).toHaveAttribute('data-resource', 'VirtualService travel/reviews');
  await expect(ist0101.first()).toHaveAttribute('data-severity', 'error');
  await control.screenshot({ path: 'test-results/screenshots/namespace-set.png' });
  expect(await studio.editorText()).toBe(TEXT);

  // The setting survives a reload (and the text with it, unchanged).
  await expect.poll(() => studio.savedText()).toBe(TEXT);
  await studio.open('', { keepStorage: true });
  await expect(control).toContainText('default (set)');
  await expect(ist0101.first()).toBeVisible();

  // Empty returns to inference: the errors go, and still not a byte of the YAML changed.
  await page.getByTestId('default-namespace-clear').click();
  await expect(control).toContainText('travel (inferred)');
  await expect(ist0101).toHaveCount(0);
  await expect(studio.node('service:travel/reviews')).toHaveCount(1);
  expect(await studio.editorText()).toBe(TEXT);
  await expect.poll(() => studio.savedText()).toBe(TEXT);
});

test('a half-written document is named in problems and never drawn as a nameless node', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.importText(
    `${TEXT}---\napiVersion: networking.istio.io/v1\nmetadata:\n  name: ratings\nspec:\n  host: ratings\n`,
  );
  const row = page.locator('[data-testid="problem"][data-code="ITS0110"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('This document has no `kind`');
  await expect(row).toContainText('kind: DestinationRule');
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-node-count', '5');
  await expect(page.locator('[data-testid="node"][data-node-id$="/"]')).toHaveCount(0);
});
