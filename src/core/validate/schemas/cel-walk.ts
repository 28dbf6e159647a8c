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
 * Whether a schema has CEL rules anywhere below it. Most of a resource's fields have none, so the walk skips
 * them (on a 1,000-resource paste the walk of every value was most of the schema check). An answer that met
 * a `$ref` cycle on the way is not kept: the cycle's entry point may still have rules the inner node did not see.
 */
function rulesBelow(
  schema: unknown,
  defs: Record<string, unknown>,
  memo: Map<unknown, boolean>,
  visiting = new Set<unknown>(),
): { found: boolean; cyclic: boolean } {
  if (!isRec(schema)) return { found: false, cyclic: false };
  const known = memo.get(schema);
  if (known !== undefined) return { found: known, cyclic: false };
  if (visiting.has(schema)) return { found: false, cyclic: true };
  visiting.add(schema);
  const ref = str(schema.$ref);
  const children = [
    ref?.startsWith('#/definitions/') ? defs[ref.slice(14)] : undefined,
    schema.items,
    schema.additionalProperties,
    ...Object.values(rec(schema.properties)),
  ];
  let found = arr(schema['x-kubernetes-validations']).length > 0;
  let cyclic = false;
  for (const c of children) {
    if (found) break;
    const r = rulesBelow(c, defs, memo, visiting);
    found ||= r.found;
    cyclic ||= r.cyclic;
  }
  visiting.delete(schema);
  if (found || !cyclic) memo.set(schema, found);
  return { found, cyclic: cyclic && !found };
}

const memos = new WeakMap<object, Map<unknown, boolean>>();

/**
 * Runs the CRDs' CEL rules (`x-kubernetes-validations`) over the data, following the schema where the data goes
 * (properties, items, map values, local `$ref`s), only into parts whose schema has rules below. The errors
 * look like ajv's so one mapping serves both.
 */
export function celErrors(root: unknown, data: unknown): ErrorObject[] {
  const out: ErrorObject[] = [];
  const defs = rec(rec(root).definitions);
  const key = isRec(root) ? root : {};
  let memo = memos.get(key);
  if (!memo) memos.set(key, (memo = new Map()));
  const below = memo;
  const path: (string | number)[] = [];
  const at = () => path.map((seg) => `/${pointer(seg)}`).join('');
  const visit = (schema: unknown, value: unknown, depth: number): void => {
    if (!isRec(schema) || depth > 64 || !rulesBelow(schema, defs, below).found) return;
    const ref = str(schema.$ref);
    if (ref?.startsWith('#/definitions/')) visit(defs[ref.slice(14)], value, depth + 1);
    for (const r of arr(schema['x-kubernetes-validations'])) {
      const rule = str(rec(r).rule);
      const fn = rule ? check(rule) : undefined;
      if (rule && fn && !fn(value)) {
        out.push({
          keyword: 'x-kubernetes-validations',
          instancePath: at(),
          schemaPath: '',
          params: { rule },
          message: str(rec(r).message) ?? rule,
        });
      }
    }
    const step = (sub: unknown, seg: string | number, v: unknown) => {
      path.push(seg);
      visit(sub, v, depth + 1);
      path.pop();
    };
    if (Array.isArray(value)) {
      value.forEach((v, i) => step(schema.items, i, v));
    } else if (isRec(value)) {
      const props = rec(schema.properties);
      for (const [k, v] of Object.entries(value))
        step(Object.hasOwn(props, k) ? props[k] : schema.additionalProperties, k, v);
    }
  };
  visit(root, data, 0);
  return out;
}
