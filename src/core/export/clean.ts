import type { Pair, YAMLMap } from 'yaml';
import { parseText, type ParsedDoc } from '../yaml/parse';
import { applySplices, mapAt, pairOf, removePair, resourceMaps, type Splice } from './ranges';

/** Fields the API server writes; `kubectl apply` does not want them back. */
export const SERVER_METADATA_FIELDS = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
] as const;

/** The annotation `kubectl apply` keeps its last input in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

interface Found {
  map: YAMLMap;
  pair: Pair;
}

/** Every server-written pair in one resource map; an `annotations` (or `metadata`) map left empty goes too. */
function serverPairs(res: YAMLMap): Found[] {
  const out: Found[] = [];
  const status = pairOf(res, 'status');
  if (status) out.push({ map: res, pair: status });
  const meta = mapAt(res, 'metadata');
  if (!meta) return out;
  const metaOut: Found[] = [];
  for (const field of SERVER_METADATA_FIELDS) {
    const p = pairOf(meta, field);
    if (p) metaOut.push({ map: meta, pair: p });
  }
  const annotations = mapAt(meta, 'annotations');
  const lastApplied = annotations && pairOf(annotations, LAST_APPLIED_ANNOTATION);
  if (annotations && lastApplied) {
    const annotationsPair = pairOf(meta, 'annotations');
    if (annotations.items.length === 1 && annotationsPair) metaOut.push({ map: meta, pair: annotationsPair });
    else out.push({ map: annotations, pair: lastApplied });
  }
  const metaPair = pairOf(res, 'metadata');
  // A List's `metadata: {resourceVersion: ""}` would otherwise be left as a bare `metadata:` (null).
  if (metaPair && metaOut.length > 0 && metaOut.length === meta.items.length) {
    out.push({ map: res, pair: metaPair });
  } else {
    out.push(...metaOut);
  }
  return out;
}

function docSplices(doc: ParsedDoc): Splice[] {
  if (doc.broken) return []; // never touch text that does not parse: its ranges cannot be trusted
  return resourceMaps(doc.ast).flatMap((res) =>
    serverPairs(res).flatMap(({ map, pair }) => removePair(doc.text, map, pair) ?? []),
  );
}

/**
 * Removes what the API server adds (`status`, `metadata.managedFields`, `resourceVersion`, `uid`,
 * `creationTimestamp`, `generation`, the last-applied annotation) from every document and every item of a
 * `kind: List`. Every other byte stays as written: the text is spliced at the parser's node ranges.
 * Documents that do not parse are left as they are.
 */
export function cleanForApply(text: string): string {
  const parsed = parseText(text);
  let out = '';
  let at = 0;
  for (const doc of parsed.docs) {
    out += text.slice(at, doc.start) + applySplices(doc.text, docSplices(doc));
    at = doc.end;
  }
  return out + text.slice(at);
}

/** True when the text carries any field `cleanForApply` removes: pasted `kubectl get -o yaml` output. */
export function looksLikeClusterOutput(text: string): boolean {
  return parseText(text).docs.some((doc) => docSplices(doc).length > 0);
}
