import { describe, expect, it } from 'vitest';
import {
  apply,
  BOOKINFO,
  corpus,
  docRange,
  expectCommentsKept,
  expectOnlyChanged,
  refusal,
} from './test-support';

const VS_8020 = corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`);
const VS_ALL = corpus(`${BOOKINFO}/networking/virtual-service-all-v1.yaml`);
const MIRROR = corpus(
  'wild/redhat-scholars__istio-tutorial__istiofiles_virtual-service-recommendation-v1-mirror-v2.yml',
);
const route = (ref: string) => ({ vsRef: ref, protocol: 'http' as const, routeIndex: 0 });

function weightsOf(text: string, ref: string, index = 0): (number | undefined)[] {
  const a = apply(text, { type: 'setValue', docIndex: 0, path: ['x-probe'], value: 1 });
  const vs = a.model.virtualServices.find((v) => v.ref === ref);
  return vs?.routes[index]?.destinations.map((d) => d.weight) ?? [];
}

describe('setWeights', () => {
  it('rewrites only the weight values on the 80/20 sample', () => {
    const a = apply(VS_8020, {
      type: 'setWeights',
      ...route('VirtualService default/reviews'),
      weights: [90, 10],
    });
    expect(a.model.virtualServices[0]?.routes[0]?.destinations.map((d) => d.weight)).toEqual([90, 10]);
    expect(a.text).toBe(VS_8020.replace('weight: 80', 'weight: 90').replace('weight: 20', 'weight: 10'));
    expectOnlyChanged(a, VS_8020.indexOf('80'), VS_8020.indexOf('20') + 2);
  });

  it('adds weight keys where absent, under each destination', () => {
    const text = VS_ALL;
    const ref = 'VirtualService default/productpage';
    expect(weightsOf(text, ref)).toEqual([undefined]);
    const a = apply(text, { type: 'setWeights', ...route(ref), weights: [100] });
    expect(a.model.virtualServices.find((v) => v.ref === ref)?.routes[0]?.destinations[0]?.weight).toBe(100);
    expectOnlyChanged(a, ...docRange(text, 0));
    expectCommentsKept(a);
  });

  it('refuses the wrong count, fractions and unknown routes', () => {
    expect(
      refusal(VS_8020, { type: 'setWeights', ...route('VirtualService default/reviews'), weights: [100] }),
    ).toMatch(/2 weights/);
    expect(
      refusal(VS_8020, {
        type: 'setWeights',
        ...route('VirtualService default/reviews'),
        weights: [50.5, 49.5],
      }),
    ).toMatch(/whole/);
    expect(
      refusal(VS_8020, { type: 'setWeights', ...route('VirtualService default/nope'), weights: [100] }),
    ).toMatch(/does not exist/);
  });
});

describe('connectRoute', () => {
  it('adds a destination to 80/20 and rebalances to 100, keeping proportions', () => {
    const a = apply(VS_8020, {
      type: 'connectRoute',
      ...route('VirtualService default/reviews'),
      target: { host: 'reviews', subset: 'v3' },
    });
    const ds = a.model.virtualServices[0]?.routes[0]?.destinations ?? [];
    expect(ds.map((d) => [d.subset, d.weight])).toEqual([
      ['v1', 54],
      ['v2', 13],
      ['v3', 33],
    ]);
    expect(a.select).toBe('route:default/reviews/http/0/2');
    expect(a.text.startsWith(VS_8020.slice(0, VS_8020.indexOf('weight: 80') + 'weight: '.length))).toBe(true);
  });

  it('keeps a locked destination fixed', () => {
    const a = apply(VS_8020, {
      type: 'connectRoute',
      ...route('VirtualService default/reviews'),
      target: { host: 'reviews', subset: 'v3' },
      locked: [0],
    });
    expect(a.model.virtualServices[0]?.routes[0]?.destinations.map((d) => d.weight)).toEqual([80, 0, 20]);
  });

  it('splits a single unweighted destination 50/50 in a file with many documents', () => {
    const ref = 'VirtualService default/reviews';
    const doc = VS_ALL.split(/^---$/m).findIndex((c) => c.includes('name: reviews'));
    const a = apply(VS_ALL, {
      type: 'connectRoute',
      ...route(ref),
      target: { host: 'reviews', subset: 'v2' },
    });
    const vs = a.model.virtualServices.find((v) => v.ref === ref);
    expect(vs?.routes[0]?.destinations.map((d) => [d.subset, d.weight])).toEqual([
      ['v1', 50],
      ['v2', 50],
    ]);
    expectOnlyChanged(a, ...docRange(VS_ALL, doc));
    expectCommentsKept(a);
  });

  it('refuses a destination the route already has', () => {
    expect(
      refusal(VS_8020, {
        type: 'connectRoute',
        ...route('VirtualService default/reviews'),
        target: { host: 'reviews', subset: 'v1' },
      }),
    ).toMatch(/already/);
  });

  it('appends after a route whose item also carries a mirror', () => {
    const a = apply(MIRROR, {
      type: 'connectRoute',
      ...route('VirtualService default/recommendation'),
      target: { host: 'recommendation', subset: 'version-v2' },
    });
    const r = a.model.virtualServices[0]?.routes[0];
    expect(r?.destinations.map((d) => d.weight)).toEqual([50, 50]);
    expect(r?.mirror?.subset).toBe('version-v2');
  });
});

describe('normalise, evenly, deleteDestination', () => {
  const text = VS_8020.replace('weight: 20', 'weight: 60');
  const ref = 'VirtualService default/reviews';

  it('normalises 80/60 to 57/43', () => {
    const a = apply(text, { type: 'normaliseWeights', ...route(ref) });
    expect(a.model.virtualServices[0]?.routes[0]?.destinations.map((d) => d.weight)).toEqual([57, 43]);
  });

  it('distributes evenly', () => {
    const a = apply(text, { type: 'evenlyDistribute', ...route(ref) });
    expect(a.model.virtualServices[0]?.routes[0]?.destinations.map((d) => d.weight)).toEqual([50, 50]);
  });

  it('deletes a destination and gives the rest 100', () => {
    const a = apply(VS_8020, { type: 'deleteDestination', ...route(ref), destIndex: 0 });
    const ds = a.model.virtualServices[0]?.routes[0]?.destinations ?? [];
    expect(ds.map((d) => [d.subset, d.weight])).toEqual([['v2', 100]]);
    expect(a.text).not.toContain('subset: v1');
  });

  it('refuses to delete the last destination', () => {
    expect(
      refusal(MIRROR, {
        type: 'deleteDestination',
        ...route('VirtualService default/recommendation'),
        destIndex: 0,
      }),
    ).toMatch(/delete the route/);
  });
});
