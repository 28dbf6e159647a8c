import { describe, expect, it } from 'vitest';
import { featureLines, policyLines } from './describe';

describe('policyLines', () => {
  it('says each policy in words, with where it came from', () => {
    expect(policyLines({ loadBalancer: { simple: 'RANDOM' } }, { loadBalancer: 'subset' })).toEqual([
      'Load balancing: random: any pod. (from the subset)',
    ]);
    expect(
      policyLines(
        {
          connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } },
          outlierDetection: {
            consecutive5xxErrors: 1,
            interval: '1s',
            baseEjectionTime: '3m',
            maxEjectionPercent: 100,
          },
          tls: { mode: 'ISTIO_MUTUAL' },
        },
        { connectionPool: 'host', outlierDetection: 'host', tls: 'subset-port' },
      ),
    ).toEqual([
      'Connection pool: at most 1 connections, 1 waiting requests; beyond them a request fails at once with 503 instead of queueing. (from the rule)',
      'Outlier detection: a pod that answers 1 errors (5xx) in a row, checked every 1s is taken out of the pool for 3m (longer each time), at most 100% of the pods at once. (from the rule)',
      'TLS: mutual TLS with Istio’s certificates (mTLS). (from the subset’s port settings)',
    ]);
    expect(policyLines(undefined, {})).toEqual([]);
  });

  it('no raw JSON for a consistent hash: what it means for this request', () => {
    const lines = policyLines(
      { loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } } },
      { loadBalancer: 'subset' },
      { probability: 0.9, subset: 'v1' },
    );
    expect(lines).toHaveLength(1);
    const [line = ''] = lines;
    expect(line).not.toContain('{');
    expect(line).toContain('the cookie “user”');
    expect(line).toContain('session cookie');
    // The weighted split stands (90% to v1), and the cookie picks the pod within v1.
    expect(line).toContain('90% probability');
    expect(line).toContain('does not change the weighted split');
    expect(line).toContain('one pod within subset v1');
  });

  it('a hash on the whole traffic says the route, not the hash, chose the destination', () => {
    const [line = ''] = policyLines(
      { loadBalancer: { consistentHash: { useSourceIp: true } } },
      {},
      { probability: 1 },
    );
    expect(line).toContain('the caller’s IP address');
    expect(line).toContain('does not choose the destination');
  });

  it('keeps fields it has no words for as they are', () => {
    expect(policyLines({ tunnel: { protocol: 'CONNECT' } }, {})).toEqual(['tunnel: {"protocol":"CONNECT"}']);
  });
});

describe('featureLines', () => {
  it('lists what applies in order', () => {
    const lines = featureLines({
      fault: {
        delay: { fixedDelay: '7s', percent: 100 },
        abort: { httpStatus: 500, grpcStatus: undefined, percent: 10 },
      },
      mirrors: [{ host: 'reviews', fqdn: 'reviews.default.svc.cluster.local', subset: 'v3', percent: 50 }],
      retries: { attempts: 2, perTryTimeout: undefined, retryOn: 'connect-failure', isDefault: true },
      timeout: '10s',
      rewrite: { path: '/v2', authority: undefined },
      headers: undefined,
      corsPolicy: undefined,
      redirect: undefined,
      directResponse: undefined,
    });
    expect(lines).toEqual([
      'rewrite path /v2',
      'fault: delay 7s for 100% of requests',
      'fault: abort 500 for 10% of requests',
      'mirror 50% to reviews subset v3',
      'timeout 10s',
      'retries 2 (on connect-failure) — Istio default',
    ]);
    expect(featureLines(undefined)).toEqual([]);
  });
});
