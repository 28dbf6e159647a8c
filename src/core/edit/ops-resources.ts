import { resolveHost } from '../model/hosts';
import type { MeshModel, ResourceBase } from '../model/types';
import type { YamlPath } from '../yaml/locate';
import type { ParsedText } from '../yaml/parse';
import { deleteIn, isFailure, setIn, type Step } from './doc-edit';
import type { EditIntent } from './intents';
import { findResource, refuse } from './lookup';
import { referencesIn } from './ops-rules';
import { createSession, type EditResult, type Session } from './session';
import { manifestOf, namespaceOf, nodeIdOf } from './templates';

type Of<T extends EditIntent['type']> = Extract<EditIntent, { type: T }>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Appends a new resource as its own document, with the defaults of its kind. */
export function addResource(parsed: ParsedText, model: MeshModel, i: Of<'addResource'>): EditResult {
  if (!DNS_LABEL.test(i.name))
    return refuse(`"${i.name}" is not a valid name (lower-case letters, digits, -)`);
  const ns = namespaceOf(i, model);
  if (model.resources.some((r) => r.kind === i.kind && r.namespace === ns && r.name === i.name)) {
    return refuse(`${i.kind} ${ns}/${i.name} already exists`);
  }
  const session = createSession(parsed);
  const f = session.appendDoc(manifestOf(i, model));
  return f ? refuse(f.reason) : session.finish(nodeIdOf(i, model));
}

/** Removes a resource: its whole document, or its item in a `kind: List`. */
export function deleteResource(parsed: ParsedText, model: MeshModel, i: Of<'deleteResource'>): EditResult {
  const r = findResource(model, i.ref);
  if (typeof r === 'string') return refuse(r);
  const session = createSession(parsed);
  const f =
    r.basePath.length === 0
      ? session.deleteDoc(r.docIndex)
      : session.edit(r.docIndex, (s) => deleteIn(s, r.basePath));
  return f ? refuse(f.reason) : session.finish();
}

/** Sets (or, with `undefined`, deletes) a value at a path in one document, creating missing maps. */
export function setValue(parsed: ParsedText, _model: MeshModel, i: Of<'setValue'>): EditResult {
  const session = createSession(parsed);
  const f = session.edit(i.docIndex, (s) => setIn(s, i.path, i.value));
  return f ? refuse(f.reason) : session.finish();
}

/** Deletes the key or list item at a path. */
export function deletePath(parsed: ParsedText, _model: MeshModel, i: Of<'deletePath'>): EditResult {
  const session = createSession(parsed);
  const f = session.edit(i.docIndex, (s) => deleteIn(s, i.path));
  return f ? refuse(f.reason) : session.finish();
}

/** Where the owner writes the host being renamed. */
function ownHostPath(r: ResourceBase, from: string): YamlPath | string {
  const spec = r.raw.spec;
  const hosts = typeof spec === 'object' && spec !== null && 'hosts' in spec ? spec.hosts : undefined;
  switch (r.kind) {
    case 'DestinationRule':
      return [...r.basePath, 'spec', 'host'];
    case 'Service':
      return r.name === from ? [...r.basePath, 'metadata', 'name'] : `${r.ref} is not named ${from}`;
    case 'VirtualService':
    case 'ServiceEntry': {
      const k = Array.isArray(hosts) ? hosts.findIndex((h: unknown) => h === from) : -1;
      return k >= 0 ? [...r.basePath, 'spec', 'hosts', k] : `${r.ref} has no host ${from}`;
    }
    default:
      return `${r.kind} has no host to rename`;
  }
}

function edits(
  session: Session,
  docIndex: number,
  changes: { path: YamlPath; value: string }[],
): string | undefined {
  if (changes.length === 0) return undefined;
  const f = session.edit(docIndex, (start) =>
    changes.reduce<Step>((s, c) => (isFailure(s) ? s : setIn(s, c.path, c.value)), start),
  );
  return f?.reason;
}

/**
 * Renames a host; with `updateReferences`, VirtualService destinations and mirrors (and, for a Service or
 * ServiceEntry, DestinationRule hosts and VirtualService hosts) that resolve to it follow. References are
 * rewritten short in the owner's namespace and as an FQDN elsewhere, as they were written.
 */
export function renameHost(parsed: ParsedText, model: MeshModel, i: Of<'renameHost'>): EditResult {
  const owner = findResource(model, i.ref);
  if (typeof owner === 'string') return refuse(owner);
  if (!i.to.trim()) return refuse('a host cannot be empty');
  const own = ownHostPath(owner, i.from);
  if (typeof own === 'string') return refuse(own);
  const session = createSession(parsed);
  let reason = edits(session, owner.docIndex, [{ path: own, value: i.to }]);
  if (i.updateReferences && !reason) {
    const old = resolveHost(i.from, owner.namespace);
    const rewrite = (written: string, ns: string): string =>
      ns === owner.namespace && !written.includes('.') ? i.to : resolveHost(i.to, owner.namespace);
    const isService = owner.kind === 'Service' || owner.kind === 'ServiceEntry';
    for (const vs of model.virtualServices) {
      const changes = referencesIn(vs, (fqdn) => fqdn === old).map((r) => ({
        path: [...r.path, 'host'],
        value: rewrite(r.host, vs.namespace),
      }));
      if (isService && vs.ref !== owner.ref) {
        vs.hosts.forEach((h, k) => {
          if (resolveHost(h, vs.namespace) === old)
            changes.push({ path: [...vs.basePath, 'spec', 'hosts', k], value: rewrite(h, vs.namespace) });
        });
      }
      reason ??= edits(session, vs.docIndex, changes);
    }
    for (const dr of isService ? model.destinationRules : []) {
      if (dr.fqdn !== old) continue;
      reason ??= edits(session, dr.docIndex, [
        { path: [...dr.basePath, 'spec', 'host'], value: rewrite(dr.host, dr.namespace) },
      ]);
    }
  }
  return reason ? refuse(reason) : session.finish();
}
