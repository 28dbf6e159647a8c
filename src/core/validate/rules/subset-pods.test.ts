import { describe, expect, it } from 'vitest';
import { subsetPods } from './subset-pods';
import { corpus, runRule, summary } from './testing';

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

  it('reports the one unselected subset of each of 2,000 DestinationRules for one host', () => {
    const dr = (name: string) =>
      `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}}\nspec:\n  host: reviews\n  subsets:\n  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}\n`;
    const text = [
      'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{port: 80}]\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-v1}\nspec:\n  template:\n    metadata:\n      labels: {app: reviews, version: v1}\n',
      ...Array.from({ length: 2000 }, (_, i) => dr(`r-${i}`)),
    ].join('---\n');
    const { diags } = runRule(subsetPods, text);
    expect(diags).toHaveLength(2000);
    expect(diags.every((d) => d.path === 'spec/subsets[1]/labels')).toBe(true);
  }, 60_000);
});
