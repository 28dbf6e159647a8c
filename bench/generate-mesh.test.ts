import { describe, expect, it } from 'vitest';
import { derive } from '../src/core/derive';
import { generateMesh } from './generate-mesh';

describe('generateMesh', () => {
  it.each([1, 4, 7, 10, 11, 100, 333])('yields exactly %i resources that parse cleanly', (n) => {
    const d = derive(generateMesh(n));
    expect(d.parseErrors).toEqual([]);
    expect(d.model.resources.length).toBe(n);
    expect(d.model.others).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generateMesh(250)).toBe(generateMesh(250));
  });

  it('builds whole services: subsets select their Deployments and route weights add up to 100', () => {
    const d = derive(generateMesh(110)); // 10 × (5 + 6): whole services only
    const { services, workloads, destinationRules, virtualServices } = d.model;
    expect(services.length).toBe(destinationRules.length);
    expect(workloads.length).toBe(110 - 3 * services.length);
    for (const vs of virtualServices) {
      const last = vs.routes[vs.routes.length - 1];
      expect(last?.destinations.reduce((s, x) => s + (x.weight ?? 0), 0)).toBe(100);
    }
    const selects = d.graph.edges.filter((e) => e.id.startsWith('selects:subset:'));
    const subsets = destinationRules.reduce((s, dr) => s + dr.subsets.length, 0);
    expect(selects.length).toBe(subsets);
    expect(d.graph.nodes.some((n) => n.kind === 'missing')).toBe(false);
  });
});
