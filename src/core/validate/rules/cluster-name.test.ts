import { describe, expect, it } from 'vitest';
import { buildClusters } from '../../envoy';
import { bookinfoText, modelOf } from '../../envoy/test-helpers';
import { clusterName } from './cluster-name';

describe('clusterName', () => {
  it('names every cluster core/envoy builds for the bookinfo reviews sidecar the same way', () => {
    const model = modelOf(bookinfoText('destination-rule-all'));
    const sidecar = { kind: 'sidecar' as const, namespace: 'default', labels: { app: 'productpage' } };
    const outbound = buildClusters(model, sidecar).filter((c) => c.direction === 'outbound');
    expect(outbound.map((c) => c.name)).toContain('outbound|9080|v1|reviews.default.svc.cluster.local');
    expect(outbound.map((c) => clusterName(c.port, c.subset, c.serviceFqdn))).toEqual(
      outbound.map((c) => c.name),
    );
  });
});
