import { describe, expect, it } from 'vitest';
import { serviceSelector } from './service-selector';
import { corpus, runRule, summary } from './testing';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');

describe('serviceSelector (ITS0104)', () => {
  it('reports a Service whose selector matches no workload, at the selector', () => {
    const text = `${BOOKINFO}
---
apiVersion: v1
kind: Service
metadata: {name: reviews-canary}
spec:
  ports: [{port: 9080, name: http}]
  selector: {app: reviews, version: v9}`;
    expect(summary(serviceSelector, text)).toEqual([
      'ITS0104 Service default/reviews-canary spec/selector «selector»',
    ]);
  });

  it('accepts bookinfo, and a text without workloads', () => {
    expect(summary(serviceSelector, BOOKINFO)).toEqual([]);
    expect(
      summary(
        serviceSelector,
        corpus('istio-analyzer-testdata/destinationrule-subsets-not-select-pods.yaml'),
      ),
    ).toEqual([]);
  });

  it('answers 2,000 Services sharing one selector with one match against the pods', () => {
    const service = (name: string, app: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80}]\n`;
    const text = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews}\nspec:\n  template:\n    metadata:\n      labels: {app: reviews, version: v1}\n',
      ...Array.from({ length: 2000 }, (_, i) => service(`s-${i}`, i % 100 === 0 ? 'nobody' : 'reviews')),
    ].join('---\n');
    const { diags } = runRule(serviceSelector, text);
    expect(diags.map((d) => d.resource)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Service default/s-${i * 100}`),
    );
  }, 60_000);
});
