import { rec, str, type Rec } from '../../model/read';
import type { MeshModel, MissingField, ResourceBase } from '../../model/types';
import { keyNodeAt, nodeAt } from '../../yaml/locate';
import type { ParsedDoc } from '../../yaml/parse';
import { CODES } from '../codes';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';

const ISTIO_KINDS = new Set(['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar']);
const CORE_KINDS = new Set(['Service', 'Pod', 'ConfigMap', 'Secret', 'ServiceAccount', 'Namespace']);
const APPS_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** The kind a `spec` reads like, from the fields only that kind has; undefined when it is not clear. */
export function guessKind(raw: Rec): string | undefined {
  const spec = rec(raw.spec);
  if (['http', 'tcp', 'tls'].some((k) => Array.isArray(spec[k]))) return 'VirtualService';
  if (typeof spec.host === 'string') return 'DestinationRule';
  if (Array.isArray(spec.servers)) return 'Gateway';
  if (Array.isArray(spec.hosts) && ('location' in spec || 'resolution' in spec || 'endpoints' in spec))
    return 'ServiceEntry';
  if ('template' in spec && 'selector' in spec) return 'Deployment';
  if (Array.isArray(spec.ports) && ('selector' in spec || 'type' in spec)) return 'Service';
  return undefined;
}

/** The apiVersion to suggest for a kind; Istio's follows what the text already uses. */
function apiVersionFor(kind: string | undefined, model: MeshModel): string | undefined {
  if (!kind) return undefined;
  if (CORE_KINDS.has(kind)) return 'v1';
  if (APPS_KINDS.has(kind)) return 'apps/v1';
  if (!ISTIO_KINDS.has(kind)) return undefined;
  const used = model.resources.find((r) => r.apiVersion.startsWith('networking.istio.io/'));
  return used?.apiVersion ?? 'networking.istio.io/v1';
}

/** [start, end) of the object's first line: where a missing top-level field belongs. */
function firstLine(doc: ParsedDoc, r: ResourceBase): [number, number] {
  const rel = nodeAt(doc.ast, r.basePath)?.range?.[0] ?? 0;
  let end = doc.text.indexOf('\n', rel);
  if (end < 0) end = doc.text.length;
  if (end > rel && doc.text[end - 1] === '\r') end--;
  return [doc.start + rel, doc.start + Math.max(end, rel + 1)];
}

function keyRange(doc: ParsedDoc, r: ResourceBase, ...path: string[]): [number, number] | undefined {
  const key = keyNodeAt(doc.ast, [...r.basePath, ...path])?.range;
  return key ? [doc.start + key[0], doc.start + key[1]] : undefined;
}

function message(field: MissingField, r: ResourceBase, model: MeshModel): string {
  const where = r.basePath.length > 0 ? 'This List item' : 'This document';
  const kind = r.kind || guessKind(r.raw);
  if (field === 'kind') {
    const add = kind
      ? `add \`kind: ${kind}\` (its \`spec\` reads like one)`
      : 'add the `kind:` it is meant to be (Service, Deployment, VirtualService, DestinationRule, …)';
    return `${where} has no \`kind\`: kubectl apply rejects it and it is not drawn; ${add}.`;
  }
  if (field === 'apiVersion') {
    const version = apiVersionFor(kind, model);
    const add = version
      ? `add \`apiVersion: ${version}\``
      : 'add the `apiVersion:` of its kind (`v1` for a Service, `apps/v1` for a Deployment, `networking.istio.io/v1` for Istio kinds)';
    return `${r.kind ? `This ${r.kind}` : where} has no \`apiVersion\`: kubectl apply rejects it and it is not drawn; ${add}.`;
  }
  const what = r.kind ? `This ${r.kind}` : where;
  const generated = str(rec(r.raw.metadata).generateName);
  if (generated) {
    const name = generated.replace(/[-.]+$/, '') || generated;
    return `${what} has \`metadata.generateName\` but no \`name\`: \`kubectl create\` would make a name up, but \`kubectl apply\` rejects it (it finds objects by name), and nothing can refer to a name not yet made; set \`name: ${name}\` (or another fixed name) instead.`;
  }
  return `${what} has no \`metadata.name\`: kubectl apply rejects it, and it is not drawn or resolvable; add \`name:\` under \`metadata\`.`;
}

/**
 * ITS0110: an object without `apiVersion`, `kind` or `metadata.name` (also a List item). kubectl apply rejects
 * it; the model keeps it in `others`, so it is never drawn as a nameless node. Empty and comment-only documents
 * hold no object and are fine.
 */
export const incompleteResource: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const r of ctx.model.others) {
    const doc = ctx.parsed.docs[r.docIndex];
    // A stale object is the last good value of a document that does not parse now: its syntax error says it.
    if (!r.missing || r.stale || !doc) continue;
    for (const field of r.missing) {
      const range =
        field === 'metadata.name'
          ? (keyRange(doc, r, 'metadata', 'generateName') ??
            keyRange(doc, r, 'metadata') ??
            firstLine(doc, r))
          : firstLine(doc, r);
      out.push({
        code: 'ITS0110',
        severity: CODES.ITS0110.severity,
        message: message(field, r, ctx.model),
        // `Kind ns/name` only when both are there: a half-written object has no name to list it by.
        resource: r.kind && r.name ? r.ref : undefined,
        path: field === 'metadata.name' ? 'metadata/name' : field,
        range,
      });
    }
  }
  return out;
};
