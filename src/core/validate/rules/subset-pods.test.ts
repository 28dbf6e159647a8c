import { describe, expect, it } from 'vitest';
import { subsetPods } from './subset-pods';
import { corpus, summary } from './testing';

describe('subsetPods (IST0173)', () => {
  it('reports a subset that selects no pods, at its labels', () => {
    expect(
      summary(subsetPods, corpus('istio-analyzer-testdata/destinationrule-subsets-not-select-pods.yaml')),
    ).toEqual(['IST0173 DestinationRule default/subsets-not-select-pods spec/subsets[0]/labels «labels»']);
  });

  it('treats an empty topology label as never matching', () => {
    expect(
      summary(subsetPods, corpus('istio-analyzer-testdata/destinationrule-empty-topology-labels.yaml')),
    ).toEqual(['IST0173 DestinationRule default/empty-topology-labels spec/subsets[0]/labels «labels»']);
  });

  it('accepts topology labels and subsets that select pods', () => {
    expect(
      summary(
        subsetPods,
        corpus('istio-analyzer-testdata/destinationrule-subsets-with-topology-labels.yaml'),
      ),
    ).toEqual([]);
    const text = `${corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml')}
---
${corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml')}`;
    expect(summary(subsetPods, text)).toEqual([]);
  });
});
