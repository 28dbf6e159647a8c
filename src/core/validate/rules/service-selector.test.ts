import { describe, expect, it } from 'vitest';
import { serviceSelector } from './service-selector';
import { corpus, summary } from './testing';

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
});
