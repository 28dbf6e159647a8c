import { describe, expect, it } from 'vitest';
import { destinationSubset } from './destination-subset';
import { subsetClusterMissing } from './subset-cluster-missing';
import { corpus, runRule, summary } from './testing';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const VS_80_20 = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-80-20.yaml');
const DR = corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml');

/** Bookinfo's reviews DestinationRule, moved to `ns` (host written in full so it still names reviews.default). */
function drIn(ns: string, extra = ''): string {
  return DR.replace('  name: reviews\n', `  name: reviews\n  namespace: ${ns}\n`).replace(
    '  host: reviews\n',
    `  host: reviews.default.svc.cluster.local\n${extra}`,
  );
}

const text = (...docs: string[]) => docs.join('\n---\n');
// As `kubectl apply -n default`: otherwise the one namespace the text names (team-a) would be the default.
const NS = { defaultNamespace: 'default' } as const;

describe('ITS0130 subset-cluster-missing (503 NC: the subset is not in the DestinationRule istiod picks)', () => {
  it('reports a subset defined only by a DestinationRule in another namespace, at the subset scalar', () => {
    const t = text(BOOKINFO, VS_80_20, drIn('team-a'));
    expect(summary(subsetClusterMissing, t, NS)).toEqual([
      'ITS0130 VirtualService default/reviews spec/http[0]/route[0]/destination/subset «v1»',
      'ITS0130 VirtualService default/reviews spec/http[0]/route[1]/destination/subset «v2»',
    ]);
    const [d] = runRule(subsetClusterMissing, t, NS).diags;
    expect(d?.severity).toBe('error');
    expect(d?.message).toContain('outbound|9080|v1|reviews.default.svc.cluster.local');
    expect(d?.message).toContain('DestinationRule team-a/reviews');
    expect(d?.message).toContain('namespace default');
    expect(d?.edgeId).toBe('route:default/reviews/http/0/0');
    // IST0101 sees a DestinationRule that defines v1 and v2, so only this rule says it.
    expect(summary(destinationSubset, t, NS)).toEqual([]);
  });

  it('is a warning while the text is part of a mesh and no rule of the text applies', () => {
    const { diags } = runRule(subsetClusterMissing, text(BOOKINFO, VS_80_20, drIn('team-a')), {
      ...NS,
      meshComplete: false,
    });
    expect(diags.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('reports when the proxy namespace has its own rule for the host without the subset, even in part of a mesh', () => {
    const own = text(
      BOOKINFO,
      VS_80_20,
      DR.replace('  - name: v1\n    labels:\n      version: v1\n', '').replace(
        'name: reviews\n',
        'name: reviews-own\n',
      ),
      drIn('team-a'),
    );
    // The own rule (default) lacks v1; v2 is defined by it.
    const { diags, snippet } = runRule(subsetClusterMissing, own, { ...NS, meshComplete: false });
    expect(diags.map(snippet)).toEqual(['v1']);
    expect(diags[0]?.severity).toBe('error');
    expect(diags[0]?.message).toContain('they use DestinationRule default/reviews-own');
  });

  it('reports a mirror to such a subset at the mirror subset', () => {
    const mirrored = VS_80_20.replace(
      '      weight: 20\n',
      '      weight: 20\n    mirror:\n      host: reviews\n      subset: v3\n',
    );
    const found = summary(subsetClusterMissing, text(BOOKINFO, mirrored, drIn('team-a')), NS);
    expect(found).toContain('ITS0130 VirtualService default/reviews spec/http[0]/mirror/subset «v3»');
    expect(found).toHaveLength(3);
  });

  it('a private DestinationRule of another namespace is not used either', () => {
    const t = text(BOOKINFO, VS_80_20, drIn('team-a', '  exportTo: ["."]\n'));
    expect(runRule(subsetClusterMissing, t, NS).diags).toHaveLength(2);
  });

  it('accepts the rule in the same namespace, in the service namespace, or in the root namespace', () => {
    expect(summary(subsetClusterMissing, text(BOOKINFO, VS_80_20, DR), NS)).toEqual([]);
    expect(summary(subsetClusterMissing, text(BOOKINFO, VS_80_20, drIn('istio-system')), NS)).toEqual([]);
    const vsElsewhere = VS_80_20.replace('  name: reviews\n', '  name: reviews\n  namespace: web\n').replace(
      /host: reviews\n/g,
      'host: reviews.default.svc.cluster.local\n',
    );
    expect(summary(subsetClusterMissing, text(BOOKINFO, vsElsewhere, DR), NS)).toEqual([]);
  });

  it('leaves a subset no DestinationRule defines to IST0101', () => {
    const t = text(BOOKINFO, VS_80_20.replace('subset: v2', 'subset: v9'), drIn('team-a'));
    expect(summary(subsetClusterMissing, t, NS).map((s) => s.split(' «')[1])).toEqual(['v1»']);
  });
});
