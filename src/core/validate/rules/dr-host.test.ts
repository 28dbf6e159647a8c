import { describe, expect, it } from 'vitest';
import { drHost } from './dr-host';
import { corpus, summary } from './testing';

describe('drHost (IST0174)', () => {
  it('reports a DestinationRule whose host matches nothing, at the host', () => {
    expect(summary(drHost, corpus('istio-analyzer-testdata/destinationrule-with-fake-host.yaml'))).toEqual([
      'IST0174 DestinationRule default/fake-host spec/host «fake-svc.default.svc.cluster.local»',
    ]);
  });

  it('accepts hosts of Services and ServiceEntries', () => {
    const text = `${corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml')}
---
${corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')}
---
${corpus('istio/samples/bookinfo/networking/egress-rule-google-apis.yaml')}`;
    expect(summary(drHost, text)).toEqual([]);
  });
});
