import type { ResourceBase } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** ITS0105: the same kind, namespace and name twice; applying the text keeps only the last. */
export const duplicateResources: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const first = new Map<string, ResourceBase>();
  for (const r of ctx.model.resources) {
    if (!r.name || !r.kind) continue;
    const key = `${group(r.apiVersion)}|${r.ref}`;
    const prev = first.get(key);
    if (!prev) {
      first.set(key, r);
      continue;
    }
    const doc = ctx.parsed.docs[prev.docIndex];
    out.push(
      report(
        ctx,
        r,
        ['metadata', 'name'],
        'ITS0105',
        `${r.ref} is defined twice (also in document ${(doc?.index ?? 0) + 1}); applying this text keeps only the last one. Rename one or remove the duplicate.`,
      ),
    );
  }
  return out;
};
