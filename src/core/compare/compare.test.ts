import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { BOOKINFO, derived, fixture } from './fixtures.test-helper';
import { compare } from './index';
import type { Comparison, Meaning } from './types';

const reviews = (vs: string): ReturnType<typeof derived> => derived(...BOOKINFO, vs);
const kinds = (c: Comparison, kind: Meaning['kind']): Meaning[] => c.meanings.filter((m) => m.kind === kind);

describe('compare on bookinfo pairs', () => {
  const base = reviews('virtual-service-reviews-80-20.yaml');

  it('80/20 → 50/v3: one changed VirtualService, both numbers of every share', () => {
    const c = compare(base, reviews('virtual-service-reviews-50-v3.yaml'));
    expect(c.resources.map((r) => [r.ref, r.change])).toEqual([
      ['VirtualService default/reviews', 'changed'],
    ]);
    const [share] = kinds(c, 'share');
    expect(share?.text).toBe('reviews: v1 80% → 50%, v2 20% → 0%, v3 0% → 50% for all requests');
    expect(share?.share?.deltas).toEqual([
      { destination: 'v1', before: 80, after: 50 },
      { destination: 'v2', before: 20, after: undefined },
      { destination: 'v3', before: undefined, after: 50 },
    ]);
    expect(c.risk).toBe(false);
    expect(c.behaviour.map((r) => [r.before.text, r.after.text])).toEqual([
      ['reviews v1 80%, reviews v2 20%', 'reviews v1 50%, reviews v3 50%'],
    ]);
    expect(c.phases.map((p) => [p.index, p.apply])).toEqual([[2, ['VirtualService default/reviews']]]);
  });

  it('80/20 → v3: everything to v3', () => {
    const c = compare(base, reviews('virtual-service-reviews-v3.yaml'));
    expect(kinds(c, 'share').map((m) => m.text)).toEqual([
      'reviews: v1 80% → 0%, v2 20% → 0%, v3 0% → 100% for all requests',
    ]);
    expect(c.behaviour[0]?.after.destinations.map((d) => [d.subset, d.percent])).toEqual([['v3', 100]]);
  });

  it('80/20 → jason v2, else v3: the new rule and its request, paired by match not by index', () => {
    const head = reviews('virtual-service-reviews-jason-v2-v3.yaml');
    const c = compare(base, head);
    expect(kinds(c, 'rule-added').map((m) => m.text)).toEqual([
      'reviews: new rule for requests with header end-user = jason → v2 100%',
    ]);
    // The catch-all moved from http[0] to http[1]: it is the same rule, with new shares, for the other requests.
    expect(kinds(c, 'share').map((m) => m.text)).toEqual([
      'reviews: v1 80% → 0%, v2 20% → 0%, v3 0% → 100% for all other requests',
    ]);
    const jason = c.behaviour.find((r) => r.request.headers['end-user'] === 'jason');
    expect(jason?.origin).toBe('head');
    expect(jason?.before.text).toBe('reviews v1 80%, reviews v2 20%');
    expect(jason?.after.text).toBe('reviews v2 100%');
    expect(jason?.after.rule).toBe('default/reviews#http[0]');
    // The share meaning points at the catch-all rule in the head text.
    const share = kinds(c, 'share')[0];
    expect(share?.range && head.text.slice(...share.range)).toMatch(
      /^route:\n\s+- destination:\n\s+host: reviews\n\s+subset: v3/,
    );
  });

  it('a subset removed while a route still sends traffic to it is a 503 risk on the DestinationRule', () => {
    const head = derived(
      'bookinfo.yaml',
      'destination-rule-all-reviews-no-v2.yaml',
      'virtual-service-reviews-80-20.yaml',
    );
    const c = compare(base, head);
    const risk = kinds(c, 'subset-missing');
    expect(risk).toHaveLength(1);
    expect(risk[0]?.resource).toBe('DestinationRule default/reviews');
    expect(risk[0]?.text).toContain('subset v2 removed from DestinationRule default/reviews');
    expect(risk[0]?.text).toContain('503');
    expect(c.risk).toBe(true);
    expect(c.resources.find((r) => r.ref === 'DestinationRule default/reviews')?.risk).toBe(true);
    expect(c.findings.added.map((f) => [f.code, f.resource])).toContainEqual([
      'IST0101',
      'VirtualService default/reviews',
    ]);
    const row = c.behaviour[0];
    expect(row?.risk).toBe(true);
    expect(row?.after.destinations.find((d) => d.subset === 'v2')?.problems.length).toBeGreaterThan(0);
    // Removing a subset is phase 3, after the routes stop using it (here they do not: the risk says so).
    expect(c.phases.map((p) => [p.index, p.apply])).toEqual([[3, ['DestinationRule default/reviews']]]);
  });

  it('the same subset removed when no route uses it is no risk', () => {
    const b = reviews('virtual-service-reviews-v3.yaml');
    const h = derived(
      'bookinfo.yaml',
      'destination-rule-all-reviews-no-v2.yaml',
      'virtual-service-reviews-v3.yaml',
    );
    const c = compare(b, h);
    expect(c.risk).toBe(false);
    expect(kinds(c, 'subset-removed').map((m) => m.text)).toEqual(['reviews: subset v2 removed']);
    expect(c.behaviour).toEqual([]);
  });

  it('reformatting, comments and key order are no change', () => {
    const text = fixture('virtual-service-reviews-80-20.yaml');
    const flow = text
      .replace('metadata:\n  name: reviews', '# reviewed\nmetadata: {name: reviews}')
      .replace('    - reviews', '    - "reviews"')
      .replace(
        '  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 80',
        '  - route:\n    - weight: 80\n      destination: {subset: v1, host: reviews}',
      );
    expect(flow).toContain('weight: 80\n      destination: {subset');
    const c = compare(derive(text), derive(flow));
    expect(flow).not.toBe(text);
    expect(c.resources).toEqual([]);
    expect(c.phases).toEqual([]);
    expect(c.summary.text).toBe('No resource changed.');
  });

  it('bookinfo-size pairs take under 50 ms', () => {
    const head = reviews('virtual-service-reviews-jason-v2-v3.yaml');
    compare(base, head); // warm up the JIT
    // The fastest of a few runs: the machine is shared, and other work only ever adds time.
    const times = Array.from({ length: 7 }, () => {
      const t0 = performance.now();
      compare(base, head);
      return performance.now() - t0;
    });
    expect(Math.min(...times)).toBeLessThan(50);
  });
});

describe('the review scenario: 70/30 → 50/50, a routed subset removed, a header rule added', () => {
  const c = compare(derived('shop-base.yaml'), derived('shop-head.yaml'));

  it('names the share change with both numbers', () => {
    expect(kinds(c, 'share').map((m) => m.text)).toEqual([
      'checkout: v1 70% → 50%, v2 30% → 50% for all other requests',
    ]);
  });

  it('names the 503 risk on the removed subset, risks first', () => {
    expect(c.meanings[0]?.kind).toBe('subset-missing');
    expect(c.meanings[0]?.text).toContain('subset canary removed from DestinationRule shop/checkout');
    expect(c.meanings[0]?.text).toContain('"beta-testers"');
    expect(c.risk).toBe(true);
  });

  it('names the new rule', () => {
    expect(kinds(c, 'rule-added').map((m) => m.text)).toEqual([
      'checkout: new rule "premium" for requests with header x-tier = premium → v2 100%',
    ]);
  });

  it('lists the requests that now go elsewhere, both answers side by side', () => {
    const rows = c.behaviour.map((r) => [r.name, r.before.text, r.after.text, r.risk]);
    expect(rows).toEqual([
      ['checkout: header x-beta = yes', 'checkout canary 100%', 'checkout canary 100% (503)', true],
      [
        'checkout: any request',
        'checkout v1 70%, checkout v2 30%',
        'checkout v1 50%, checkout v2 50%',
        false,
      ],
      ['checkout: header x-tier = premium', 'checkout v1 70%, checkout v2 30%', 'checkout v2 100%', false],
    ]);
    expect(c.behaviour[2]?.request.headers).toEqual({ 'x-tier': 'premium' });
  });

  it('given requests are traced too', () => {
    const request = { ...c.behaviour[1]!.request, path: '/cart' };
    const withGiven = compare(derived('shop-base.yaml'), derived('shop-head.yaml'), {
      requests: [{ name: 'preset: cart', request }],
    });
    expect(withGiven.behaviour.find((r) => r.name === 'preset: cart')?.origin).toBe('given');
  });
});

describe('compare is total', () => {
  it('a head that does not parse gives a note, not an exception', () => {
    const c = compare(derived('shop-base.yaml'), derive('kind: [unclosed\n'));
    expect(c.notes.join(' ')).toMatch(/head has YAML syntax errors/);
    expect(c.resources.every((r) => r.change === 'removed')).toBe(true);
  });
});
