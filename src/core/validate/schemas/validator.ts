import type { ErrorObject } from 'ajv';
import { arr, isRec, rec, str, type Rec } from '../../model/read';
import { formatPath, type YamlPath } from '../../yaml/locate';
import type { StandaloneValidate } from './ajv-options';
import { celErrors } from './cel-walk';
import deployment from './generated/deployment.js';
import destinationrule from './generated/destinationrule.js';
import gateway from './generated/gateway.js';
import service from './generated/service.js';
import serviceentry from './generated/serviceentry.js';
import virtualservice from './generated/virtualservice.js';
import type { SchemaEntry } from './index';

/** One schema violation, relative to the resource object. `onKey` points the marker at the key (unknown fields). */
export interface SchemaIssue {
  path: YamlPath;
  onKey: boolean;
  message: string;
}

// Precompiled by scripts/extract-schemas.ts: the app's CSP forbids the `new Function` ajv compiles with.
const VALIDATORS: Readonly<Record<string, StandaloneValidate>> = {
  Deployment: deployment,
  DestinationRule: destinationrule,
  Gateway: gateway,
  Service: service,
  ServiceEntry: serviceentry,
  VirtualService: virtualservice,
};

/** Turns `/spec/http/0` into a YAML path, reading the data to tell list indexes from map keys. */
function toPath(instancePath: string, data: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = rec(node)[seg];
    }
  }
  return out;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

function closest(name: string, known: string[]): string | undefined {
  const lower = name.toLowerCase();
  const ranked = known
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : distance(lower, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d);
  const best = ranked[0];
  return best && best.d <= Math.max(1, Math.floor(name.length / 4)) ? best.k : undefined;
}

function requiredOf(branches: unknown): string[] {
  return arr(branches).flatMap((b) => arr(rec(b).required).map((x) => str(x) ?? ''));
}

function issueOf(e: ErrorObject, data: Rec): SchemaIssue | undefined {
  const path = toPath(e.instancePath, data);
  const where = path.length ? formatPath(path) : 'the resource';
  const parent = isRec(e.parentSchema) ? e.parentSchema : {};
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = str(rec(e.params).additionalProperty) ?? '';
      const known = Object.keys(rec(parent.properties));
      const guess = closest(field, known);
      const hint = guess ? `Did you mean "${guess}"?` : `Known fields: ${known.join(', ')}.`;
      return {
        path: [...path, field],
        onKey: true,
        message: `Unknown field "${field}" in ${where}. ${hint}`,
      };
    }
    case 'required': {
      const field = str(rec(e.params).missingProperty) ?? '';
      return { path, onKey: false, message: `${where} is missing required field "${field}". Add it.` };
    }
    case 'type': {
      const want = arr(rec(e.params).type).length
        ? arr(rec(e.params).type).join(' or ')
        : String(rec(e.params).type);
      // `a:b` unquoted inside [ ] or after `- ` reads as a map, which surprises everyone once.
      const hint =
        want === 'string' && isRec(e.data)
          ? ' Quote the value: a ":" in a plain value can make it a map.'
          : '';
      const wanted = want === 'object' ? 'a map' : want === 'array' ? 'a list' : `a ${want}`;
      return { path, onKey: false, message: `${where} must be ${wanted}, not ${typeName(e.data)}.${hint}` };
    }
    case 'enum': {
      const allowed = arr(rec(e.params).allowedValues).map(String);
      return {
        path,
        onKey: false,
        message: `${where} is ${JSON.stringify(e.data)}; allowed values: ${allowed.join(', ')}.`,
      };
    }
    case 'oneOf': {
      const fields = [...new Set(requiredOf(parent.oneOf))].filter(Boolean);
      const set = fields.filter((f) => isRec(e.data) && f in e.data);
      if (fields.length && set.length > 1) {
        return {
          path,
          onKey: false,
          message: `${where} sets ${set.join(' and ')}; set only one of: ${fields.join(', ')}.`,
        };
      }
      return fields.length
        ? { path, onKey: false, message: `${where} must set exactly one of: ${fields.join(', ')}.` }
        : { path, onKey: false, message: `${where} ${e.message ?? 'is invalid'}.` };
    }
    case 'anyOf': {
      const types = arr(parent.anyOf)
        .map((b) => str(rec(b).type))
        .filter((t): t is string => !!t);
      const fields = requiredOf(parent.anyOf).filter(Boolean);
      if (types.length)
        return {
          path,
          onKey: false,
          message: `${where} must be a ${types.join(' or a ')}, not ${typeName(e.data)}.`,
        };
      return {
        path,
        onKey: false,
        message: fields.length
          ? `${where} must set one of: ${fields.join(', ')}.`
          : `${where} ${e.message ?? 'is invalid'}.`,
      };
    }
    default:
      return { path, onKey: false, message: `${where} ${e.message ?? 'is invalid'}.` };
  }
}

// Branch errors of oneOf/anyOf/not explain why each alternative failed; the summary error says it better.
const BRANCH = /\/(oneOf|anyOf|not)\//;

/** Validates one resource object against its schema. */
export function schemaIssues(entry: SchemaEntry, data: Rec): SchemaIssue[] {
  const validate = VALIDATORS[entry.kind];
  const errors = validate && !validate(data) ? (validate.errors ?? []) : [];
  const all = [...errors, ...celErrors(entry.schema, data)];
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const e of all) {
    if (BRANCH.test(e.schemaPath)) continue;
    // `args:` with nothing after it is null, which the API server takes as "not set" (built-in types decode it
    // to the zero value; CRDs prune nulls of non-nullable fields), so kubectl apply accepts it.
    if (e.keyword === 'type' && e.data === null) continue;
    const issue = issueOf(e, data);
    if (!issue) continue;
    const key = `${formatPath(issue.path)}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
