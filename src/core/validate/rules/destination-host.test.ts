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

  describe('references to what is not in the text, and did you mean', () => {
    // A VirtualService alone, as a repository that keeps Services and DestinationRules in other files has it.
    const VS_ALONE = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-80-20.yaml');

    it('says once that a host is not in the text, listing its references and subsets, while it is part of a mesh', () => {
      const { diags, snippet } = runRule(destinationHost, VS_ALONE, { meshComplete: false });
      expect(diags).toHaveLength(1);
      const d = diags[0]!;
      expect(d.severity).toBe('info');
      expect(d.code).toBe('IST0101');
      expect(snippet(d)).toBe('reviews');
      expect(d.nodeId).toBe('missing:reviews.default.svc.cluster.local');
      expect(d.message).toMatch(
        /^Host "reviews" \(reviews\.default\.svc\.cluster\.local\) is not in this text/,
      );
      expect(d.message).toContain('subsets v1, v2');
      expect(d.message).toContain('Referenced 2 times');
      expect(d.related?.map((r) => r.path)).toEqual(['spec/http[0]/route[1]/destination/host']);
      expect(d.fixes?.map((f) => f.title)).toEqual(['Create Service reviews']);
    });

    it('reports each reference as an error when the text is the whole mesh (the default, as istioctl)', () => {
      for (const options of [{}, { meshComplete: true }]) {
        const { diags } = runRule(destinationHost, VS_ALONE, options);
        expect(diags.map((d) => `${d.severity} ${d.path}`)).toEqual([
          'error spec/http[0]/route[0]/destination/host',
          'error spec/http[0]/route[1]/destination/host',
        ]);
      }
    });

    it('lists a DestinationRule for the missing host among its references instead of a finding of its own', () => {
      const dr = corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml');
      const { diags } = runRule(destinationHost, `${VS_ALONE}\n---\n${dr}`, { meshComplete: false });
      expect(diags).toHaveLength(1);
      expect(diags[0]?.related?.map((r) => `${r.resource} ${r.path}`)).toEqual([
        'VirtualService default/reviews spec/http[0]/route[1]/destination/host',
        'DestinationRule default/reviews spec/host',
      ]);
    });

    it('offers "Change to `reviews`" first for a misspelt host, then "Create Service", keeping the quotes', () => {
      const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: front}
spec:
  hosts: [front]
  http:
  - route:
    - destination: {host: "reveiws"}`;
      for (const meshComplete of [true, false]) {
        const d = runRule(destinationHost, `${SVC}${vs}`, { meshComplete }).diags[0];
        expect(d?.fixes?.map((f) => f.title)).toEqual(['Change to `reviews`', 'Create Service reveiws']);
        expect(d?.fixes?.[0]?.edit).toMatchObject({ text: '"reviews"', replaces: '"reveiws"' });
        expect(d?.fixes?.[1]?.intent).toEqual({ type: 'addResource', kind: 'Service', name: 'reveiws' });
      }
    });

    it('keeps a host whose Service is in another namespace of the text an error, offering that namespace', () => {
      const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: travel}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews}`;
      const { diags } = runRule(destinationHost, `${SVC}${vs}`, { meshComplete: false });
      expect(diags.map((d) => d.severity)).toEqual(['error']);
      expect(diags[0]?.message).toContain('write `reviews.default` to reach it');
      expect(diags[0]?.fixes?.[0]?.edit).toMatchObject({ text: 'reviews.default', replaces: 'reviews' });
    });
  });
});
