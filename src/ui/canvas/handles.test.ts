import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../core/derive';
import { layoutGraph } from '../../core/graph/layout';
import { HANDLE_SIZE, handlesOf } from './handles';

const g = derive(readFileSync('src/examples/bookinfo-canary.yaml', 'utf8')).graph;
const node = (id: string) => {
  const n = g.nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no ${id}`);
  return n;
};

describe('handles', () => {
  it('keep a DestinationRule’s own handles well apart from its subsets’ (they were 5 px apart)', () => {
    const pos = layoutGraph(g);
    const dr = node('destinationrule:default/reviews');
    const drIn = handlesOf(dr).find((h) => h.id === 'in');
    const v1 = node('subset:default/reviews/v1');
    const v1In = handlesOf(v1).find((h) => h.id === 'in');
    const off = pos.get(v1.id) ?? { x: 0, y: 0 };
    if (!drIn || !v1In) throw new Error('handles missing');
    const dist = Math.hypot(off.x + v1In.x - drIn.x, off.y + v1In.y - drIn.y);
    expect(dist).toBeGreaterThanOrEqual(3 * HANDLE_SIZE);
  });
  it('give each route row of a VirtualService its own handle, one row apart, on the right border', () => {
    const vs = node('virtualservice:default/reviews');
    const rows = handlesOf(vs).filter((h) => h.type === 'source');
    expect(rows.map((h) => h.id)).toEqual(['http-0', 'new-route']);
    expect((rows[1]?.y ?? 0) - (rows[0]?.y ?? 0)).toBeGreaterThanOrEqual(HANDLE_SIZE * 2);
    for (const h of rows) expect((h.x ?? 0) + HANDLE_SIZE / 2).toBe(vs.width);
  });
});
