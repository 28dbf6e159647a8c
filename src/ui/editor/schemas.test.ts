import { describe, expect, it } from 'vitest';
import { combinedSchema } from './schemas';

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  return out;
}

describe('combinedSchema', () => {
  const schema = combinedSchema();

  it('has one branch per kind, keyed on kind and apiVersion', () => {
    const kinds = (schema.allOf as { if: { properties: { kind: { const: string } } } }[]).map(
      (b) => b.if.properties.kind.const,
    );
    expect(kinds).toEqual([
      'VirtualService',
      'DestinationRule',
      'Gateway',
      'ServiceEntry',
      'Service',
      'Deployment',
    ]);
  });

  it('resolves every $ref to a definition of the root', () => {
    const defs = schema.definitions as Record<string, unknown>;
    const all = refs(schema.allOf);
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) expect(defs[r.replace('#/definitions/', '')], r).toBeDefined();
  });
});
