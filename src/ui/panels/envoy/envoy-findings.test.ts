import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../../../core/envoy';
import { derive } from '../../../core/derive';
import { envoyFindings } from './envoy-findings';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const proxy = { kind: 'sidecar' as const, namespace: 'default', labels: { app: 'reviews', version: 'v1' } };
const second = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-all-v9
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v9
`;

describe('envoyView findings', () => {
  it('has none for the canary example', () => {
    expect(envoyFindings(derive(canary).model, proxy, DEFAULT_ENV)).toEqual([]);
  });
  it('names the VirtualService a sidecar ignores and the older one that wins', () => {
    const findings = envoyFindings(derive(`${canary}${second}`).model, proxy, DEFAULT_ENV);
    const ignored = findings.find((f) => f.key.startsWith('ignored|'));
    expect(ignored?.ref).toBe('VirtualService default/reviews-all-v9');
    expect(ignored?.text).toContain('default/reviews is older');
    // The ignored VirtualService's missing subset v9 is not routed, so it is no 503 of this proxy.
    expect(findings.some((f) => f.text.includes('|v9|'))).toBe(false);
  });
  it('says a route to a subset no DestinationRule defines gets 503 NR', () => {
    const text = canary.replace('subset: v2', 'subset: v7');
    const findings = envoyFindings(derive(text).model, proxy, DEFAULT_ENV);
    const missing = findings.find((f) => f.severity === 'error');
    expect(missing?.text).toContain('outbound|9080|v7|reviews.default.svc.cluster.local');
    expect(missing?.text).toContain('503 NR');
    expect(missing?.ref).toBe('VirtualService default/reviews');
  });
});
