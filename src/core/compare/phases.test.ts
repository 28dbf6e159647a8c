import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { BOOKINFO, derived, fixture } from './fixtures.test-helper';
import { compare } from './index';

const DR_ALL = fixture('destination-rule-all.yaml');
const VS_80_20 = fixture('virtual-service-reviews-80-20.yaml');
const subsetsOf = (yaml: string, name: string): unknown =>
  parseAllDocuments(yaml)
    .map((d) => d.toJS() as { metadata: { name: string }; spec: { subsets: { name: string }[] } })
    .find((d) => d.metadata.name === name)
    ?.spec.subsets.map((s) => s.name);

describe('make-before-break phases', () => {
  // reviews: v1/v2 → v1/v4 (v2 renamed away, v4 new) while the route moves from v2 to v4.
  const headDr = DR_ALL.replace(
    '  - name: v2\n    labels:\n      version: v2\n  - name: v3',
    '  - name: v4\n    labels:\n      version: v4\n  - name: v3',
  );
  const headVs = VS_80_20.replace('subset: v2', 'subset: v4');
  const base = derive([fixture('bookinfo.yaml'), DR_ALL, VS_80_20].join('\n---\n'));
  const head = derive([fixture('bookinfo.yaml'), headDr, headVs].join('\n---\n'));
  const c = compare(base, head);

  it('a DestinationRule that adds and removes subsets is applied with the union first, its final form last', () => {
    expect(headDr).not.toBe(DR_ALL);
    expect(c.phases.map((p) => [p.index, p.apply, p.delete])).toEqual([
      [1, ['DestinationRule default/reviews'], []],
      [2, ['VirtualService default/reviews'], []],
      [3, ['DestinationRule default/reviews'], []],
    ]);
    expect(subsetsOf(c.phases[0]!.yaml, 'reviews')).toEqual(['v1', 'v4', 'v3', 'v2']);
    expect(subsetsOf(c.phases[2]!.yaml, 'reviews')).toEqual(['v1', 'v4', 'v3']);
  });

  it('phase 2 keeps the head document text byte for byte', () => {
    expect(c.phases[1]?.yaml).toBe(headVs);
  });

  it('no risk: the route moves to v4 in the same change that adds it', () => {
    expect(c.risk).toBe(false);
    expect(c.meanings.filter((m) => m.kind.startsWith('subset-')).map((m) => m.text)).toEqual([
      'reviews: subset v4 added',
      'reviews: subset v2 removed',
    ]);
  });

  it('deleted resources are kubectl delete commands in phase 3, routes before what they point at', () => {
    const h = derived('bookinfo.yaml');
    const d = compare(derived(...BOOKINFO, 'virtual-service-reviews-80-20.yaml'), h);
    const last = d.phases[d.phases.length - 1];
    expect(d.phases.map((p) => p.index)).toEqual([3]);
    expect(last?.yaml).toBe('');
    expect(last?.commands[0]).toBe('kubectl delete virtualservice reviews -n default');
    expect(last?.commands).toContain('kubectl delete destinationrule ratings -n default');
    expect(last?.commands).toHaveLength(5);
  });

  it('new resources are phase 1, in head text order', () => {
    const d = compare(derived('bookinfo.yaml'), derived(...BOOKINFO));
    expect(d.phases.map((p) => [p.index, p.apply])).toEqual([
      [
        1,
        [
          'DestinationRule default/productpage',
          'DestinationRule default/reviews',
          'DestinationRule default/ratings',
          'DestinationRule default/details',
        ],
      ],
    ]);
    expect(parseAllDocuments(d.phases[0]!.yaml)).toHaveLength(4);
  });
});
