import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { bookinfoText } from './test-helpers';
import { traceDetailed } from './trace';

const proxy = { kind: 'sidecar' as const, namespace: 'default', labels: { app: 'productpage' } };
const req = { host: 'reviews', port: 9080, protocol: 'http' as const, path: '/' };

describe('traces reuse the tables built for a model', () => {
  it('builds a proxy’s routes once per model, and again for a new model', () => {
    const text = bookinfoText('virtual-service-reviews-80-20', 'destination-rule-all');
    const a = derive(text).model;
    const first = traceDetailed(a, proxy, req).virtualHost;
    expect(first?.name).toBe('reviews.default.svc.cluster.local:9080');
    expect(traceDetailed(a, proxy, { ...req, path: '/x' }).virtualHost).toBe(first);
    // Another proxy or another environment is another key.
    expect(traceDetailed(a, { ...proxy, labels: { app: 'ratings' } }, req).virtualHost).not.toBe(first);
    expect(traceDetailed(a, proxy, req, { outboundTrafficPolicy: 'REGISTRY_ONLY' }).virtualHost).not.toBe(
      first,
    );
    // An edited text is a new model: its own tables, with the edit in them.
    const b = derive(text.replace('weight: 80', 'weight: 70').replace('weight: 20', 'weight: 30')).model;
    const edited = traceDetailed(b, proxy, req);
    expect(edited.virtualHost).not.toBe(first);
    expect(edited.result.weightedClusters?.map((w) => w.weight)).toEqual([70, 30]);
  });
});
