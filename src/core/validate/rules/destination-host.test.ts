import { describe, expect, it } from 'vitest';
import { destinationHost } from './destination-host';
import { corpus, runRule, summary } from './testing';

const SVC = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec:
  ports:
  - {port: 9080, name: http}
  selector: {app: reviews}
---
`;

describe('destinationHost (IST0101 host/port, IST0112)', () => {
  it('reports the Istio test data findings at the host, port and destination nodes', () => {
    const text = corpus('istio-analyzer-testdata/virtualservice_destinationhosts.yaml');
    const found = summary(destinationHost, text);
    expect(found).toContain(
      'IST0101 VirtualService default/reviews-bogushost spec/http[0]/route[1]/destination/host «reviews-bogus»',
    );
    expect(found).toContain(
      'IST0101 VirtualService default/reviews-bogushost spec/http[0]/route[0]/destination «{}»',
    );
    expect(found).toContain(
      'IST0101 VirtualService default/reviews-bogusport spec/http[0]/route[0]/destination/port/number «999»',
    );
    expect(found).toContain(
      'IST0101 VirtualService default/reviews-mirror-bogushost spec/http[0]/mirror/host «reviews-bogus»',
    );
    expect(found).toContain(
      'IST0112 VirtualService default/reviews-2port-missing spec/http[0]/route[0]/destination «destination»',
    );
    // Service exported only to "banana" is not visible from istio-system.
    expect(found.some((f) => f.includes('istio-system/cross-namespace-details'))).toBe(true);
    expect(found.some((f) => f.includes('banana/banana-details'))).toBe(false);
    // ServiceEntry wildcard and exported SE resolve.
    expect(found.some((f) => f.includes('reviews-bookinfo-eu'))).toBe(false);
    expect(found.some((f) => f.includes('vs-to-extporto-serviceentry'))).toBe(false);
    expect(found.some((f) => f.includes('reviews-2port-present'))).toBe(false);
  });

  it('sets the route edge id so the canvas badges the edge', () => {
    const { diags } = runRule(
      destinationHost,
      `${SVC}apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews}
      weight: 50
    - destination: {host: nope}
      weight: 50`,
    );
    expect(diags.map((d) => [d.code, d.edgeId])).toEqual([['IST0101', 'route:default/r/http/0/1']]);
  });

  it('accepts short, FQDN and cross-namespace FQDN hosts of existing Services', () => {
    const text = `${SVC}apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: default}
spec:
  hosts: [reviews]
  tcp:
  - route:
    - destination: {host: reviews.default.svc.cluster.local, port: {number: 9080}}
  http:
  - route:
    - destination: {host: reviews}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: other}
spec:
  hosts: [x]
  tls:
  - match: [{sniHosts: [x]}]
    route:
    - destination: {host: reviews.default.svc.cluster.local}`;
    expect(summary(destinationHost, text)).toEqual([]);
  });
});
