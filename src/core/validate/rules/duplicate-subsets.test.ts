import { describe, expect, it } from 'vitest';
import { duplicateSubsets } from './duplicate-subsets';
import { corpus, summary } from './testing';

const dr = (name: string, subsets: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}}
spec:
  host: reviews
  subsets:
${subsets}`;

describe('duplicateSubsets (KIA0201)', () => {
  it('reports a subset name twice in one DestinationRule', () => {
    const text = dr(
      'a',
      `  - name: v1
    labels: {version: v1}
  - name: v1
    labels: {version: v2}`,
    );
    expect(summary(duplicateSubsets, text)).toEqual([
      'KIA0201 DestinationRule default/a spec/subsets[1]/name «v1»',
    ]);
  });

  it('reports one host+subset defined by two DestinationRules, on both', () => {
    const text = `${dr('a', '  - {name: v1, labels: {version: v1}}')}\n---\n${dr('b', '  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}')}`;
    expect(summary(duplicateSubsets, text)).toEqual([
      'KIA0201 DestinationRule default/a spec/subsets[0]/name «v1»',
      'KIA0201 DestinationRule default/b spec/subsets[0]/name «v1»',
    ]);
  });

  it('accepts the bookinfo DestinationRules', () => {
    expect(
      summary(duplicateSubsets, corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')),
    ).toEqual([]);
  });
});
