import { expect, test } from './fixtures/studio';

const fqdn = 'reviews.default.svc.cluster.local';
const cluster = (subset: string) => `outbound|9080|${subset}|${fqdn}`;

// A second VirtualService for the same host, after the example's: a sidecar keeps the older one (text order,
// as neither has a creationTimestamp) and ignores this one.
const secondVs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-all-v3
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
`;

test.describe('what Envoy would see', () => {
  test('the reviews sidecar gets route 9080 with the 90/10 split; a second VirtualService is ignored', async ({
    studio,
  }) => {
    const { page } = studio;
    await studio.open('?example=bookinfo-canary');
    await page.getByTestId('envoy-open').click();
    const picker = page.getByTestId('envoy-proxy');
    await picker.selectOption({ label: 'sidecar of default/reviews-v1' });

    const route = page.locator(
      `[data-testid="envoy-route"][data-route-config="9080"][data-vhost="${fqdn}:9080"]`,
    );
    await expect(route).toHaveCount(1);
    await expect(route).toHaveAttribute('data-cluster', `${cluster('v1')}:90,${cluster('v2')}:10`);
    await expect(route).toContainText('reviews.default');
    // CDS: the default cluster and one per subset of the DestinationRule.
    for (const c of ['', 'v1', 'v2', 'v3']) {
      await expect(page.locator(`[data-testid="envoy-cluster"][data-cluster="${cluster(c)}"]`)).toHaveCount(
        1,
      );
    }

    // Envoy's own clusters read as istioctl prints them: the name under SERVICE FQDN, '-' for PORT, SUBSET and
    // DIRECTION; the inbound cluster of the pod's own port has an empty SERVICE FQDN.
    const cells = (name: string) =>
      page.locator(`[data-testid="envoy-cluster"][data-cluster="${name}"] td`).allInnerTexts();
    expect((await cells('BlackHoleCluster')).slice(1, 6)).toEqual([
      'BlackHoleCluster',
      '-',
      '-',
      '-',
      'STATIC',
    ]);
    expect((await cells('PassthroughCluster')).slice(1, 6)).toEqual([
      'PassthroughCluster',
      '-',
      '-',
      '-',
      'ORIGINAL_DST',
    ]);
    expect((await cells('inbound|9080||')).slice(1, 6)).toEqual(['', '9080', '-', 'inbound', 'ORIGINAL_DST']);

    // A row opens to its Envoy JSON.
    await route.getByRole('button', { name: 'Envoy JSON' }).click();
    await expect(page.getByTestId('envoy-json').first()).toContainText('"weightedClusters"');

    // Clicking the row selects the rule's route on the canvas and in the YAML.
    await route.click();
    await expect(studio.edge('route:default/reviews/http/0/0')).toHaveClass(/\bselected\b/);
    await expect(page.locator('.monaco-editor .selected-text').first()).toBeAttached();

    // It follows the keystrokes: the weights typed in the YAML are the weights of the route.
    await studio.typeOver('weight: 90', 'weight: 70');
    await studio.typeOver('weight: 10', 'weight: 30');
    await expect(route).toHaveAttribute('data-cluster', `${cluster('v1')}:70,${cluster('v2')}:30`);
    await studio.shot('envoy-reviews-sidecar');
    // Wider, as a person drags the pane border to read every column.
    const border = await page.getByTestId('pane-resizer-right').boundingBox();
    if (!border) throw new Error('no right pane border');
    await page.mouse.move(border.x + border.width / 2, border.y + border.height / 2);
    await page.mouse.down();
    await page.mouse.move(border.x - 420, border.y + border.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByText('VIRTUAL SERVICE')).toBeInViewport();
    await studio.shot('envoy-reviews-sidecar-wide');

    // The sidecar keeps the older VirtualService for the host and says it ignores the other.
    await studio.importText(secondVs, 'append');
    await expect(route).toHaveAttribute('data-cluster', `${cluster('v1')}:70,${cluster('v2')}:30`);
    await expect(route).not.toHaveAttribute('data-cluster', new RegExp(`\\|v3\\|`));
    const finding = page.getByTestId('envoy-finding').filter({ hasText: 'default/reviews-all-v3' });
    await expect(finding).toContainText('ignored');
    await expect(finding).toContainText('default/reviews is older');
    await studio.shot('envoy-second-virtualservice');

    // The typed proxy: a sidecar in another namespace with the same labels sees the same host and split.
    await picker.selectOption('custom');
    // The typed proxy starts as the one shown.
    await expect(page.getByTestId('envoy-proxy-labels')).toHaveValue('app=reviews, version=v1');
    await expect(page.getByTestId('envoy-proxy-namespace')).toHaveValue('default');
    await page.getByTestId('envoy-proxy-namespace').fill('other');
    await page.getByTestId('envoy-proxy-labels').fill('app=productpage');
    await expect(route).toHaveAttribute('data-cluster', `${cluster('v1')}:70,${cluster('v2')}:30`);
  });

  test('the ingress gateway gets http.80 with the bound VirtualService, one route per match', async ({
    studio,
  }) => {
    const { page } = studio;
    await studio.open('?example=gateway-ingress');
    await page.getByTestId('envoy-open').click();
    await page.getByTestId('envoy-proxy').selectOption({ label: 'gateway default/httpbin-gateway' });
    const rows = page.locator('[data-testid="envoy-route"][data-route-config="http.80"]');
    await expect(rows).toHaveCount(2);
    const httpbin = 'outbound|8000||httpbin.default.svc.cluster.local';
    for (const [i, match] of ['/status*', '/delay*'].entries()) {
      await expect(rows.nth(i)).toHaveAttribute('data-vhost', 'httpbin.example.com:80');
      await expect(rows.nth(i)).toHaveAttribute('data-cluster', httpbin);
      await expect(rows.nth(i)).toContainText(match);
    }
    await expect(page.locator(`[data-testid="envoy-cluster"][data-cluster="${httpbin}"]`)).toHaveCount(1);

    // Unbinding the VirtualService leaves the gateway's port with nothing: a blackhole virtual host.
    await studio.typeOver('- httpbin-gateway', '- other-gateway');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-vhost', 'blackhole:80');
    await studio.shot('envoy-gateway');
  });
});
