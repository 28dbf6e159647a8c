import type { EditIntent } from '../edit/intents';
import { isRec } from '../model/read';
import { same } from './codec';
import type { FormError } from './form-error';
import type { YamlPath } from '../yaml/locate';

/** Errors of `after` that `before` did not have: what a change would break. */
export function introducedErrors(before: FormError[], after: FormError[]): FormError[] {
  return after.filter((a) => !before.some((b) => b.path === a.path && b.message === a.message));
}

/** The messages about one field (exactly that path). */
export function errorsAt(errors: FormError[], path: string): string[] {
  return errors.filter((e) => e.path === path).map((e) => e.message);
}

/**
 * One `setValue` that turns `prev` into `next` at `base`, aimed as deep as it can: while exactly one key (or
 * list item) differs, it descends, so a changed field rewrites only that field's text. Undefined when equal.
 */
export function minimalEdit(
  docIndex: number,
  base: YamlPath,
  prev: unknown,
  next: unknown,
): Extract<EditIntent, { type: 'setValue' }> | undefined {
  if (same(prev, next)) return undefined;
  let path = [...base];
  let a = prev;
  let b = next;
  for (;;) {
    const diff = differingChild(a, b);
    if (diff === undefined) break;
    path = [...path, diff];
    a = childOf(a, diff);
    b = childOf(b, diff);
  }
  return { type: 'setValue', docIndex, path, value: b };
}

function childOf(v: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(v) ? v[key] : undefined;
  return isRec(v) ? v[key] : undefined;
}

/** The one key or index at which two maps (or same-length lists) differ, if only one does. */
function differingChild(a: unknown, b: unknown): string | number | undefined {
  let keys: (string | number)[];
  if (isRec(a) && isRec(b)) keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) keys = a.map((_, i) => i);
  else return undefined;
  const diff = keys.filter((k) => !same(childOf(a, k), childOf(b, k)));
  return diff.length === 1 ? diff[0] : undefined;
}
