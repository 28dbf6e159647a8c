import { describe, expect, it } from 'vitest';
import { derive } from '../src/core/derive';
import { generateSharedHost, SHARED_HOST_SHAPES } from './generate-shared-host';

describe('generateSharedHost', () => {
  it.each(SHARED_HOST_SHAPES)('%s yields exactly the resources asked for, parsing cleanly', (shape) => {
    for (const n of [1, 5, 120]) {
      const d = derive(generateSharedHost(shape, n));
      expect(d.parseErrors).toEqual([]);
      expect(d.model.resources).toHaveLength(n);
      expect(d.model.others).toEqual([]);
    }
  });

  it('is deterministic', () => {
    expect(generateSharedHost('dr-one-host', 300)).toBe(generateSharedHost('dr-one-host', 300));
  });

  it('puts the repeated resources on one host or one selector', () => {
    const vs = derive(generateSharedHost('vs-one-host', 50)).model.virtualServices;
    expect(new Set(vs.flatMap((v) => v.fqdns))).toEqual(new Set(['reviews.default.svc.cluster.local']));
    const drs = derive(generateSharedHost('dr-one-host', 50)).model.destinationRules;
    expect(new Set(drs.map((d) => d.fqdn))).toEqual(new Set(['reviews.default.svc.cluster.local']));
    const routed = derive(generateSharedHost('vs-to-subsets', 50)).model.virtualServices;
    const subsets = routed.flatMap((v) =>
      v.routes.flatMap((r) => r.destinations.map((x) => `${x.fqdn}/${x.subset}`)),
    );
    expect(new Set(subsets)).toEqual(
      new Set(['v1', 'v2', 'v4'].map((s) => `reviews.default.svc.cluster.local/${s}`)),
    );
    const services = derive(generateSharedHost('services-one-selector', 50)).model.services;
    expect(new Set(services.map((s) => JSON.stringify(s.selector)))).toEqual(new Set(['{"app":"reviews"}']));
  });

  it('gives each shape the findings the benchmark expects, one per repeated resource or fewer', () => {
    const codes = (shape: (typeof SHARED_HOST_SHAPES)[number]) => {
      const counts = new Map<string, number>();
      for (const x of derive(generateSharedHost(shape, 200)).diagnostics)
        counts.set(x.code, (counts.get(x.code) ?? 0) + 1);
      return Object.fromEntries(counts);
    };
    expect(codes('vs-one-host')).toEqual({ IST0109: 199 });
    // Each rule: v1 and v2 clash with the other 197 rules, v2 selects no pod.
    expect(codes('dr-one-host')).toEqual({ KIA0201: 2 * 198, IST0173: 198 });
    expect(codes('vs-to-subsets')).toEqual({ IST0101: 19 });
    expect(codes('services-one-selector')).toEqual({});
  });
});
