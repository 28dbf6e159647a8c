import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeshModel } from '../model/types';
import { createParser } from '../yaml/parse';
import { applyIntent } from './apply';
import type { EditIntent } from './intents';
import { BOOKINFO, corpus, modelOf } from './test-support';
import { rebalance } from './weights';

// Bookinfo's rules with unknown fields planted at several depths (none inside a node an op may delete);
// every op sequence must keep them.
const BASE = [
  corpus(`${BOOKINFO}/networking/destination-rule-reviews.yaml`),
  corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`),
  corpus(`${BOOKINFO}/networking/bookinfo-gateway.yaml`),
]
  .join('---\n')
  .replace('spec:\n  host: reviews\n', 'spec:\n  x-custom: keep-me\n  host: reviews\n')
  .replace('  - route:\n', '  - x-custom: keep-me\n    route:\n')
  .replace('  - match:\n', '  - x-custom: keep-me\n    match:\n');
const KEEP = (BASE.match(/x-custom: keep-me/g) ?? []).length;

const VS = ['VirtualService default/reviews', 'VirtualService default/bookinfo'];
const SUBSETS = ['v1', 'v2', 'v3', 'v4'];

/** An op drawn from small choices, resolved against the current model so indexes exist. */
type Pick = { op: number; a: number; b: number; c: number };

function intentFor(model: MeshModel, p: Pick): EditIntent | undefined {
  const vs = model.virtualServices.find((v) => v.ref === VS[p.a % VS.length]);
  const routes = vs?.routes.filter((r) => r.protocol === 'http') ?? [];
  const route = routes[p.b % Math.max(1, routes.length)];
  if (!vs || !route) return undefined;
  const at = { vsRef: vs.ref, protocol: 'http' as const, routeIndex: route.index };
  const n = route.destinations.length;
  switch (p.op % 9) {
    case 0:
      return {
        type: 'connectRoute',
        ...at,
        target: { host: 'reviews', subset: SUBSETS[p.c % SUBSETS.length] },
      };
    case 1:
      return {
        type: 'setWeights',
        ...at,
        weights: rebalance(
          route.destinations.map((d) => d.weight),
          p.c % n,
          p.c % 101,
        ),
      };
    case 2:
      return { type: 'deleteDestination', ...at, destIndex: p.c % n };
    case 3:
      return { type: 'evenlyDistribute', ...at };
    case 4:
      return { type: 'addRoute', vsRef: vs.ref, protocol: 'http', target: { host: 'reviews', subset: 'v1' } };
    case 5:
      return { type: 'moveRuleLast', ...at };
    case 6:
      return {
        type: 'setMatch',
        ...at,
        match: p.c % 2 ? [{ uri: { kind: 'prefix', value: `/p${p.c}` } }] : undefined,
      };
    case 7:
      return {
        type: 'addSubset',
        drRef: 'DestinationRule default/reviews',
        name: `s${p.c}`,
        labels: { version: `s${p.c}` },
      };
    default:
      return { type: 'normaliseWeights', ...at };
  }
}

describe('random op sequences on bookinfo', () => {
  it('keep the text parseable, edited routes at 100 and unknown fields in place', () => {
    const pick = fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() });
    let applied = 0;
    fc.assert(
      fc.property(fc.array(pick, { minLength: 1, maxLength: 8 }), (picks) => {
        // The memoising parser re-parses only documents an op touched, as the app does.
        const parse = createParser();
        let text = BASE;
        let parsed = parse(text);
        let model = modelOf(parsed);
        for (const p of picks) {
          const intent = intentFor(model, p);
          if (!intent) continue;
          const r = applyIntent(parsed, model, intent);
          if (!r.ok) continue;
          applied++;
          text = r.text;
          parsed = parse(text);
          model = modelOf(parsed);
          expect(parsed.docs.filter((d) => d.broken)).toEqual([]);
          if ('routeIndex' in intent && intent.type !== 'moveRuleLast' && intent.type !== 'setMatch') {
            const route = model.virtualServices
              .find((v) => v.ref === intent.vsRef)
              ?.routes.find((x) => x.protocol === 'http' && x.index === intent.routeIndex);
            const ws = route?.destinations.map((d) => d.weight) ?? [];
            if (ws.length > 1) expect(ws.reduce((s, w) => (s ?? 0) + (w ?? 0), 0)).toBe(100);
          }
        }
        expect((text.match(/x-custom: keep-me/g) ?? []).length).toBe(KEEP);
        expect(text).toContain('# use istio default controller');
      }),
      { seed: 20261124, numRuns: 40 },
    );
    // Most drawn ops must apply, or the property proves little.
    expect(applied).toBeGreaterThan(80);
  }, 20_000);
});
