// Make before break (Istio's "safe order" for subsets): phase 1 adds what routes will need (new resources,
// DestinationRule subsets), phase 2 switches routes (VirtualServices as in head), phase 3 removes what no
// route uses any more. Each phase is one multi-document YAML for `kubectl apply -f` plus delete commands.
import { isSeq, parseDocument } from 'yaml';
import type { Derived } from '../derive';
import type { DestinationRule, ResourceBase } from '../model/types';
import { resourceText, type ResourcePair } from './resources';
import type { Phase } from './types';

const TITLES = { 1: 'Add subsets and new resources', 2: 'Route changes', 3: 'Removals' } as const;

function asDr(r: ResourceBase | undefined): DestinationRule | undefined {
  return r?.kind === 'DestinationRule' ? (r as DestinationRule) : undefined;
}

/** The head DestinationRule with the base subsets it drops kept, so routes of both versions find theirs. */
export function unionDestinationRule(head: Derived, dr: DestinationRule, base: DestinationRule): string {
  const doc = parseDocument(resourceText(head, dr));
  const names = new Set(dr.subsets.map((s) => s.name));
  const seq: unknown = doc.getIn(['spec', 'subsets'], true);
  for (const s of base.subsets) {
    if (names.has(s.name)) continue;
    const raw = ((base.raw.spec as { subsets?: unknown[] } | undefined)?.subsets ?? [])[s.index];
    if (isSeq(seq)) seq.add(doc.createNode(raw));
    else doc.setIn(['spec', 'subsets'], doc.createNode([raw]));
  }
  return doc.toString();
}

function deleteCommand(r: ResourceBase): string {
  return `kubectl delete ${r.kind.toLowerCase()} ${r.name} -n ${r.namespace}`;
}

const join = (docs: readonly string[]): string =>
  docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');

// Deleting routes first, then what they pointed at, keeps every step routable.
const DELETE_ORDER = ['VirtualService', 'Gateway', 'DestinationRule'];
const deleteRank = (r: ResourceBase): number => {
  const i = DELETE_ORDER.indexOf(r.kind);
  return i < 0 ? DELETE_ORDER.length : i;
};

/** The phases of a change; phases with nothing to apply or delete are omitted. */
export function buildPhases(head: Derived, pairs: readonly ResourcePair[]): Phase[] {
  const apply: Record<1 | 2 | 3, { ref: string; text: string; at: number }[]> = { 1: [], 2: [], 3: [] };
  const deletes: ResourceBase[] = [];
  for (const p of pairs) {
    if (!p.change) continue;
    if (p.change === 'removed') {
      if (p.base) deletes.push(p.base);
      continue;
    }
    const h = p.head;
    if (!h) continue;
    const at = h.docIndex * 1e6 + (typeof h.basePath[1] === 'number' ? h.basePath[1] : 0);
    const item = { ref: p.ref, text: resourceText(head, h), at };
    if (h.kind === 'VirtualService') {
      apply[2].push(item);
      continue;
    }
    const hd = asDr(h);
    const bd = asDr(p.base);
    if (hd && bd) {
      const headNames = new Set(hd.subsets.map((s) => s.name));
      const baseNames = new Set(bd.subsets.map((s) => s.name));
      const adds = [...headNames].some((n) => !baseNames.has(n));
      const removes = [...baseNames].some((n) => !headNames.has(n));
      if (adds && removes) {
        apply[1].push({ ...item, text: unionDestinationRule(head, hd, bd) });
        apply[3].push(item);
        continue;
      }
      if (removes) {
        apply[3].push(item);
        continue;
      }
    }
    apply[1].push(item);
  }
  deletes.sort((a, b) => deleteRank(a) - deleteRank(b));
  const phases: Phase[] = [];
  for (const index of [1, 2, 3] as const) {
    const items = [...apply[index]].sort((a, b) => a.at - b.at);
    const dels = index === 3 ? deletes : [];
    if (items.length === 0 && dels.length === 0) continue;
    phases.push({
      index,
      title: TITLES[index],
      apply: items.map((i) => i.ref),
      yaml: items.length ? join(items.map((i) => i.text)) : '',
      delete: dels.map((d) => d.ref),
      commands: dels.map(deleteCommand),
    });
  }
  return phases;
}
