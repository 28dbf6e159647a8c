import { describe, expect, it } from 'vitest';
import { derive } from '../../core/derive';
import { examples } from '../../examples/index';
import { filterGraph, NO_FILTER } from './filters';

const bookinfo = derive(examples.find((e) => e.slug === 'bookinfo-canary')?.text ?? '').graph;
const ids = (f: Partial<typeof NO_FILTER>) =>
  filterGraph(bookinfo, { ...NO_FILTER, ...f }).nodes.map((n) => n.id);

describe('filterGraph', () => {
  it('shows everything without a filter', () => {
    expect(filterGraph(bookinfo, NO_FILTER)).toBe(bookinfo);
  });

  it('keeps subsets with their DestinationRule and edges only between shown nodes', () => {
    const g = filterGraph(bookinfo, { ...NO_FILTER, kind: 'destinationrule' });
    expect(g.nodes.some((n) => n.kind === 'subset')).toBe(true);
    for (const n of g.nodes) if (n.parentId) expect(g.nodes.some((p) => p.id === n.parentId)).toBe(true);
    const shown = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
  });

  it('finds nodes by search text, and a matching subset brings its DestinationRule', () => {
    expect(ids({ search: 'reviews/v2' })).toEqual([
      'destinationrule:default/reviews',
      'subset:default/reviews/v2',
    ]);
  });

  it('focuses on a host: its VirtualService, DestinationRule, subsets and Deployments', () => {
    const focused = ids({ host: 'reviews.default.svc.cluster.local' });
    expect(focused).toContain('virtualservice:default/reviews');
    expect(focused).toContain('subset:default/reviews/v1');
    expect(focused.some((id) => id.startsWith('deployment:default/reviews'))).toBe(true);
    expect(focused.some((id) => id.includes('ratings'))).toBe(false);
  });
});
