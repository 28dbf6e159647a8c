import { describe, expect, it } from 'vitest';
import { hostMatches, hostsOverlap, resolveHost } from './hosts';

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
