import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/studio';

const corpus = (p: string) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/${p}`, 'utf8');

test('the default example draws on first open', async ({ studio }) => {
  await studio.open();
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();
  await expect(studio.node('subset:default/reviews/v1')).toBeVisible();
  await expect(studio.weight('route:default/reviews/http/0/0')).toHaveText('90%');
  await expect(studio.weight('route:default/reviews/http/0/1')).toHaveText('10%');
  await studio.shot('default-example');
  expect(studio.offOrigin).toEqual([]);
});
