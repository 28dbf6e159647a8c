import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rec } from '../model/read';
import { readTrafficPolicy, type TrafficPolicyForm } from './traffic-policy';
import { trafficPolicyErrors } from './traffic-policy-errors';

const paths = (form: TrafficPolicyForm) => trafficPolicyErrors(form).map((e) => e.path);

describe('trafficPolicyErrors', () => {
  it('accepts the policies of the circuit-breaker, sticky-sessions and mtls examples', () => {
    for (const slug of ['circuit-breaker', 'sticky-sessions', 'mtls']) {
      const file = fileURLToPath(new URL(`../../examples/${slug}.yaml`, import.meta.url));
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        if (Array.isArray(doc)) continue;
        const tp = rec(rec(doc.toJS()).spec).trafficPolicy;
        if (tp !== undefined) expect(trafficPolicyErrors(readTrafficPolicy(tp))).toEqual([]);
      }
    }
  });

  it('names bad durations with the expected format', () => {
    const errors = trafficPolicyErrors({
      connectionPool: { tcp: { connectTimeout: '30' } },
      outlierDetection: { interval: '1x', baseEjectionTime: '3m' },
      loadBalancer: { consistentHash: { httpCookie: { name: 'u', ttl: 'soon' } } },
    });
    expect(errors.map((e) => e.path)).toEqual([
      'loadBalancer.consistentHash.httpCookie.ttl',
      'connectionPool.tcp.connectTimeout',
      'outlierDetection.interval',
    ]);
    expect(errors[1]?.message).toMatch(/add a unit: 30s\?/);
  });

  it('rejects a simple LB together with a hash, and a hash with no key or two keys', () => {
    expect(paths({ loadBalancer: { simple: 'RANDOM', consistentHash: { useSourceIp: true } } })).toEqual([
      'loadBalancer',
    ]);
    expect(paths({ loadBalancer: { consistentHash: {} } })).toEqual(['loadBalancer.consistentHash']);
    expect(
      paths({ loadBalancer: { consistentHash: { httpHeaderName: 'a', httpQueryParameterName: 'b' } } }),
    ).toEqual(['loadBalancer.consistentHash']);
    expect(paths({ loadBalancer: { consistentHash: { httpCookie: { ttl: '1s' } } } })).toEqual([
      'loadBalancer.consistentHash.httpCookie.name',
    ]);
  });

  it('checks ranges', () => {
    expect(
      paths({
        outlierDetection: { maxEjectionPercent: 101, consecutive5xxErrors: 1.5 },
        connectionPool: { tcp: { maxConnections: 0 }, http: { maxRetries: 0 } },
      }),
    ).toEqual([
      'connectionPool.tcp.maxConnections',
      'outlierDetection.consecutive5xxErrors',
      'outlierDetection.maxEjectionPercent',
    ]);
  });

  it('asks MUTUAL for a certificate and key or a credential', () => {
    expect(paths({ tls: { mode: 'MUTUAL', clientCertificate: '/c.pem' } })).toEqual(['tls']);
    expect(paths({ tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' } })).toEqual([]);
    expect(paths({ tls: { mode: 'MUTUAL', credentialName: 'cred' } })).toEqual([]);
    expect(paths({ tls: { mode: 'ISTIO_MUTUAL', credentialName: 'cred' } })).toEqual(['tls.credentialName']);
  });

  it('checks each port setting, and that ports are not repeated', () => {
    expect(
      paths({
        portLevelSettings: [
          { port: 80, outlierDetection: { interval: 'x' } },
          { port: 80 },
          { tls: { mode: 'SIMPLE' } },
          { port: 70000 },
        ],
      }),
    ).toEqual([
      'portLevelSettings[0].outlierDetection.interval',
      'portLevelSettings[1].port',
      'portLevelSettings[2].port',
      'portLevelSettings[3].port',
    ]);
  });
});
