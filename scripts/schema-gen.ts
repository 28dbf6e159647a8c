// The schema generator as pure functions, so `npm run schemas` (scripts/extract-schemas.ts) writes what
// schema-gen.test.ts recomputes in memory: the test fails when the CRDs, the JSON schemas and the precompiled
// validators disagree.
//
// From the Istio CRDs in test/fixtures/corpus/istio-crds: the v1 version's openAPIV3Schema, closed against
// unknown fields the way Kubernetes treats a structural schema (fields not listed are pruned, and
// `kubectl --validate=strict` rejects them), into src/core/validate/schemas/<kind>.json. Then every schemas/*.json
// (the hand-written Service and Deployment too) precompiled into schemas/generated/<kind>.js with ajv's
// standalone code: the built app's CSP has no 'unsafe-eval', so ajv cannot compile in the browser.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import {
  AJV_OPTIONS,
  AJV_FORMATS,
  AJV_KEYWORDS,
  GENERATED_HEADER,
} from '../src/core/validate/schemas/ajv-options';

export const ROOT = join(import.meta.dirname, '..');
export const CRDS = join(ROOT, 'test/fixtures/corpus/istio-crds');
export const OUT = join(ROOT, 'src/core/validate/schemas');
export const GEN = join(OUT, 'generated');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObj(v: unknown): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds `additionalProperties: false` where Kubernetes would prune unknown fields; recurses everywhere. */
function close(node: Json): Json {
  if (Array.isArray(node)) return node.map(close);
  if (!isObj(node)) return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    // `properties` and `enum` hold names and values, not schemas; recurse into the schemas they hold only.
    if (k === 'properties' && isObj(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, close(s)]));
    } else if (k === 'enum' || k === 'required' || k === 'x-kubernetes-validations' || k === 'description') {
      out[k] = v;
    } else {
      out[k] = close(v);
    }
  }
  if (
    isObj(node.properties) &&
    node.additionalProperties === undefined &&
    node['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function stable(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable(v[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Identity of a subschema for de-duplication: its content without its own description. */
function shape(v: { [k: string]: Json }): string {
  const { description: _d, ...rest } = v;
  return stable(rest);
}

const MIN_SHARED = 400; // characters; smaller repeats cost less than a reference

/**
 * Moves subschemas that occur more than once (trafficPolicy in each subset, tls in each port...) to
 * `definitions` and references them. ajv then compiles each once instead of inlining every copy, which cuts
 * compile time from seconds to a fraction, and monaco-yaml follows the same references.
 */
function share(schema: { [k: string]: Json }): { [k: string]: Json } {
  const counts = new Map<string, { n: number; name: string }>();
  const count = (node: Json, key: string) => {
    if (Array.isArray(node)) return node.forEach((x) => count(x, key));
    if (!isObj(node)) return;
    if (isObj(node.properties)) {
      const id = shape(node);
      if (id.length >= MIN_SHARED)
        counts.set(id, { n: (counts.get(id)?.n ?? 0) + 1, name: counts.get(id)?.name ?? key });
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && isObj(v)) Object.entries(v).forEach(([p, sub]) => count(sub, p));
      else if (k !== 'enum' && k !== 'required' && k !== 'description') count(v, key);
    }
  };
  count(schema, 'root');
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, { n, name }] of counts) {
    if (n < 2) continue;
    let unique = name;
    for (let i = 2; used.has(unique); i++) unique = `${name}${i}`;
    used.add(unique);
    names.set(id, unique);
  }
  const definitions: { [k: string]: Json } = {};
  const replace = (node: Json, root: boolean): Json => {
    if (Array.isArray(node)) return node.map((x) => replace(x, false));
    if (!isObj(node)) return node;
    const name = isObj(node.properties) ? names.get(shape(node)) : undefined;
    if (name && !root) {
      if (!(name in definitions)) {
        definitions[name] = null;
        const { description: _d, ...body } = node;
        definitions[name] = replace(body, true);
      }
      return node.description === undefined
        ? { $ref: `#/definitions/${name}` }
        : { description: node.description, $ref: `#/definitions/${name}` };
    }
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && isObj(v)) {
        out[k] = Object.fromEntries(Object.entries(v).map(([p, sub]) => [p, replace(sub, false)]));
      } else if (
        k === 'enum' ||
        k === 'required' ||
        k === 'description' ||
        k === 'x-kubernetes-validations'
      ) {
        out[k] = v;
      } else {
        out[k] = replace(v, false);
      }
    }
    return out;
  };
  const body = replace(schema, true);
  return isObj(body) && Object.keys(definitions).length ? { ...body, definitions } : schema;
}

const envelope = {
  apiVersion: { type: 'string', description: 'API group and version, e.g. networking.istio.io/v1.' },
  kind: { type: 'string' },
  metadata: {
    type: 'object',
    description: 'Standard Kubernetes object metadata.',
    additionalProperties: true,
    properties: {
      name: { type: 'string' },
      namespace: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
};

/** A generated file: where it goes and its whole text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** One CRD file's text → `schemas/<kind>.json`, formatted as the repo's prettier check wants it. */
export async function extractSchema(file: string, crdText: string): Promise<GeneratedFile> {
  const crd: unknown = parse(crdText);
  if (!isObj(crd) || !isObj(crd.spec) || !isObj(crd.spec.names) || !Array.isArray(crd.spec.versions)) {
    throw new Error(`${file}: not a CRD`);
  }
  const kind = String(crd.spec.names.kind);
  const v1 = crd.spec.versions.find((v) => isObj(v) && v.name === 'v1');
  if (!isObj(v1) || !isObj(v1.schema) || !isObj(v1.schema.openAPIV3Schema))
    throw new Error(`${file}: no v1 schema`);
  const schema = v1.schema.openAPIV3Schema;
  const props = isObj(schema.properties) ? schema.properties : {};
  const closed = close({
    ...schema,
    $comment: `Generated by scripts/extract-schemas.ts from ${file} (v1). Apache-2.0, Copyright Istio Authors.`,
    properties: { ...envelope, ...props },
  });
  const out = isObj(closed) ? share(closed) : closed;
  // Formatted as prettier would, so regenerating never shows up as a diff.
  const text = await format(JSON.stringify(out), { parser: 'json', printWidth: 110 });
  return { path: join(OUT, `${kind.toLowerCase()}.json`), text };
}

/** Replaces ajv's `require("ajv/dist/runtime/x").default` with the (self-contained) function's own source. */
async function inlineRuntime(code: string): Promise<string> {
  const defs: string[] = [];
  const seen = new Map<string, string>();
  for (const m of code.matchAll(/require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default/g)) {
    const mod = m[1] ?? '';
    if (seen.has(mod)) continue;
    const cjs: unknown = ((await import(mod)) as { default: unknown }).default;
    const fn = typeof cjs === 'function' ? cjs : (cjs as { default?: unknown } | undefined)?.default;
    if (typeof fn !== 'function') throw new Error(`${mod}: not a function`);
    const name = `runtime_${mod.split('/').pop()?.replace(/\W/g, '_')}`;
    seen.set(mod, name);
    defs.push(`const ${name} = ${fn.toString()};`);
  }
  let out = code;
  for (const [mod, name] of seen) out = out.split(`require("${mod}").default`).join(name);
  if (/require\(/.test(out)) throw new Error('standalone code still requires a module');
  return `${defs.join('\n')}\n${out}`;
}

const DTS = `// Generated by scripts/extract-schemas.ts. Do not edit.
import type { StandaloneValidate } from '../ajv-options';

declare const validate: StandaloneValidate;
export default validate;
`;

/**
 * The schema without its prose: ajv's verbose code embeds every schema object it checks against, descriptions
 * included, and the app ships that code on its first screen. A `description` is dropped only where it is a string
 * (an annotation); a property named `description` is an object and stays. Hover texts come from the JSON itself.
 */
export function withoutDescriptions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDescriptions);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'description' && typeof x === 'string') continue;
    out[k] = withoutDescriptions(x);
  }
  return out;
}

/** One schema's JSON text (`<kind>.json`) → its precompiled validator `generated/<kind>.js` and its `.d.ts`. */
export async function compileValidator(file: string, json: string): Promise<GeneratedFile[]> {
  const ajv = new Ajv(AJV_OPTIONS);
  for (const f of AJV_FORMATS) ajv.addFormat(f, true);
  for (const k of AJV_KEYWORDS) ajv.addKeyword({ keyword: k });
  const source = standaloneCode(ajv, ajv.compile(withoutDescriptions(JSON.parse(json)) as object));
  const hash = createHash('sha256').update(json).digest('hex');
  const code = `${GENERATED_HEADER(file, hash)}\n${await inlineRuntime(source)}`;
  const base = join(GEN, file.replace(/\.json$/, ''));
  const js = `${base}.js`;
  const dts = `${base}.d.ts`;
  return [
    { path: js, text: await format(code, { ...(await resolveConfig(js)), filepath: js }) },
    { path: dts, text: await format(DTS, { ...(await resolveConfig(dts)), filepath: dts }) },
  ];
}

/** The CRD files the schemas come from. */
export function crdFiles(): string[] {
  return readdirSync(CRDS).filter((f) => f.endsWith('.yaml'));
}

/** Every schema from its CRD, in memory. */
export async function extractAll(): Promise<GeneratedFile[]> {
  return Promise.all(crdFiles().map((f) => extractSchema(f, readFileSync(join(CRDS, f), 'utf8'))));
}
