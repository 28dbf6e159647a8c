import { describe, expect, it } from 'vitest';
import { derive } from '../src/core/derive';
import { generateGatewayMesh } from './generate-gateway-mesh';

describe('generateGatewayMesh', () => {
  it.each([1, 3, 8, 100, 333])('yields exactly %i resources that parse cleanly', (n) => {
    const d = derive(generateGatewayMesh(n));
    expect(d.parseErrors).toEqual([]);
    expect(d.model.resources.length).toBe(n);
    expect(d.model.others).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generateGatewayMesh(250)).toBe(generateGatewayMesh(250));
  });

  it('binds half the VirtualServices to the one ingress Gateway, which resolves, and has ServiceEntries', () => {
    const d = derive(generateGatewayMesh(400));
    const { gateways, virtualServices, serviceEntries, destinationRules } = d.model;
    expect(gateways.map((g) => `${g.namespace}/${g.name}`)).toEqual(['istio-system/public']);
    const bound = virtualServices.filter((v) => v.gateways.includes('istio-system/public'));
    expect(bound.length).toBe(Math.ceil(virtualServices.length / 2));
    expect(serviceEntries.length).toBeGreaterThan(0);
    // Hosts short and as FQDN, both resolving to the Service (no route to a missing host).
    expect(destinationRules.some((r) => r.host.endsWith('.svc.cluster.local'))).toBe(true);
    expect(destinationRules.some((r) => !r.host.includes('.'))).toBe(true);
    expect(d.graph.nodes.some((n) => n.kind === 'missing')).toBe(false);
    // Clean config: only warnings a real mesh has (TLS without CA, the ingress pods' missing version label).
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const edgesToGateway = d.graph.edges.filter((e) => e.target.includes('istio-system/public'));
    expect(
      edgesToGateway.length + d.graph.edges.filter((e) => e.source.includes('istio-system/public')).length,
    ).toBeGreaterThan(0);
  });
});
