import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { hostsOverlap } from '../../model/hosts';
import type { MeshModel, VirtualService } from '../../model/types';
import { meshHostConflicts } from './mesh-host-conflicts';
import { corpus, runRule, summary } from './testing';
import { boundToMesh } from './util';

interface VsSpec {
  name: string;
  ns: string;
  hosts: readonly string[];
  exportTo?: readonly string[] | undefined;
  gateways?: readonly string[] | undefined;
}

const vsDoc = (v: VsSpec) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${v.name}, namespace: ${v.ns}}
spec:
  hosts: ${JSON.stringify(v.hosts)}${v.exportTo ? `\n  exportTo: ${JSON.stringify(v.exportTo)}` : ''}${v.gateways ? `\n  gateways: ${JSON.stringify(v.gateways)}` : ''}
  http:
  - route:
    - destination: {host: reviews}
`;
const textOf = (specs: VsSpec[]) => specs.map((v) => `---\n${vsDoc(v)}`).join('');

const TAIL =
  'for the mesh; sidecars will use only one of them. Merge their routes into one VirtualService, or limit one with `exportTo`.';

/** The message for `others` as documented: every name up to six, else five and a count. */
function expectedMessage(host: string, others: string[]): string {
  if (others.length <= 6)
    return `Host ${host} is also claimed by VirtualService ${others.join(', ')} ${TAIL}`;
  const n = (x: number) => x.toLocaleString('en-US');
  return `Host ${host} is also claimed by ${n(others.length)} other VirtualServices (${others.slice(0, 5).join(', ')} and ${n(others.length - 5)} more) ${TAIL}`;
}

/** IST0109 by brute force, every pair compared: the reference the grouped rule must agree with. */
function bruteForce(model: MeshModel): { resource: string; path: string; message: string }[] {
  const bound = model.virtualServices.filter(boundToMesh);
  const scope = (vs: VirtualService) =>
    vs.exportTo.length === 0 || vs.exportTo.includes('*')
      ? undefined
      : new Set(vs.exportTo.map((e) => (e === '.' ? vs.namespace : e)));
  const meet = (a: Set<string> | undefined, b: Set<string> | undefined) =>
    !a || !b || [...a].some((ns) => b.has(ns));
  return bound.flatMap((a) =>
    a.fqdns.flatMap((host, hi) => {
      const others = bound.filter(
        (b) => b !== a && meet(scope(a), scope(b)) && b.fqdns.some((h) => hostsOverlap(h, host)),
      );
      if (others.length === 0) return [];
      const names = others.map((b) => `${b.namespace}/${b.name}`);
      return [{ resource: a.ref, path: `spec/hosts[${hi}]`, message: expectedMessage(host, names) }];
    }),
  );
}

const fast = (text: string) => diagsOf(derive(text));
const withoutNote = (m: string) => m.replace(/ Sidecars in namespace .*$/, '');

function diagsOf(
  d: ReturnType<typeof derive>,
): { resource: string | undefined; path: string; message: string }[] {
  // The sentence naming the sidecar's winner (sidecar-winner.ts, tested there) is not part of the pair count.
  return meshHostConflicts(d).map((x) => ({
    resource: x.resource,
    path: x.path,
    message: withoutNote(x.message),
  }));
}

describe('meshHostConflicts (IST0109)', () => {
  it('reports each mesh-bound VirtualService claiming a host another one claims, honouring exportTo', () => {
    const found = summary(
      meshHostConflicts,
      corpus('istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts.yaml'),
    );
    expect(found).toEqual([
      'IST0109 VirtualService foo/productpage spec/hosts[0] «productpage»',
      'IST0109 VirtualService foo/bogus-productpage spec/hosts[0] «productpage»',
      'IST0109 VirtualService foo/ratings spec/hosts[0] «ratings»',
      'IST0109 VirtualService bar/ratings spec/hosts[0] «ratings.foo.svc.cluster.local»',
      'IST0109 VirtualService bar/ratings spec/hosts[1] «google.com»',
      'IST0109 VirtualService team2/ratings spec/hosts[1] «google.com»',
      'IST0109 VirtualService team3/ratings spec/hosts[0] «ratings»',
      'IST0109 VirtualService team4/ratings spec/hosts[0] «ratings.team3.svc.cluster.local»',
    ]);
  });

  it('accepts one VirtualService per host (bookinfo all-v1)', () => {
    expect(
      summary(meshHostConflicts, corpus('istio/samples/bookinfo/networking/virtual-service-all-v1.yaml')),
    ).toEqual([]);
  });

  it('agrees with comparing every pair, on random hosts, wildcards, exportTo and gateways', () => {
    const spec = fc.record({
      ns: fc.constantFrom('default', 'a', 'b'),
      hosts: fc.subarray(
        [
          'reviews',
          'reviews.a.svc.cluster.local',
          '*.svc.cluster.local',
          '*',
          'x.example.com',
          '*.example.com',
          '*.com',
        ],
        { minLength: 1, maxLength: 3 },
      ),
      exportTo: fc.constantFrom(undefined, ['.'], ['*'], ['a'], ['.', 'b'], ['~']),
      gateways: fc.constantFrom(undefined, ['mesh'], ['gw'], ['mesh', 'gw']),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 24 }), (specs) => {
        const d = derive(textOf(specs.map((s, i) => ({ ...s, name: `vs-${i}` }))));
        expect(diagsOf(d)).toEqual(bruteForce(d.model));
      }),
      { seed: 20261124, numRuns: 200 },
    );
  }, 60_000);

  it('gives 3,000 VirtualServices on one host one diagnostic each, naming five peers and counting the rest', () => {
    const specs = Array.from({ length: 3000 }, (_, i) => ({
      name: `reviews-${i}`,
      ns: 'default',
      hosts: ['reviews'],
    }));
    const diags = runRule(meshHostConflicts, textOf(specs)).diags;
    expect(diags).toHaveLength(3000);
    expect(new Set(diags.map((d) => d.resource)).size).toBe(3000);
    expect(diags.every((d) => d.path === 'spec/hosts[0]')).toBe(true);
    expect(withoutNote(diags[0]?.message ?? '')).toBe(
      'Host reviews.default.svc.cluster.local is also claimed by 2,999 other VirtualServices (default/reviews-1, default/reviews-2, default/reviews-3, default/reviews-4, default/reviews-5 and 2,994 more) for the mesh; sidecars will use only one of them. Merge their routes into one VirtualService, or limit one with `exportTo`.',
    );
    expect(diags[2999]?.message).toContain(
      '(default/reviews-0, default/reviews-1, default/reviews-2, default/reviews-3, default/reviews-4 and 2,994 more)',
    );
    expect(Math.max(...diags.map((d) => withoutNote(d.message).length))).toBeLessThan(400);
    // The winner sentence names one VirtualService (the first in text order: none has a creationTimestamp).
    expect(diags[0]?.message).toContain(
      'Sidecars in namespace default keep this one for reviews.default.svc.cluster.local and ignore default/reviews-1 and the others',
    );
    expect(diags[2999]?.message).toContain('keep VirtualService default/reviews-0');
    expect(Math.max(...diags.map((d) => d.message.length))).toBeLessThan(700);
  }, 60_000);

  it('keeps exportTo apart at scale: 2,000 namespaces exporting to themselves do not conflict, a shared one does', () => {
    const host = 'reviews.default.svc.cluster.local';
    const own = Array.from({ length: 2000 }, (_, i) => ({
      name: 'r',
      ns: `team-${i}`,
      hosts: [host],
      exportTo: ['.'],
    }));
    expect(fast(textOf(own))).toEqual([]);
    const shared = own.map((s) => ({ ...s, exportTo: ['.', 'shared'] }));
    const diags = fast(textOf(shared));
    expect(diags).toHaveLength(2000);
    expect(diags.every((d) => d.message.includes('claimed by 1,999 other VirtualServices'))).toBe(true);
  }, 60_000);

  it('counts a wildcard against the 1,000 hosts it covers, and each of them against the wildcard', () => {
    const specs = [
      { name: 'wild', ns: 'default', hosts: ['*.example.com'] },
      ...Array.from({ length: 1000 }, (_, i) => ({
        name: `s-${i}`,
        ns: 'default',
        hosts: [`s-${i}.example.com`],
      })),
    ];
    const diags = fast(textOf(specs));
    expect(diags).toHaveLength(1001);
    expect(diags[0]?.message).toContain('claimed by 1,000 other VirtualServices (default/s-0,');
    expect(diags[1]?.message).toBe(expectedMessage('s-0.example.com', ['default/wild']));
  }, 60_000);
});
