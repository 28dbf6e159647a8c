import { describe, expect, it } from 'vitest';
import { subsetLabels } from './subset-labels';
import { corpus, summary } from './testing';

describe('subsetLabels (KIA0209)', () => {
  it('reports a subset without labels, at its name', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: canary`;
    expect(summary(subsetLabels, text)).toEqual([
      'KIA0209 DestinationRule default/reviews spec/subsets[1]/name «canary»',
    ]);
  });

  it('accepts subsets with labels', () => {
    expect(
      summary(subsetLabels, corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')),
    ).toEqual([]);
  });
});
