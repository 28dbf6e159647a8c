import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { ignoredVirtualServices } from '../../envoy';
import { meshHostConflicts } from './mesh-host-conflicts';
import { corpus, runRule } from './testing';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const VS_V3 = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-v3.yaml');
const VS_80_20 = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-80-20.yaml');

/** A bookinfo VirtualService renamed, optionally with a creationTimestamp and exportTo. */
function vs(text: string, name: string, created?: string, exportTo?: string): string {
  const meta = `  name: ${name}\n${created ? `  creationTimestamp: "${created}"\n` : ''}`;
  const spec = exportTo ? `spec:\n  exportTo: ${exportTo}\n` : 'spec:\n';
  return text.replace('  name: reviews\n', meta).replace('spec:\n', spec);
}

function messages(...docs: string[]): Record<string, string> {
  const { diags } = runRule(meshHostConflicts, docs.join('\n---\n'));
  return Object.fromEntries(diags.map((d) => [d.resource ?? '', d.message]));
}

describe('IST0109 names the VirtualService a sidecar keeps, and why (sidecar-winner.ts)', () => {
  it('the older creationTimestamp wins, wherever it is in the text, as core/envoy builds the sidecar', () => {
    const docs = [
      vs(VS_80_20, 'reviews-new', '2024-05-01T00:00:00Z'),
      vs(VS_V3, 'reviews-old', '2020-01-01T00:00:00Z'),
    ];
    const m = messages(...docs);
    const sidecar = { kind: 'sidecar' as const, namespace: 'default', labels: {} };
    const envoy = ignoredVirtualServices(derive([BOOKINFO, ...docs].join('\n---\n')).model, sidecar);
    expect(envoy.map((i) => [i.virtualService, i.winner])).toEqual([
      ['default/reviews-new', 'default/reviews-old'],
    ]);
    expect(m['VirtualService default/reviews-new']).toContain(
      'Sidecars in namespace default keep VirtualService default/reviews-old for reviews.default.svc.cluster.local and ignore this one: default/reviews-old was created first (creationTimestamp 2020-01-01T00:00:00Z, before 2024-05-01T00:00:00Z).',
    );
    expect(m['VirtualService default/reviews-old']).toContain(
      'Sidecars in namespace default keep this one for reviews.default.svc.cluster.local and ignore default/reviews-new:',
    );
  });

  it('without timestamps the first in the text wins; one with a timestamp beats one without', () => {
    expect(
      messages(vs(VS_80_20, 'b-first'), vs(VS_V3, 'a-second'))['VirtualService default/a-second'],
    ).toContain(
      'keep VirtualService default/b-first for reviews.default.svc.cluster.local and ignore this one: neither has a creationTimestamp',
    );
    expect(
      messages(vs(VS_80_20, 'untimed'), vs(VS_V3, 'timed', '2024-01-01T00:00:00Z'))[
        'VirtualService default/untimed'
      ],
    ).toContain('keep VirtualService default/timed');
  });

  it('a private exportTo comes before a public one, whatever the creation order', () => {
    const m = messages(
      vs(VS_80_20, 'public', '2020-01-01T00:00:00Z'),
      vs(VS_V3, 'private', '2024-01-01T00:00:00Z', '["."]'),
    );
    expect(m['VirtualService default/public']).toContain('keep VirtualService default/private');
    expect(m['VirtualService default/public']).toContain('exported privately');
  });

  it('says nothing about a winner when the hosts only overlap by a wildcard', () => {
    const wild = vs(VS_V3, 'wild').replace('    - reviews\n', '    - "*.default.svc.cluster.local"\n');
    const m = messages(vs(VS_80_20, 'exact'), wild);
    expect(Object.keys(m)).toHaveLength(2);
    expect(Object.values(m).join('\n')).not.toContain('Sidecars in namespace');
  });
});
