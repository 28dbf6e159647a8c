import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { hostMatches } from '../../model/hosts';
import type { MeshModel } from '../../model/types';
import { destinationSubset } from './destination-subset';
import { corpus, runRule, summary } from './testing';

const drDoc = (name: string, host: string, subsets: readonly string[]) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}}
spec:
  host: "${host}"
  subsets: ${JSON.stringify(subsets.map((s) => ({ name: s, labels: { version: s } })))}
`;

const vsDoc = (
  name: string,
  routes: readonly { host: string; subset: string }[],
  mirror?: { host: string; subset: string },
) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}}
spec:
  hosts: [${name}]
  http:
  - route: ${JSON.stringify(routes.map((d) => ({ destination: d })))}${mirror ? `\n    mirror: ${JSON.stringify(mirror)}` : ''}
`;

/** IST0101 subset findings by brute force: every rule of the text tried against every destination. */
function bruteForce(model: MeshModel): string[] {
  return model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) =>
      [
        ...r.destinations.map((d) => ({
          d,
          path: `spec/http[${r.index}]/route[${d.index}]/destination/subset`,
        })),
        ...(r.mirror ? [{ d: r.mirror, path: `spec/http[${r.index}]/mirror/subset` }] : []),
      ].flatMap(({ d, path }) => {
        if (d.subset === undefined || d.host === '') return [];
        const drs = model.destinationRules.filter((dr) => hostMatches(dr.fqdn, d.fqdn));
        if (drs.some((dr) => dr.subsets.some((s) => s.name === d.subset))) return [];
        // The fix goes to an exact-host rule first, else the first wildcard one.
        const target = drs.find((dr) => dr.fqdn === d.fqdn) ?? drs[0];
        return [`${vs.ref} ${path} ${target ? `addSubset ${target.ref}` : 'createDestinationRule'}`];
      }),
    ),
  );
}

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const DR_ALL = corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml');

describe('destinationSubset (IST0101 subset)', () => {
  it('reports the Istio test data findings at the subset value', () => {
    const found = summary(
      destinationSubset,
      corpus('istio-analyzer-testdata/virtualservice_destinationrules.yaml'),
    );
    expect(found).toEqual([
      'IST0101 VirtualService default/reviews-bogussubset spec/http[0]/route[0]/destination/subset «bogus»',
      'IST0101 VirtualService default/reviews-mirror-bogussubset spec/http[0]/mirror/subset «bogus»',
    ]);
  });

  it('says which subsets exist and offers addSubset with the version label', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v4}`;
    const { diags, snippet } = runRule(destinationSubset, `${BOOKINFO}\n---\n${DR_ALL}\n---\n${vs}`);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(snippet(d)).toBe('v4');
    expect(d.edgeId).toBe('route:default/reviews/http/0/0');
    expect(d.message).toBe(
      'Subset "v4" is not defined by any DestinationRule for host reviews.default.svc.cluster.local (defined: v1, v2, v3). Add it to DestinationRule default/reviews or use one of those.',
    );
    expect(d.fixes?.[0]?.intent).toEqual({
      type: 'addSubset',
      drRef: 'DestinationRule default/reviews',
      name: 'v4',
      labels: { version: 'v4' },
    });
  });

  it('offers createDestinationRule when the host has no DestinationRule', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v2}`;
    const { diags } = runRule(destinationSubset, `${BOOKINFO}\n---\n${vs}`);
    expect(diags.map((d) => d.fixes?.[0]?.intent)).toEqual([
      {
        type: 'createDestinationRule',
        namespace: 'default',
        name: 'reviews',
        host: 'reviews',
        subsets: [{ name: 'v2', labels: { version: 'v2' } }],
      },
    ]);
  });

  it('accepts every bookinfo virtual service with destination-rule-all', () => {
    const vs = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-jason-v2-v3.yaml');
    expect(summary(destinationSubset, `${DR_ALL}\n---\n${vs}`)).toEqual([]);
  });

  it('agrees with trying every DestinationRule for every destination, on random hosts and subsets', () => {
    const HOSTS = [
      'reviews',
      'ratings',
      'reviews.default.svc.cluster.local',
      '*.default.svc.cluster.local',
      '*',
      'a.example.com',
      '*.example.com',
    ];
    const dest = fc.record({
      host: fc.constantFrom(...HOSTS.filter((h) => !h.startsWith('*')), ''),
      subset: fc.constantFrom('v1', 'v2', 'v3'),
    });
    const dr = fc.record({ host: fc.constantFrom(...HOSTS), subsets: fc.subarray(['v1', 'v2', 'v3']) });
    const vs = fc.record({
      routes: fc.array(dest, { minLength: 1, maxLength: 3 }),
      mirror: fc.option(dest, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(dr, { maxLength: 8 }), fc.array(vs, { maxLength: 8 }), (drs, vss) => {
        const text = [
          ...drs.map((x, i) => drDoc(`dr-${i}`, x.host, x.subsets)),
          ...vss.map((x, i) => vsDoc(`vs-${i}`, x.routes, x.mirror)),
        ]
          .map((x) => `---\n${x}`)
          .join('');
        const d = derive(text);
        const fast = destinationSubset(d).map((x) => {
          const intent = x.fixes?.[0]?.intent;
          const fix = intent?.type === 'addSubset' ? `addSubset ${intent.drRef}` : (intent?.type ?? '');
          return `${x.resource} ${x.path} ${fix}`;
        });
        expect(fast).toEqual(bruteForce(d.model));
      }),
      { seed: 20261124, numRuns: 200 },
    );
  }, 60_000);

  it('flags exactly the 200 of 2,000 VirtualServices routing to a subset their host lacks', () => {
    const vss = Array.from({ length: 2000 }, (_, i) =>
      vsDoc(
        `front-${i}`,
        i % 10 === 9
          ? [{ host: 'reviews', subset: 'v4' }]
          : [
              { host: 'reviews', subset: 'v1' },
              { host: 'reviews', subset: 'v2' },
            ],
      ),
    );
    const text = [BOOKINFO, DR_ALL, ...vss].join('\n---\n');
    const { diags, snippet } = runRule(destinationSubset, text);
    expect(diags).toHaveLength(200);
    expect(diags.map((d) => d.resource)).toEqual(
      Array.from({ length: 200 }, (_, i) => `VirtualService default/front-${i * 10 + 9}`),
    );
    expect(
      diags.every(
        (d) =>
          snippet(d) === '"v4"' &&
          d.fixes?.[0]?.title === 'Add subset "v4" to DestinationRule default/reviews',
      ),
    ).toBe(true);
  }, 60_000);

  it('names five of 2,000 DestinationRules of a host and counts the rest', () => {
    const drs = Array.from({ length: 2000 }, (_, i) => drDoc(`d-${i}`, 'reviews', [`s-${i}`]));
    const text = [...drs, vsDoc('front', [{ host: 'reviews', subset: 'missing' }])].join('\n---\n');
    const { diags } = runRule(destinationSubset, text);
    expect(diags.map((d) => d.message)).toEqual([
      'Subset "missing" is not defined by any DestinationRule for host reviews.default.svc.cluster.local (defined: s-0, s-1, s-2, s-3, s-4 and 1,995 more). Add it to DestinationRule default/d-0 or default/d-1 or default/d-2 or default/d-3 or default/d-4 (or 1,995 others) or use one of those.',
    ]);
  }, 60_000);
});
