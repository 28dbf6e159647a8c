import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unionGraphs } from '../../core/compare/graph-union';
import { derive } from '../../core/derive';
import { placeIncrementally } from '../../core/graph/layout';
import { toFlow } from '../canvas/to-flow';

// Istio's bookinfo samples (Apache-2.0, see test/fixtures/corpus/README.md).
const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo/networking');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const DR_ALL = read('destination-rule-all.yaml');
const VS_80_20 = read('virtual-service-reviews-80-20.yaml');
const VS_50_V3 = read('virtual-service-reviews-50-v3.yaml');
const DR_NO_V2 = DR_ALL.replace(/ {2}- name: v2\n {4}labels:\n {6}version: v2\n/, '');

describe('the canvas overlay of a comparison (toFlow with a graph union)', () => {
  const base = derive(`${DR_ALL}\n---\n${VS_80_20}`).graph;
  const head = derive(`${DR_NO_V2}\n---\n${VS_50_V3}`).graph;
  const u = unionGraphs(base, head);
  const flow = toFlow(u.graph, placeIncrementally(u.graph, new Map()), new Map(), undefined, false, u);
  const node = (id: string) => flow.nodes.find((n) => n.id === id);
  const edge = (id: string) => flow.edges.find((e) => e.id === id);

  it('a ghost node is shown but cannot be selected, dragged, connected or focused', () => {
    const ghost = node('subset:default/reviews/v2');
    expect(ghost?.data.change).toBe('removed');
    expect(ghost).toMatchObject({
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
    });
    const live = node('subset:default/reviews/v3');
    expect(live?.selectable).toBeUndefined();
    expect(live?.data.change).toBeUndefined();
  });

  it('edges carry data-change on their own element, and a changed share its base percent', () => {
    const changed = edge('route:default/reviews/http/0/0');
    expect(changed?.domAttributes).toEqual({ 'data-change': 'changed' });
    expect(changed?.data).toMatchObject({ change: 'changed', basePercent: 80 });
    const ghost = edge('route:default/reviews/http/0/1~base');
    expect(ghost).toMatchObject({ selectable: false, focusable: false });
    expect(ghost?.data?.change).toBe('removed');
  });

  it('without a union, nothing is marked (the plain view)', () => {
    const plain = toFlow(head, placeIncrementally(head, new Map()), new Map(), undefined, false);
    expect(plain.nodes.some((n) => n.data.change !== undefined || n.selectable === false)).toBe(false);
    expect(plain.edges.some((e) => e.domAttributes !== undefined)).toBe(false);
  });
});
