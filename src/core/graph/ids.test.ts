import { describe, expect, it } from 'vitest';
import { edgeId, isEdgeId, nodeId } from './ids';

describe('isEdgeId', () => {
  it('accepts every kind of edge id', () => {
    const ids = [
      edgeId.route('default', 'reviews', 'http', 0, 1),
      edgeId.route('prod', 'echo', 'tcp', 2, 0),
      edgeId.mirror('default', 'reviews', 0),
      edgeId.selects('service:default/reviews', 'deployment:default/reviews-v1'),
      edgeId.binds('gateway:istio-system/main', 'virtualservice:default/reviews'),
      edgeId.delegate('virtualservice:default/main', 'virtualservice:default/reviews'),
    ];
    for (const id of ids) expect(isEdgeId(id), id).toBe(true);
  });

  it('rejects every kind of node id, even ones that mention edges', () => {
    const ids = [
      nodeId.gateway('istio-system', 'main'),
      nodeId.virtualservice('default', 'route'),
      nodeId.service('default', 'reviews'),
      nodeId.serviceentry('default', 'mirror'),
      nodeId.destinationrule('default', 'reviews'),
      nodeId.subset('default', 'reviews', 'v1'),
      nodeId.deployment('default', 'reviews-v1'),
      nodeId.missing('route:default/reviews'),
    ];
    for (const id of ids) expect(isEdgeId(id), id).toBe(false);
  });

  it('rejects ids without a known kind', () => {
    for (const id of ['', 'route', ':route', 'routes:default/x', 'Route:default/x'])
      expect(isEdgeId(id), id).toBe(false);
  });
});
