import { isRec } from '../../../../core/model/read';

/** A form field's path as the form errors name it (`portLevelSettings[0].tls.mode`), as keys and indexes. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

const isEmpty = (v: unknown): boolean => isRec(v) && Object.values(v).every((x) => x === undefined);

function setIn(obj: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list: unknown[] = Array.isArray(obj) ? [...obj] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const out = isRec(obj) ? { ...obj } : {};
  const v = setIn(out[head], rest, value);
  // A group emptied by clearing its last field goes away; one set to `{}` on purpose stays.
  if (v === undefined || (rest.length > 0 && isEmpty(v))) delete out[head];
  else out[head] = v;
  return out;
}

/**
 * A copy of a form value with the field at `path` set (undefined clears it); groups left empty by the
 * change are dropped, so clearing a form's last field removes its section from the YAML.
 */
export function setField<T extends object>(form: T, path: string, value: unknown): T {
  const next = setIn(form, parsePath(path), value);
  // setIn keeps the shape of `form` apart from the one field the caller names, which has that field's type.
  return (isRec(next) ? next : {}) as T;
}
