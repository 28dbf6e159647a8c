// Safe readers for untrusted YAML values: they never throw and never cast; a wrong type reads as absent
// (schema validation reports the wrong type separately).

export type Rec = Record<string, unknown>;

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown): Rec {
  return isRec(v) ? v : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A map of string to string (labels, selectors); non-string values are stringified, others dropped. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(rec(v))) {
    const s = str(val);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function strList(v: unknown): string[] {
  return arr(v)
    .map(str)
    .filter((s): s is string => s !== undefined);
}
