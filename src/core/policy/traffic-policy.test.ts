import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { derive } from '../derive';
import { rec, type Rec } from '../model/read';
import { corpusTrafficPolicies } from './corpus-fixtures';
import { readTrafficPolicy, writeTrafficPolicy, type TrafficPolicyForm } from './traffic-policy';

/** Writes a policy into a DestinationRule (host level and subset v1), then reads it back through text and model. */
function throughModel(tp: Rec | undefined): { host: TrafficPolicyForm; subset: TrafficPolicyForm } {
  const text = stringify({
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'reviews' },
    spec: {
      host: 'reviews',
      trafficPolicy: tp,
      subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: tp }],
    },
  });
  const d = derive(text);
  expect(d.parseErrors).toEqual([]);
  const dr = d.model.destinationRules[0];
  return {
    host: readTrafficPolicy(dr?.trafficPolicy),
    subset: readTrafficPolicy(dr?.subsets[0]?.trafficPolicy),
  };
}

// One case per policy: the form value and the YAML object it must write.
const cases: [string, TrafficPolicyForm, Rec][] = [
  ['simple LB', { loadBalancer: { simple: 'LEAST_REQUEST' } }, { loadBalancer: { simple: 'LEAST_REQUEST' } }],
  ...['ROUND_ROBIN', 'RANDOM', 'PASSTHROUGH'].map((simple): [string, TrafficPolicyForm, Rec] => [
    `simple ${simple}`,
    { loadBalancer: { simple } },
    { loadBalancer: { simple } },
  ]),
  [
    'hash by cookie',
    { loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '3600s', path: '/' } } } },
    { loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '3600s', path: '/' } } } },
  ],
  [
    'hash by header',
    { loadBalancer: { consistentHash: { httpHeaderName: 'x-user' } } },
    { loadBalancer: { consistentHash: { httpHeaderName: 'x-user' } } },
  ],
  [
    'hash by query parameter',
    { loadBalancer: { consistentHash: { httpQueryParameterName: 'session' } } },
    { loadBalancer: { consistentHash: { httpQueryParameterName: 'session' } } },
  ],
  [
    'hash by source IP',
    { loadBalancer: { consistentHash: { useSourceIp: true } } },
    { loadBalancer: { consistentHash: { useSourceIp: true } } },
  ],
  [
    'locality',
    { loadBalancer: { simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true } } },
    { loadBalancer: { simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true } } },
  ],
  [
    'connection pool',
    {
      connectionPool: {
        tcp: { maxConnections: 100, connectTimeout: '30ms' },
        http: {
          http1MaxPendingRequests: 1,
          http2MaxRequests: 1000,
          maxRequestsPerConnection: 10,
          maxRetries: 3,
        },
      },
    },
    {
      connectionPool: {
        tcp: { maxConnections: 100, connectTimeout: '30ms' },
        http: {
          http1MaxPendingRequests: 1,
          http2MaxRequests: 1000,
          maxRequestsPerConnection: 10,
          maxRetries: 3,
        },
      },
    },
  ],
  [
    'outlier detection',
    {
      outlierDetection: {
        consecutive5xxErrors: 7,
        interval: '5m',
        baseEjectionTime: '15m',
        maxEjectionPercent: 50,
      },
    },
    {
      outlierDetection: {
        consecutive5xxErrors: 7,
        interval: '5m',
        baseEjectionTime: '15m',
        maxEjectionPercent: 50,
      },
    },
  ],
  ['outlier detection with defaults', { outlierDetection: {} }, { outlierDetection: {} }],
  ['ISTIO_MUTUAL', { tls: { mode: 'ISTIO_MUTUAL' } }, { tls: { mode: 'ISTIO_MUTUAL' } }],
  ['DISABLE', { tls: { mode: 'DISABLE' } }, { tls: { mode: 'DISABLE' } }],
  [
    'SIMPLE with CA and SNI',
    { tls: { mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', sni: 'api.example.com' } },
    { tls: { mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', sni: 'api.example.com' } },
  ],
  [
    'MUTUAL with files',
    { tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' } },
    { tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' } },
  ],
  [
    'MUTUAL with a credential',
    { tls: { mode: 'MUTUAL', credentialName: 'client-credential' } },
    { tls: { mode: 'MUTUAL', credentialName: 'client-credential' } },
  ],
  [
    'port level settings',
    {
      loadBalancer: { simple: 'RANDOM' },
      portLevelSettings: [
        { port: 80, loadBalancer: { simple: 'LEAST_REQUEST' } },
        { port: 9080, tls: { mode: 'ISTIO_MUTUAL' }, connectionPool: { tcp: { maxConnections: 5 } } },
      ],
    },
    {
      loadBalancer: { simple: 'RANDOM' },
      portLevelSettings: [
        { port: { number: 80 }, loadBalancer: { simple: 'LEAST_REQUEST' } },
        {
          port: { number: 9080 },
          tls: { mode: 'ISTIO_MUTUAL' },
          connectionPool: { tcp: { maxConnections: 5 } },
        },
      ],
    },
  ],
];

describe('traffic policy form', () => {
  it.each(cases)('%s: form → object → YAML → model → form', (_name, form, yaml) => {
    const written = writeTrafficPolicy(form, undefined);
    expect(written).toEqual(yaml);
    const back = throughModel(written);
    expect(back.host).toEqual(form);
    expect(back.subset).toEqual(form);
  });

  it('reads nothing from an absent or malformed policy, and writes nothing from an empty form', () => {
    expect(readTrafficPolicy(undefined)).toEqual({});
    expect(readTrafficPolicy('ROUND_ROBIN')).toEqual({});
    expect(readTrafficPolicy({ loadBalancer: 'RANDOM', tls: [] })).toEqual({});
    expect(writeTrafficPolicy({}, undefined)).toBeUndefined();
  });

  it('keeps unknown fields and untouched values when a field changes', () => {
    const previous = parse(`
connectionPool:
  tcp:
    maxConnections: 1
    tcpKeepalive: { time: 7200s }
  http:
    idleTimeout: 30s
loadBalancer:
  simple: ROUND_ROBIN
  warmupDurationSecs: 60s
outlierDetection:
  consecutive5xxErrors: "5"
  splitExternalLocalOriginErrors: true
proxyProtocol: { version: V1 }
`) as unknown;
    const form = readTrafficPolicy(previous);
    expect(form.outlierDetection?.consecutive5xxErrors).toBe(5);
    const out = writeTrafficPolicy(
      { ...form, connectionPool: { ...form.connectionPool, tcp: { maxConnections: 9 } } },
      previous,
    );
    expect(out).toEqual({
      connectionPool: {
        tcp: { maxConnections: 9, tcpKeepalive: { time: '7200s' } },
        http: { idleTimeout: '30s' },
      },
      loadBalancer: { simple: 'ROUND_ROBIN', warmupDurationSecs: '60s' },
      // The quoted "5" was not edited, so it stays a string rather than being rewritten as a number.
      outlierDetection: { consecutive5xxErrors: '5', splitExternalLocalOriginErrors: true },
      proxyProtocol: { version: 'V1' },
    });
    expect(Object.keys(rec(out))).toEqual([
      'connectionPool',
      'loadBalancer',
      'outlierDetection',
      'proxyProtocol',
    ]);
  });

  it('drops only what the form clears', () => {
    const previous = {
      loadBalancer: { simple: 'RANDOM' },
      tls: { mode: 'ISTIO_MUTUAL', subjectAltNames: ['a'] },
    };
    const form = readTrafficPolicy(previous);
    expect(writeTrafficPolicy({ ...form, loadBalancer: undefined }, previous)).toEqual({
      tls: { mode: 'ISTIO_MUTUAL', subjectAltNames: ['a'] },
    });
    expect(writeTrafficPolicy({ ...form, tls: { mode: 'ISTIO_MUTUAL', sni: undefined } }, previous)).toEqual(
      previous,
    );
    expect(writeTrafficPolicy({ ...form, tls: {} }, previous)).toEqual({
      loadBalancer: { simple: 'RANDOM' },
      tls: { subjectAltNames: ['a'] },
    });
    expect(writeTrafficPolicy({}, previous)).toBeUndefined();
  });

  it('switches between simple and consistent hash without leftovers', () => {
    const previous = { loadBalancer: { simple: 'RANDOM' } };
    const out = writeTrafficPolicy(
      { loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } } },
      previous,
    );
    expect(out).toEqual({ loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } } });
  });

  const corpus = corpusTrafficPolicies();
  it('finds real traffic policies in the corpus', () => {
    expect(corpus.length).toBeGreaterThan(20);
  });

  it.each(corpus.map((c) => [c.where, c.value] as const))(
    'rewrites %s unchanged from its own form, and its form survives YAML',
    (_where, value) => {
      const form = readTrafficPolicy(value);
      expect(writeTrafficPolicy(form, value)).toEqual(value);
      const fresh = writeTrafficPolicy(form, undefined);
      expect(readTrafficPolicy(parse(stringify(fresh ?? {})))).toEqual(form);
    },
  );
});
