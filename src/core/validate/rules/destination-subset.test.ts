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
        // A host with neither a rule nor a Service in the text is destination-host's finding, said once there.
        if (drs.length === 0 && !model.services.some((s) => s.fqdn === d.fqdn)) return [];
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
      fc.property(
        fc.array(dr, { maxLength: 8 }),
        fc.array(vs, { maxLength: 8 }),
        fc.boolean(),
        (drs, vss, svc) => {
          const text = [
            ...(svc
              ? [
                  'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec: {selector: {app: reviews}}\n',
                ]
              : []),
            ...drs.map((x, i) => drDoc(`dr-${i}`, x.host, x.subsets)),
            ...vss.map((x, i) => vsDoc(`vs-${i}`, x.routes, x.mirror)),
          ]
            .map((x) => `---\n${x}`)
            .join('');
          const d = derive(text);
          const fast = destinationSubset(d).map((x) => {
            const intent = x.fixes?.find((f) => f.intent)?.intent;
            const fix = intent?.type === 'addSubset' ? `addSubset ${intent.drRef}` : (intent?.type ?? '');
            return `${x.resource} ${x.path} ${fix}`;
          });
          expect(fast).toEqual(bruteForce(d.model));
        },
      ),
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

  describe('did you mean, and references to what is not in the text', () => {
    const vsTo = (subsets: string[]) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
${subsets.map((x) => `    - destination: {host: reviews, subset: ${x}}`).join('\n')}`;
    const apply = (text: string, e: { start: number; end: number; text: string }) =>
      text.slice(0, e.start) + e.text + text.slice(e.end);

    it('offers "Change to `v2`" first for `subset: V2`, then adding the subset; the change clears the finding', () => {
      const text = `${BOOKINFO}\n---\n${DR_ALL}\n---\n${vsTo(['V2'])}`;
      const { diags, snippet } = runRule(destinationSubset, text);
      expect(diags).toHaveLength(1);
      const d = diags[0]!;
      expect(d.severity).toBe('error');
      expect(snippet(d)).toBe('V2');
      expect(d.fixes?.map((f) => f.title)).toEqual([
        'Change to `v2`',
        'Add subset "V2" to DestinationRule default/reviews',
      ]);
      const edit = d.fixes?.[0]?.edit;
      expect(edit).toMatchObject({ text: 'v2', replaces: 'V2' });
      expect(runRule(destinationSubset, apply(text, edit!)).diags).toEqual([]);
    });

    it('keeps the quoting of the subset it changes', () => {
      const text = `${DR_ALL}\n---\n${vsTo(['"V2"'])}`;
      const edit = runRule(destinationSubset, text).diags[0]?.fixes?.[0]?.edit;
      expect(edit).toMatchObject({ text: '"v2"', replaces: '"V2"' });
      expect(apply(text, edit!)).toContain('subset: "v2"}');
    });

    it('offers no change when no subset is close (v9 among v1, v2, v3)', () => {
      const d = runRule(destinationSubset, `${DR_ALL}\n---\n${vsTo(['v9'])}`).diags[0];
      expect(d?.fixes?.map((f) => f.title)).toEqual(['Add subset "v9" to DestinationRule default/reviews']);
    });

    it('keeps a subset missing from a DestinationRule in the text an error when the text is part of a mesh', () => {
      const { diags } = runRule(destinationSubset, `${DR_ALL}\n---\n${vsTo(['v9'])}`, {
        meshComplete: false,
      });
      expect(diags.map((d) => `${d.severity} ${d.path}`)).toEqual([
        'error spec/http[0]/route[0]/destination/subset',
      ]);
    });

    it('says once that the DestinationRule of a Service in the text is not in it, listing every subset asked', () => {
      const text = `${BOOKINFO}\n---\n${vsTo(['v1', 'v2', 'v1'])}`;
      const partial = runRule(destinationSubset, text, { meshComplete: false });
      expect(partial.diags).toHaveLength(1);
      const d = partial.diags[0]!;
      expect(d.severity).toBe('info');
      expect(d.message).toContain(
        'No DestinationRule for host reviews.default.svc.cluster.local is in this text',
      );
      expect(d.message).toContain('subsets v1, v2');
      expect(d.related?.map((r) => r.path)).toEqual([
        'spec/http[0]/route[1]/destination/subset',
        'spec/http[0]/route[2]/destination/subset',
      ]);
      expect(partial.snippet({ ...d, range: d.related![0]!.range })).toBe('v2');
      expect(d.fixes?.[0]?.intent).toMatchObject({
        type: 'createDestinationRule',
        subsets: [
          { name: 'v1', labels: { version: 'v1' } },
          { name: 'v2', labels: { version: 'v2' } },
        ],
      });
      // The whole mesh: an error at each reference, as istioctl reports them.
      const complete = runRule(destinationSubset, text, { meshComplete: true }).diags;
      expect(complete.map((x) => x.severity)).toEqual(['error', 'error', 'error']);
    });

    it('leaves a host with nothing in the text to the host check, so it is reported once', () => {
      for (const meshComplete of [true, false]) {
        expect(runRule(destinationSubset, vsTo(['v1', 'v2']), { meshComplete }).diags).toEqual([]);
      }
    });
  });
});
