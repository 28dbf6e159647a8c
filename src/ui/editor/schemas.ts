import type { SchemasSettings } from 'monaco-yaml';
import { SCHEMAS, type JsonSchema } from '../../core/validate/schemas/index';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObj = (v: unknown): v is { [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Renames `#/definitions/x` to `#/definitions/<prefix>.x` so every kind's definitions can share one root. */
function prefixRefs(node: Json, prefix: string): Json {
  if (Array.isArray(node)) return node.map((n) => prefixRefs(n, prefix));
  if (!isObj(node)) return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')
        ? `#/definitions/${prefix}.${v.slice(14)}`
        : k === 'enum' || k === 'description'
          ? v
          : prefixRefs(v, prefix);
  }
  return out;
}

/**
 * One schema for the whole file: all documents live in one model (`file:///mesh.yaml`) and monaco-yaml applies
 * one schema per file, so each kind's schema applies through `if kind (and apiVersion) … then`.
 */
export function combinedSchema(): JsonSchema {
  const definitions: { [k: string]: Json } = {};
  const branches = SCHEMAS.map((entry): Json => {
    const prefix = entry.kind.toLowerCase();
    const body = prefixRefs(entry.schema as Json, prefix);
    if (!isObj(body)) return {};
    const { definitions: defs, $comment: _c, ...rest } = body;
    if (isObj(defs)) for (const [name, d] of Object.entries(defs)) definitions[`${prefix}.${name}`] = d;
    return {
      if: {
        required: ['kind', 'apiVersion'],
        properties: { kind: { const: entry.kind }, apiVersion: { enum: [...entry.apiVersions] } },
      },
      then: rest,
    };
  });
  return {
    type: 'object',
    properties: {
      apiVersion: {
        description: 'API group and version of the resource.',
        enum: [...new Set(SCHEMAS.flatMap((s) => s.apiVersions))],
      },
      kind: { description: 'Kind of the resource.', enum: SCHEMAS.map((s) => s.kind) },
    },
    allOf: branches,
    definitions,
  };
}

/** Schemas for completion and hover, from the validation schemas (validation itself is ours, not monaco-yaml's). */
export function yamlSchemas(): SchemasSettings[] {
  return [
    {
      uri: 'https://istio-traffic-studio.local/schemas/mesh.json',
      fileMatch: ['mesh.yaml', '*.yaml'],
      schema: combinedSchema(),
    },
  ];
}
