// Pairs the resources of two texts by `Kind ns/name` and says which were added, removed or changed. "Changed"
// compares parsed values, so reformatting, comments and key order are no change.
import { isNode, type Document } from 'yaml';
import type { Derived } from '../derive';
import type { ResourceBase } from '../model/types';
import type { ChangeKind } from './types';

/** One resource present on either side. */
export interface ResourcePair {
  ref: string;
  base: ResourceBase | undefined;
  head: ResourceBase | undefined;
  change: ChangeKind | undefined;
  /** Top-level fields (`spec`, `metadata.labels`…) whose values differ. */
  fields: string[];
}

/** Deep equality of plain JSON-like values; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN and the like: YAML `.nan` on both sides is no change.
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// Fields the API server fills in or that say nothing about the config; a diff of `kubectl get -o yaml`
// against the Git file should not call a resource changed for them.
const NOISE = new Set(['status']);
const METADATA_NOISE = new Set([
  'creationTimestamp',
  'resourceVersion',
  'uid',
  'generation',
  'managedFields',
  'selfLink',
]);

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOISE.has(k));
  for (const k of keys) {
    if (k !== 'metadata') {
      if (!sameValue(a[k], b[k])) out.push(k);
      continue;
    }
    const ma = (a.metadata ?? {}) as Record<string, unknown>;
    const mb = (b.metadata ?? {}) as Record<string, unknown>;
    const mkeys = [...new Set([...Object.keys(ma), ...Object.keys(mb)])].filter(
      (m) => !METADATA_NOISE.has(m),
    );
    for (const m of mkeys) {
      // The namespace is part of the ref: an explicit `default` and an implied one are the same resource.
      if (m === 'namespace') continue;
      if (!sameValue(ma[m], mb[m])) out.push(`metadata.${m}`);
    }
  }
  return out.sort();
}

/** Every ref of either side, with its change (undefined when the values are the same). */
export function pairResources(base: Derived, head: Derived): ResourcePair[] {
  const byRef = (d: Derived): Map<string, ResourceBase> => {
    const m = new Map<string, ResourceBase>();
    const mm = d.model;
    // `resources` holds plain bases; the typed lists hold the same resources with their parsed fields
    // (a DestinationRule's subsets…), which the meanings need. The first of duplicates wins.
    const typed = [
      mm.services,
      mm.workloads,
      mm.destinationRules,
      mm.virtualServices,
      mm.gateways,
      mm.serviceEntries,
    ];
    const byPlace = new Map<string, ResourceBase>();
    for (const list of typed) for (const r of list) byPlace.set(`${r.docIndex}|${r.basePath.join('.')}`, r);
    for (const r of mm.resources) {
      if (!m.has(r.ref)) m.set(r.ref, byPlace.get(`${r.docIndex}|${r.basePath.join('.')}`) ?? r);
    }
    return m;
  };
  const b = byRef(base);
  const h = byRef(head);
  const out: ResourcePair[] = [];
  for (const ref of new Set([...b.keys(), ...h.keys()])) {
    const rb = b.get(ref);
    const rh = h.get(ref);
    if (!rb) out.push({ ref, base: undefined, head: rh, change: 'added', fields: [] });
    else if (!rh) out.push({ ref, base: rb, head: undefined, change: 'removed', fields: [] });
    else {
      const fields = changedFields(rb.raw, rh.raw);
      out.push({ ref, base: rb, head: rh, change: fields.length ? 'changed' : undefined, fields });
    }
  }
  return out;
}

/** The node of a resource in its document (the document's root, or a `kind: List` item). */
export function resourceNode(d: Derived, r: ResourceBase): unknown {
  const doc = d.parsed.docs[r.docIndex];
  if (!doc) return undefined;
  const ast: Document.Parsed = doc.ast;
  return r.basePath.length === 0 ? ast.contents : ast.getIn(r.basePath, true);
}

/** Absolute offsets of a resource in its text. */
export function resourceRange(d: Derived, r: ResourceBase): [number, number] | undefined {
  const doc = d.parsed.docs[r.docIndex];
  if (!doc) return undefined;
  const node = resourceNode(d, r);
  // The object's own node, so the range starts at its first key, not at the `---` line or a comment above.
  if (!isNode(node) || !node.range) return [doc.start, doc.end];
  return [doc.start + node.range[0], doc.start + node.range[1]];
}

/** The resource's own text: its document (without the `---` marker), or a List item's lines. */
export function resourceText(d: Derived, r: ResourceBase | undefined): string {
  if (!r) return '';
  const doc = d.parsed.docs[r.docIndex];
  if (!doc) return '';
  if (r.basePath.length === 0) return stripMarker(doc.text);
  const range = resourceRange(d, r);
  if (!range) return '';
  // A List item starts mid-line after `- `: take whole lines so the indentation is consistent.
  const start = d.text.lastIndexOf('\n', range[0] - 1) + 1;
  return dedent(d.text.slice(start, range[1]).replace(/^(\s*)- /, '$1  '));
}

function stripMarker(text: string): string {
  return text.replace(/^(?:\s*#[^\n]*\n)*?---[^\n]*\n/, '').replace(/\n---\s*$/, '\n');
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Absolute offsets of a path inside a resource (e.g. `['spec', 'http', 1]`), or the resource's range. */
export function pathRange(
  d: Derived,
  r: ResourceBase,
  path: readonly (string | number)[],
): [number, number] | undefined {
  const doc = d.parsed.docs[r.docIndex];
  const node: unknown = doc?.ast.getIn([...r.basePath, ...path], true);
  if (doc && isNode(node) && node.range) return [doc.start + node.range[0], doc.start + node.range[1]];
  return resourceRange(d, r);
}

/** The range of a resource on one side, or undefined when it is absent there. */
export function pairRange(d: Derived, r: ResourceBase | undefined): [number, number] | undefined {
  return r ? resourceRange(d, r) : undefined;
}
