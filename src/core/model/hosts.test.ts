import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostIndex, hostMatches, hostsOverlap, resolveHost } from './hosts';

describe('resolveHost', () => {
  it.each([
    ['reviews', 'default', 'reviews.default.svc.cluster.local'],
    ['reviews', 'prod', 'reviews.prod.svc.cluster.local'],
    ['reviews.prod.svc.cluster.local', 'default', 'reviews.prod.svc.cluster.local'],
    ['bookinfo.com', 'default', 'bookinfo.com'],
    ['*.bookinfo.com', 'default', '*.bookinfo.com'],
    ['*', 'default', '*'],
    ['Reviews', 'default', 'reviews.default.svc.cluster.local'],
  ])('%s in %s is %s', (host, ns, want) => {
    expect(resolveHost(host, ns)).toBe(want);
  });
});

describe('hostMatches', () => {
  it('matches wildcards as Istio does', () => {
    expect(hostMatches('*', 'a.b.c')).toBe(true);
    expect(hostMatches('*.bookinfo.com', 'www.bookinfo.com')).toBe(true);
    expect(hostMatches('*.bookinfo.com', 'bookinfo.com')).toBe(false);
    expect(hostMatches('*.com', '*.bookinfo.com')).toBe(true);
    expect(hostMatches('a.com', 'b.com')).toBe(false);
    expect(hostsOverlap('*.bookinfo.com', '*.com')).toBe(true);
  });
});

describe('hostIndex', () => {
  // Concrete hosts, wildcards at several depths, `*`, odd dots and `*` not followed by a dot.
  const POOL = [
    'reviews.default.svc.cluster.local',
    'ratings.default.svc.cluster.local',
    '*.default.svc.cluster.local',
    '*.svc.cluster.local',
    '*.cluster.local',
    '*',
    'a.example.com',
    'b.a.example.com',
    '*.a.example.com',
    '*.example.com',
    'example.com',
    '*.com',
    '*example.com',
    'x..example.com',
    '*..example.com',
    '.example.com',
    '',
  ];

  it('answers matching and overlapping exactly as hostMatches and hostsOverlap, for every subset of keys', () => {
    fc.assert(
      fc.property(fc.subarray(POOL), fc.constantFrom(...POOL), (keys, host) => {
        const index = hostIndex(keys);
        const sorted = (xs: readonly string[]) => [...xs].sort();
        expect(sorted(index.matching(host))).toEqual(sorted(keys.filter((k) => hostMatches(k, host))));
        expect(sorted(index.overlapping(host))).toEqual(sorted(keys.filter((k) => hostsOverlap(k, host))));
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });

  it('finds the one wildcard among 5,000 hosts and the 5,000 hosts it covers', () => {
    const hosts = Array.from({ length: 5000 }, (_, i) => `svc-${i}.example.com`);
    const index = hostIndex([...hosts, '*.example.com', '*.other.com']);
    expect(index.matching('svc-42.example.com')).toEqual(['svc-42.example.com', '*.example.com']);
    expect(index.overlapping('*.example.com')).toHaveLength(5001);
    expect(index.overlapping('*')).toHaveLength(5002);
    expect(index.overlapping('svc-1.other.com')).toEqual(['*.other.com']);
  });
});
