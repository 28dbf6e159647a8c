import { rec, str } from '../model/read';
import type { MeshModel, ResourceBase } from '../model/types';
import type { ParsedText } from '../yaml/parse';
import type { Diagnostic } from './types';

/** istioctl's annotation: comma-separated codes to suppress on this resource, `*` for all. */
export const ANALYZE_SUPPRESS = 'galley.istio.io/analyze-suppress';
/** Kiali's annotation: comma-separated codes to ignore on this object; an empty value ignores all. */
export const KIALI_IGNORE = 'kiali.io/ignore-validations';

/** The codes a resource's annotations suppress: `all`, a set of codes, or undefined for none. */
export function suppressedCodes(raw: unknown): Set<string> | 'all' | undefined {
  const annotations = rec(rec(rec(raw).metadata).annotations);
  const codes = new Set<string>();
  const galley = str(annotations[ANALYZE_SUPPRESS]);
  // istioctl splits on `,` and compares exactly; spaces after commas are trimmed here, as people write them.
  if (galley !== undefined && galley !== '') {
    for (const c of galley.split(',').map((s) => s.trim())) {
      if (c === '*') return 'all';
      if (c !== '') codes.add(c);
    }
  }
  if (KIALI_IGNORE in annotations) {
    const kiali = str(annotations[KIALI_IGNORE]) ?? '';
    if (kiali.trim() === '') return 'all';
    for (const c of kiali.split(',').map((s) => s.trim())) if (c !== '') codes.add(c);
  }
  return codes.size > 0 ? codes : undefined;
}

/** Index of the document holding an absolute offset (documents are in text order). */
function docAt(parsed: ParsedText, offset: number): number | undefined {
  let lo = 0;
  let hi = parsed.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = parsed.docs[mid];
    if (!d) break;
    if (offset < d.start) hi = mid - 1;
    else if (offset > d.end) lo = mid + 1;
    else return d.index;
  }
  return undefined;
}

/**
 * Drops the findings a resource's own annotations suppress (`galley.istio.io/analyze-suppress`,
 * `kiali.io/ignore-validations`), as istioctl and Kiali do, so the app, `its check` and SARIF agree. A finding
 * belongs to the resource its `resource` names; with two resources of one name (a duplicate), the one in the
 * document holding the finding. Findings about the text itself (no resource) are never suppressed.
 */
export function applyAnnotationSuppressions(
  diagnostics: Diagnostic[],
  model: MeshModel,
  parsed: ParsedText,
): Diagnostic[] {
  const byRef = new Map<string, ResourceBase[]>();
  let any = false;
  for (const r of model.resources) {
    if (suppressedCodes(r.raw) !== undefined) any = true;
    const list = byRef.get(r.ref);
    if (list) list.push(r);
    else byRef.set(r.ref, [r]);
  }
  // The common case (no annotation anywhere) costs one pass over the resources.
  if (!any) return diagnostics;
  return diagnostics.filter((d) => {
    if (d.resource === undefined) return true;
    const candidates = byRef.get(d.resource);
    if (!candidates) return true;
    const doc = candidates.length > 1 ? docAt(parsed, d.range[0]) : undefined;
    const owner = candidates.find((r) => r.docIndex === doc) ?? candidates[0];
    const codes = owner ? suppressedCodes(owner.raw) : undefined;
    return !(codes === 'all' || codes?.has(d.code));
  });
}
