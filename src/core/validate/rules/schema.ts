import type { Rec } from '../../model/read';
import { nodeId } from '../../graph/ids';
import type { ResourceBase } from '../../model/types';
import { formatPath, keyNodeAt, rangeAt } from '../../yaml/locate';
import type { Rule } from '../context';
import { CODES } from '../codes';
import { schemaFor } from '../schemas/index';
import { schemaIssues, type SchemaIssue } from '../schemas/validator';
import type { Diagnostic } from '../types';
import { saidByYaml11 } from './yaml11-scalars';

function nodeOf(r: ResourceBase): string | undefined {
  const ids: Record<string, ((ns: string, name: string) => string) | undefined> = {
    VirtualService: nodeId.virtualservice,
    DestinationRule: nodeId.destinationrule,
    Gateway: nodeId.gateway,
    ServiceEntry: nodeId.serviceentry,
    Service: nodeId.service,
    Deployment: nodeId.deployment,
  };
  return ids[r.kind]?.(r.namespace, r.name);
}

/** A missing `metadata.name` is ITS0110's (incomplete-resource), which also explains `generateName`. */
function saidByIncomplete(r: ResourceBase, issue: SchemaIssue): boolean {
  return (
    r.missing?.includes('metadata.name') === true &&
    formatPath(issue.path) === 'metadata' &&
    issue.message.includes('required field "name"')
  );
}

// A keystroke changes one document; the others keep their parsed objects, so their issues are reused.
const memo = new WeakMap<Rec, SchemaIssue[]>();

/**
 * IST0106 (Istio kinds) and ITS0106 (Service, Deployment): unknown fields, wrong types, wrong enum values,
 * missing required fields, and the CRDs' CEL rules we translate (schemas/cel.ts).
 */
export const schemaCheck: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const r of ctx.model.resources) {
    const entry = schemaFor(r.apiVersion, r.kind);
    const doc = ctx.parsed.docs[r.docIndex];
    if (!entry || !doc || r.stale) continue;
    let issues = memo.get(r.raw);
    if (!issues) {
      issues = schemaIssues(entry, r.raw);
      memo.set(r.raw, issues);
    }
    for (const issue of issues) {
      if (saidByYaml11(doc, r, issue)) continue;
      if (saidByIncomplete(r, issue)) continue;
      const full = [...r.basePath, ...issue.path];
      const key = issue.onKey ? keyNodeAt(doc.ast, full)?.range : undefined;
      out.push({
        code: entry.code,
        severity: CODES[entry.code].severity,
        message: issue.message,
        resource: r.ref,
        path: formatPath(issue.path),
        range: key ? [doc.start + key[0], doc.start + key[1]] : rangeAt(doc, full),
        nodeId: nodeOf(r),
      });
    }
  }
  return out;
};
