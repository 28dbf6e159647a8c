import type { ErrorObject } from 'ajv';
import { arr, isRec, rec, str } from '../../model/read';
import { celCheck } from './cel';

const cache = new Map<string, ReturnType<typeof celCheck>>();

function check(rule: string): ReturnType<typeof celCheck> {
  if (!cache.has(rule)) cache.set(rule, celCheck(rule));
  return cache.get(rule);
}

const pointer = (seg: string | number) => String(seg).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Runs the CRDs' CEL rules (`x-kubernetes-validations`) over the data, following the schema where the data goes
 * (properties, items, map values, local `$ref`s). The errors look like ajv's so one mapping serves both.
 */
export function celErrors(root: unknown, data: unknown): ErrorObject[] {
  const out: ErrorObject[] = [];
  const defs = rec(rec(root).definitions);
  const visit = (schema: unknown, value: unknown, at: string, depth: number): void => {
    if (!isRec(schema) || depth > 64) return;
    const ref = str(schema.$ref);
    if (ref?.startsWith('#/definitions/')) visit(defs[ref.slice(14)], value, at, depth + 1);
    for (const r of arr(schema['x-kubernetes-validations'])) {
      const rule = str(rec(r).rule);
      const fn = rule ? check(rule) : undefined;
      if (rule && fn && !fn(value)) {
        out.push({
          keyword: 'x-kubernetes-validations',
          instancePath: at,
          schemaPath: '',
          params: { rule },
          message: str(rec(r).message) ?? rule,
        });
      }
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(schema.items, v, `${at}/${i}`, depth + 1));
    } else if (isRec(value)) {
      const props = rec(schema.properties);
      for (const [k, v] of Object.entries(value)) {
        const sub = Object.hasOwn(props, k) ? props[k] : schema.additionalProperties;
        visit(sub, v, `${at}/${pointer(k)}`, depth + 1);
      }
    }
  };
  visit(root, data, '', 0);
  return out;
}
