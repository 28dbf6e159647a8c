import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/studio';

const abHeader = readFileSync('src/examples/ab-header.yaml', 'utf8');
const bookinfo = (p: string) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/${p}`, 'utf8');
const jasonV2V3 = [
  bookinfo('platform/kube/bookinfo.yaml'),
  bookinfo('networking/destination-rule-all.yaml'),
  bookinfo('networking/virtual-service-reviews-jason-v2-v3.yaml'),
].join('\n---\n');

const v1 = 'subset:default/reviews/v1';
const v2 = 'subset:default/reviews/v2';

test.describe('request simulator', () => {
  test('jason goes to v2, anyone else to v1, and the trace follows edits', async ({ studio }) => {
    const { page } = studio;
    await studio.open('?example=ab-header');
    await page.getByTestId('simulator-open').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-headers').fill('end-user: jason');
    await page.getByTestId('sim-run').click();

    const result = page.getByTestId('sim-result');
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[0]');
    // Envoy's names, from core/envoy's trace of the client's sidecar.
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v2|reviews.default.svc.cluster.local',
    );
    await expect(page.getByTestId('sim-envoy')).toContainText('reviews.default.svc.cluster.local:9080');
    await expect(studio.node(v2)).toHaveAttribute('data-traced', 'true');
    await expect(studio.node('deployment:default/reviews-v2')).toHaveAttribute('data-traced', 'true');
    await expect(studio.node(v1)).not.toHaveAttribute('data-traced', 'true');
    await expect(result).toContainText('100%');
    await expect(result).toContainText('subset v2');
    await expect(page.locator('.monaco-editor .sim-rule-line').first()).toBeAttached();
    await studio.shot('simulator-jason');

    // Another user: Enter in the path field runs again.
    await page.getByTestId('sim-headers').fill('end-user: bob');
    await page.getByTestId('sim-path').press('Enter');
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[1]');
    await expect(studio.node(v1)).toHaveAttribute('data-traced', 'true');
    await expect(studio.node(v2)).not.toHaveAttribute('data-traced', 'true');
    await studio.shot('simulator-bob');

    // The trace stays live: renaming the header in the YAML re-runs it.
    await page.getByTestId('sim-headers').fill('end-user: jason');
    await page.getByTestId('sim-run').click();
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[0]');
    await studio.typeOver('exact: jason', 'exact: jasper');
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[1]');
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v1|reviews.default.svc.cluster.local',
    );

    await page.getByTestId('sim-clear').click();
    await expect(result).toBeHidden();
    await expect(studio.node(v1)).not.toHaveAttribute('data-traced', 'true');
  });

  test('bookinfo reviews-jason-v2-v3: jason sees v2, anyone else v3', async ({ studio }) => {
    const { page } = studio;
    await studio.open();
    await studio.importText(jasonV2V3);
    await page.getByTestId('simulator-open').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-headers').fill('end-user: jason');
    await page.getByTestId('sim-run').click();
    const result = page.getByTestId('sim-result');
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[0]');
    // The answer is Envoy's: the client's sidecar, route configuration "9080", the reviews virtual host.
    await expect(result).toHaveAttribute('data-route-config', '9080');
    await expect(result).toHaveAttribute('data-vhost', 'reviews.default.svc.cluster.local:9080');
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v2|reviews.default.svc.cluster.local',
    );
    await expect(page.getByTestId('sim-envoy')).toContainText('listener: 0.0.0.0_9080');
    await expect(studio.node(v2)).toHaveAttribute('data-traced', 'true');
    await expect(studio.node('deployment:default/reviews-v2')).toHaveAttribute('data-traced', 'true');
    await expect(studio.node('subset:default/reviews/v3')).not.toHaveAttribute('data-traced', 'true');
    await studio.shot('simulator-bookinfo-jason');
    await page.getByTestId('sim-headers').fill('end-user: someone');
    await page.getByTestId('sim-run').click();
    await expect(result).toHaveAttribute('data-rule', 'default/reviews#http[1]');
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v3|reviews.default.svc.cluster.local',
    );
    await expect(studio.node('subset:default/reviews/v3')).toHaveAttribute('data-traced', 'true');
    await expect(studio.node(v2)).not.toHaveAttribute('data-traced', 'true');
  });

  test('bookinfo 80/20 with a second, older VirtualService: the sidecar keeps the older one, as Envoy does', async ({
    studio,
  }) => {
    const { page } = studio;
    await studio.open();
    const split = bookinfo('networking/virtual-service-reviews-80-20.yaml').replace(
      '  name: reviews\n',
      '  name: reviews\n  creationTimestamp: "2024-01-01T00:00:00Z"\n',
    );
    const base = [bookinfo('platform/kube/bookinfo.yaml'), bookinfo('networking/destination-rule-all.yaml')];
    await studio.importText([...base, split].join('\n---\n'));
    await page.getByTestId('simulator-open').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-run').click();
    const result = page.getByTestId('sim-result');
    await expect(result).toHaveAttribute('data-route-config', '9080');
    await expect(result).toHaveAttribute('data-vhost', 'reviews.default.svc.cluster.local:9080');
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v1|reviews.default.svc.cluster.local,outbound|9080|v2|reviews.default.svc.cluster.local',
    );
    await expect(result).toContainText('80%');

    // A second VirtualService for reviews, below in the text but created earlier: istiod orders by
    // creationTimestamp, so the sidecar keeps it (v3) and ignores the 80/20 one.
    const older = bookinfo('networking/virtual-service-reviews-v3.yaml').replace(
      '  name: reviews\n',
      '  name: reviews-v3\n  creationTimestamp: "2020-01-01T00:00:00Z"\n',
    );
    await studio.importText([...base, split, older].join('\n---\n'));
    await page.getByTestId('sim-run').click();
    await expect(result).toHaveAttribute('data-rule', 'default/reviews-v3#http[0]');
    await expect(result).toHaveAttribute(
      'data-cluster',
      'outbound|9080|v3|reviews.default.svc.cluster.local',
    );
    await expect(result).toContainText('Ignored: VirtualService default/reviews');
    await expect(page.getByTestId('sim-envoy-disagreement')).toHaveCount(0);
    await studio.shot('simulator-older-virtualservice');
  });

  test('a request no rule matches says why', async ({ studio }) => {
    const { page } = studio;
    await studio.open('?example=ab-header');
    // Without the catch-all rule, only jason and bob match.
    const noCatchAll = abHeader.replace(
      '  - name: default\n    route:',
      '  - name: default\n    match:\n    - headers:\n        end-user:\n          exact: bob\n    route:',
    );
    expect(noCatchAll).not.toBe(abHeader);
    await studio.importText(noCatchAll);
    await page.getByTestId('simulator-open').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-headers').fill('end-user: alice');
    await page.getByTestId('sim-run').click();
    const result = page.getByTestId('sim-result');
    await expect(result).toHaveAttribute('data-rule', '');
    await expect(result).toHaveAttribute('data-outcome', 'no-match');
    await expect(page.getByTestId('sim-why')).toContainText('end-user');
    await expect(studio.node(v1)).not.toHaveAttribute('data-traced', 'true');
    await studio.shot('simulator-no-match');
  });

  test('presets are saved per document set and survive a reload', async ({ studio }) => {
    const { page } = studio;
    await studio.open('?example=ab-header');
    await page.getByTestId('simulator-open').click();
    await page.locator('.sim-presets summary').click();
    await page.getByTestId('sim-host').fill('reviews');
    await page.getByTestId('sim-headers').fill('end-user: jason');
    await page.getByTestId('sim-preset-name').fill('jason on reviews');
    await page.getByTestId('sim-preset-save').click();
    await expect(page.getByTestId('sim-preset')).toHaveText(/jason on reviews/);

    await studio.open('', { keepStorage: true });
    await page.getByTestId('simulator-open').click();
    const preset = page.getByTestId('sim-preset');
    await expect(preset).toHaveCount(1);
    await preset.getByTestId('sim-preset-load').click();
    await expect(page.getByTestId('sim-result')).toHaveAttribute('data-rule', 'default/reviews#http[0]');
    await expect(page.getByTestId('sim-headers')).toHaveValue('end-user: jason');
    await studio.shot('simulator-presets');
    await page.getByTestId('sim-preset-delete').click();
    await expect(preset).toHaveCount(0);
  });
});
