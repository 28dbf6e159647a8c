import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import type { GraphNode } from './types';

const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const VS_80_20 = read('networking/virtual-service-reviews-80-20.yaml');
const DR_ALL = read('networking/destination-rule-all.yaml');
const BOOKINFO = read('platform/kube/bookinfo.yaml');

const missingNodes = (text: string, meshComplete: boolean) =>
  derive(text, { meshComplete })
    .graph.nodes.filter((n): n is Extract<GraphNode, { kind: 'missing' }> => n.kind === 'missing')
    .map((n) => `${n.id} ${n.elsewhere ? 'elsewhere' : 'missing'}: ${n.reason}`);

describe('missing nodes', () => {
  it('draws one "not in this text" node for a host nothing in the text stands for, while it is part of a mesh', () => {
    expect(missingNodes(VS_80_20, false)).toEqual([
      'missing:reviews.default.svc.cluster.local elsewhere: Not in this text: the Service or ServiceEntry for host reviews',
    ]);
    const edges = derive(VS_80_20, { meshComplete: false }).graph.edges;
    expect(edges.map((e) => e.target)).toEqual([
      'missing:reviews.default.svc.cluster.local',
      'missing:reviews.default.svc.cluster.local',
    ]);
  });

  it('draws each missing subset in red when the text is the whole mesh', () => {
    expect(missingNodes(VS_80_20, true)).toEqual([
      'missing:reviews.default.svc.cluster.local/v1 missing: No DestinationRule for reviews defines subset "v1"',
      'missing:reviews.default.svc.cluster.local/v2 missing: No DestinationRule for reviews defines subset "v2"',
    ]);
  });

  it('keeps a subset a DestinationRule in the text lacks red either way', () => {
    const vs = VS_80_20.replace('subset: v2', 'subset: v9');
    for (const meshComplete of [true, false]) {
      expect(missingNodes(`${BOOKINFO}\n---\n${DR_ALL}\n---\n${vs}`, meshComplete)).toEqual([
        'missing:reviews.default.svc.cluster.local/v9 missing: No DestinationRule for reviews defines subset "v9"',
      ]);
    }
  });

  it('marks the DestinationRule of a Service in the text as elsewhere, per subset', () => {
    expect(missingNodes(`${BOOKINFO}\n---\n${VS_80_20}`, false)).toEqual([
      'missing:reviews.default.svc.cluster.local/v1 elsewhere: Not in this text: the DestinationRule for reviews (subset "v1")',
      'missing:reviews.default.svc.cluster.local/v2 elsewhere: Not in this text: the DestinationRule for reviews (subset "v2")',
    ]);
  });

  it('marks a gateway not in the text as elsewhere', () => {
    const vs = read('networking/bookinfo-gateway.yaml').split('---\n')[1] ?? '';
    expect(vs).toContain('kind: VirtualService');
    expect(missingNodes(vs, false)[0]).toBe(
      'missing:gateway default/bookinfo-gateway elsewhere: Not in this text: Gateway default/bookinfo-gateway',
    );
    expect(missingNodes(vs, true)[0]).toBe(
      'missing:gateway default/bookinfo-gateway missing: No Gateway default/bookinfo-gateway',
    );
  });
});
