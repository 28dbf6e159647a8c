import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from './env';
import { mtlsModes } from './inbound';
import { traceForJson } from './json-api';
import { modelOf } from './test-helpers';

const SERVICE = `
apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: shop}
spec:
  selector: {app: ratings}
  ports: [{name: http, port: 9080, targetPort: 8080}, {name: tcp-db, port: 5432}]
`;

function pa(ns: string, name: string, spec: string): string {
  return `---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ${name}, namespace: ${ns}}
spec: ${spec}
`;
}

const proxy = { kind: 'sidecar' as const, namespace: 'shop', labels: { app: 'ratings' } };

describe('PeerAuthentication mode for a sidecar', () => {
  it('is PERMISSIVE with no policy, and the narrowest policy wins: workload > namespace > mesh', () => {
    expect(mtlsModes(modelOf(SERVICE), proxy, DEFAULT_ENV).mode).toBe('PERMISSIVE');
    const mesh = pa('istio-system', 'default', '{mtls: {mode: STRICT}}');
    expect(mtlsModes(modelOf(SERVICE + mesh), proxy, DEFAULT_ENV).mode).toBe('STRICT');
    const ns = pa('shop', 'default', '{mtls: {mode: DISABLE}}');
    expect(mtlsModes(modelOf(SERVICE + mesh + ns), proxy, DEFAULT_ENV).mode).toBe('DISABLE');
    const wl = pa('shop', 'ratings', '{selector: {matchLabels: {app: ratings}}, mtls: {mode: PERMISSIVE}}');
    expect(mtlsModes(modelOf(SERVICE + mesh + ns + wl), proxy, DEFAULT_ENV).mode).toBe('PERMISSIVE');
    // A workload policy for other pods does not apply; UNSET inherits.
    const other = pa('shop', 'other', '{selector: {matchLabels: {app: other}}, mtls: {mode: DISABLE}}');
    const unset = pa('shop', 'unset', '{selector: {matchLabels: {app: ratings}}, mtls: {mode: UNSET}}');
    expect(mtlsModes(modelOf(SERVICE + mesh + other + unset), proxy, DEFAULT_ENV).mode).toBe('STRICT');
  });

  it('takes portLevelMtls by the target port', () => {
    const wl = pa(
      'shop',
      'ratings',
      '{selector: {matchLabels: {app: ratings}}, mtls: {mode: STRICT}, portLevelMtls: {"8080": {mode: DISABLE}}}',
    );
    const modes = mtlsModes(modelOf(SERVICE + wl), proxy, DEFAULT_ENV);
    expect([modes.port(8080), modes.port(5432)]).toEqual(['DISABLE', 'STRICT']);
  });
});

describe('inbound trace', () => {
  const call = (port: number, tls: string, protocol = 'http') => ({
    port,
    protocol,
    tls,
    callMode: 'inbound',
  });

  it('listens on the target port, with the inbound cluster and virtual host of that port', () => {
    const model = modelOf(SERVICE);
    expect(traceForJson(model, proxy, call(8080, 'plaintext'))).toMatchObject({
      listener: 'virtualInbound',
      virtualHost: 'inbound|http|8080',
      cluster: 'inbound|8080||',
    });
    // 9080 is the Service port, not a port of the pod: plain passthrough.
    expect(traceForJson(model, proxy, call(9080, 'plaintext')).cluster).toBe('InboundPassthroughCluster');
  });

  it('under STRICT refuses plaintext and plain TLS, and takes Istio mTLS', () => {
    const model = modelOf(SERVICE + pa('shop', 'default', '{mtls: {mode: STRICT}}'));
    expect(traceForJson(model, proxy, call(8080, 'plaintext')).error).toBe('no filter chains matched');
    expect(traceForJson(model, proxy, call(8080, 'tls')).error).toBe('invalid mTLS');
    expect(traceForJson(model, proxy, call(8080, 'mtls')).cluster).toBe('inbound|8080||');
    expect(traceForJson(model, proxy, call(5432, 'mtls', 'tcp')).cluster).toBe('inbound|5432||');
  });
});
