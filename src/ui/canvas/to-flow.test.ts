import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeIncrementally } from '../../core/graph/layout';
import { createDerivation } from '../../state/derived';
import { createFlowCache, summariseDiagnostics, toFlow } from './to-flow';

// Istio's bookinfo samples (Apache-2.0, see test/fixtures/corpus/README.md).
const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo/networking');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const TEXT = `${read('destination-rule-all.yaml')}\n---\n${read('virtual-service-reviews-80-20.yaml')}`;
const W80 = TEXT.indexOf('weight: 80') + 'weight: 8'.length;

describe('toFlow with a cache: what a keystroke did not change keeps its React Flow object', () => {
  // One derivation as the studio keeps it, so a keystroke's graph shares its unchanged nodes and edges.
  const derivation = createDerivation();
  const flowOf = (
    text: string,
    cache = createFlowCache(),
    positions?: Map<string, { x: number; y: number }>,
  ) => {
    const d = derivation.of(text);
    const at = positions ?? placeIncrementally(d.graph, new Map());
    return toFlow(d.graph, at, summariseDiagnostics(d.diagnostics), undefined, false, undefined, cache);
  };
  const route = (n: number) => `route:default/reviews/http/0/${n}`;

  it('reuses unchanged nodes and edges and makes new ones for the edited weights', () => {
    const cache = createFlowCache();
    const before = flowOf(TEXT, cache);
    const positions = new Map(before.nodes.map((n) => [n.id, n.position]));
    // `weight: 80` → `weight: 8`: the weights add up to 28, so both route edges change (and get a finding).
    const after = flowOf(TEXT.slice(0, W80) + TEXT.slice(W80 + 1), cache, positions);
    const was = new Map([...before.nodes, ...before.edges].map((x) => [x.id, x]));
    const kept = after.nodes.filter((n) => was.get(n.id) === n).map((n) => n.id);
    expect(kept).toContain('subset:default/reviews/v1');
    expect(kept.length).toBeGreaterThan(after.nodes.length / 2);
    for (const id of [route(0), route(1)]) expect(after.edges.find((x) => x.id === id)).not.toBe(was.get(id));
    // The weights' finding lands on the VirtualService: its node is new too, though its graph node is not.
    const vs = after.nodes.find((n) => n.id === 'virtualservice:default/reviews');
    expect(vs).not.toBe(was.get('virtualservice:default/reviews'));
    expect(vs?.data.diag?.messages.join()).toContain('KIA1104');
    expect(after.edges.find((x) => x.id === route(0))?.data?.g.percent).toBeCloseTo((8 / 28) * 100);
  });

  it('hands back the very same arrays when nothing changed, and new ones when a position did', () => {
    const cache = createFlowCache();
    const first = flowOf(TEXT, cache);
    // Positions are new objects each render (the layout places subsets afresh): equal ones count as the same.
    const positions = new Map(first.nodes.map((n) => [n.id, { ...n.position }]));
    const again = flowOf(TEXT, cache, positions);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    const moved = new Map(positions).set('destinationrule:default/reviews', { x: 999, y: 1 });
    const third = flowOf(TEXT, cache, moved);
    expect(third.nodes).not.toBe(first.nodes);
    expect(third.nodes.find((n) => n.id === 'destinationrule:default/reviews')?.position).toEqual({
      x: 999,
      y: 1,
    });
    expect(third.edges).toBe(first.edges);
  });

  it('a finding that comes or goes makes a new object for the node or edge it marks, graph unchanged', () => {
    const cache = createFlowCache();
    const d = derivation.of(TEXT);
    const at = placeIncrementally(d.graph, new Map());
    const first = toFlow(d.graph, at, new Map(), undefined, false, undefined, cache);
    const diag = { severity: 'warning' as const, count: 1, messages: ['IST0173: selects no pods'] };
    const marked = new Map([
      ['subset:default/reviews/v1', diag],
      [route(1), diag],
    ]);
    const second = toFlow(d.graph, at, marked, undefined, false, undefined, cache);
    const pick = (f: typeof first, id: string) => [...f.nodes, ...f.edges].find((x) => x.id === id);
    for (const id of ['subset:default/reviews/v1', route(1)]) {
      expect(pick(second, id)).not.toBe(pick(first, id));
      expect(pick(second, id)?.data?.diag).toEqual(diag);
    }
    expect(pick(second, route(0))).toBe(pick(first, route(0)));
    // An equal summary rebuilt by the next derivation is the same finding.
    const third = toFlow(
      d.graph,
      at,
      new Map([...marked].map(([k, v]) => [k, { ...v }])),
      undefined,
      false,
      undefined,
      cache,
    );
    expect(third.nodes).toBe(second.nodes);
    expect(third.edges).toBe(second.edges);
  });
});
