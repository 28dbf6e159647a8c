import { describe, expect, it } from 'vitest';
import { featureLines, policyLines } from './describe';

describe('policyLines', () => {
  it('shows each field with its source', () => {
    expect(policyLines({ loadBalancer: { simple: 'RANDOM' } }, { loadBalancer: 'subset' })).toEqual([
      'loadBalancer: {"simple":"RANDOM"} (subset)',
    ]);
    expect(policyLines(undefined, {})).toEqual([]);
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
