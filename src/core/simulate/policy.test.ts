import { describe, expect, it } from 'vitest';
import { mergeTrafficPolicy } from './policy';

const host = {
  loadBalancer: { simple: 'RANDOM' },
  connectionPool: { tcp: { maxConnections: 100 } },
  portLevelSettings: [{ port: { number: 9080 }, loadBalancer: { simple: 'LEAST_REQUEST' } }],
};

describe('mergeTrafficPolicy', () => {
  it('returns nothing when there is no policy', () => {
    expect(mergeTrafficPolicy(undefined, undefined, 80)).toEqual({ policy: undefined, sources: {} });
  });
  it('keeps host-level fields for a port without port-level settings', () => {
    const m = mergeTrafficPolicy(host, undefined, 8080);
    expect(m.policy).toEqual({
      loadBalancer: { simple: 'RANDOM' },
      connectionPool: { tcp: { maxConnections: 100 } },
    });
    expect(m.sources).toEqual({ loadBalancer: 'host', connectionPool: 'host' });
  });
  it('replaces the port fields wholesale with the port-level settings (no inheritance)', () => {
    const m = mergeTrafficPolicy(host, undefined, 9080);
    expect(m.policy).toEqual({ loadBalancer: { simple: 'LEAST_REQUEST' } });
    expect(m.sources).toEqual({ loadBalancer: 'host-port' });
  });
  it('lays subset fields over host fields', () => {
    const m = mergeTrafficPolicy(host, { loadBalancer: { simple: 'ROUND_ROBIN' } }, 8080);
    expect(m.policy).toEqual({
      loadBalancer: { simple: 'ROUND_ROBIN' },
      connectionPool: { tcp: { maxConnections: 100 } },
    });
    expect(m.sources).toEqual({ loadBalancer: 'subset', connectionPool: 'host' });
  });
  it('applies the subset port-level settings last', () => {
    const subset = { portLevelSettings: [{ port: { number: 8080 }, tls: { mode: 'ISTIO_MUTUAL' } }] };
    const m = mergeTrafficPolicy(host, subset, 8080);
    expect(m.policy).toEqual({ tls: { mode: 'ISTIO_MUTUAL' } });
    expect(m.sources).toEqual({ tls: 'subset-port' });
  });
});
