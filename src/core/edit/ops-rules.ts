import { nodeId } from '../graph/ids';
import type { DestinationRule, MeshModel, VirtualService } from '../model/types';
import type { YamlPath } from '../yaml/locate';
import type { ParsedText } from '../yaml/parse';
import { appendIn, deleteIn, isFailure, setIn, type Step } from './doc-edit';
import type { EditIntent } from './intents';
import { findDr, refuse, specPath } from './lookup';
import { istioApiVersion } from './names';
import { createSession, type EditResult } from './session';

type Of<T extends EditIntent['type']> = Extract<EditIntent, { type: T }>;

/** Adds a subset to a DestinationRule. */
export function addSubset(parsed: ParsedText, model: MeshModel, i: Of<'addSubset'>): EditResult {
  const dr = findDr(model, i.drRef);
  if (typeof dr === 'string') return refuse(dr);
  if (!i.name.trim()) return refuse('a subset needs a name');
  if (dr.subsets.some((s) => s.name === i.name)) return refuse(`${i.drRef} already has a subset ${i.name}`);
  const session = createSession(parsed);
  const f = session.edit(dr.docIndex, (s) =>
    appendIn(s, specPath(dr, 'subsets'), { name: i.name, labels: i.labels }),
  );
  return f ? refuse(f.reason) : session.finish(nodeId.subset(dr.namespace, dr.name, i.name));
}

/** Adds a subset for a Deployment, named by its `version` label and selecting it by that label. */
export function addSubsetForDeployment(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'addSubsetForDeployment'>,
): EditResult {
  const w = model.workloads.find((x) => x.ref === i.deploymentRef);
  if (!w) return refuse(`workload ${i.deploymentRef} does not exist`);
  if (!w.version) return refuse(`${i.deploymentRef} has no version label to select it by`);
  const dr = findDr(model, i.drRef);
  if (typeof dr === 'string') return refuse(dr);
  const key = w.podLabels.version !== undefined ? 'version' : 'app.kubernetes.io/version';
  const clash = dr.subsets.find((s) => s.name === w.version || s.labels[key] === w.version);
  if (clash) return refuse(`${i.drRef} already has subset ${clash.name} for version ${w.version}`);
  return addSubset(parsed, model, {
    type: 'addSubset',
    drRef: i.drRef,
    name: w.version,
    labels: { [key]: w.version },
  });
}

/** Appends a new DestinationRule document. */
export function createDestinationRule(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'createDestinationRule'>,
): EditResult {
  const session = createSession(parsed);
  const f = session.appendDoc({
    apiVersion: istioApiVersion(model),
    kind: 'DestinationRule',
    metadata: { name: i.name, ...(i.namespace !== 'default' ? { namespace: i.namespace } : {}) },
    spec: { host: i.host, ...(i.subsets.length > 0 ? { subsets: i.subsets } : {}) },
  });
  return f ? refuse(f.reason) : session.finish(nodeId.destinationrule(i.namespace, i.name));
}

function policyBase(dr: DestinationRule, subset: string | undefined): YamlPath | string {
  if (subset === undefined) return specPath(dr, 'trafficPolicy');
  const s = dr.subsets.find((x) => x.name === subset);
  return s ? specPath(dr, 'subsets', s.index, 'trafficPolicy') : `${dr.ref} has no subset ${subset}`;
}

/**
 * Sets (or with `undefined` removes) a traffic policy at the host level, on a subset, or for one port
 * (`portLevelSettings`) of either.
 */
export function setTrafficPolicy(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'setTrafficPolicy'>,
): EditResult {
  const dr = findDr(model, i.drRef);
  if (typeof dr === 'string') return refuse(dr);
  const base = policyBase(dr, i.subset);
  if (typeof base === 'string') return refuse(base);
  const select = i.subset
    ? nodeId.subset(dr.namespace, dr.name, i.subset)
    : nodeId.destinationrule(dr.namespace, dr.name);
  const session = createSession(parsed);
  const f = session.edit(dr.docIndex, (s): Step => {
    if (i.port === undefined) return setIn(s, base, i.policy);
    const settings = portSettings(dr, i.subset);
    const k = settings.findIndex((p) => p === i.port);
    const entry = i.policy && { port: { number: i.port }, ...i.policy };
    if (k >= 0 && entry) return setIn(s, [...base, 'portLevelSettings', k], entry);
    if (k >= 0) {
      // Removing the last port setting removes the list, and a policy left empty with it.
      if (settings.length > 1) return deleteIn(s, [...base, 'portLevelSettings', k]);
      return deleteIn(s, policyKeys(dr, i.subset) === 1 ? base : [...base, 'portLevelSettings']);
    }
    return entry ? appendIn(s, [...base, 'portLevelSettings'], entry) : s;
  });
  return f ? refuse(f.reason) : session.finish(select);
}

function policyKeys(dr: DestinationRule, subset: string | undefined): number {
  const policy =
    subset === undefined ? dr.trafficPolicy : dr.subsets.find((s) => s.name === subset)?.trafficPolicy;
  return Object.keys(policy ?? {}).length;
}

function portSettings(dr: DestinationRule, subset: string | undefined): (number | undefined)[] {
  const policy =
    subset === undefined ? dr.trafficPolicy : dr.subsets.find((s) => s.name === subset)?.trafficPolicy;
  const list = policy?.portLevelSettings;
  if (!Array.isArray(list)) return [];
  return list.map((p: unknown) => {
    const port = typeof p === 'object' && p !== null && 'port' in p ? p.port : undefined;
    const n = typeof port === 'object' && port !== null && 'number' in port ? port.number : undefined;
    return typeof n === 'number' ? n : undefined;
  });
}

/** Renames a subset; with `updateReferences`, every VirtualService destination and mirror naming it follows. */
export function renameSubset(parsed: ParsedText, model: MeshModel, i: Of<'renameSubset'>): EditResult {
  const dr = findDr(model, i.drRef);
  if (typeof dr === 'string') return refuse(dr);
  const subset = dr.subsets.find((s) => s.name === i.from);
  if (!subset) return refuse(`${i.drRef} has no subset ${i.from}`);
  if (!i.to.trim()) return refuse('a subset needs a name');
  if (dr.subsets.some((s) => s.name === i.to)) return refuse(`${i.drRef} already has a subset ${i.to}`);
  const session = createSession(parsed);
  let f = session.edit(dr.docIndex, (s) => setIn(s, specPath(dr, 'subsets', subset.index, 'name'), i.to));
  if (i.updateReferences) {
    for (const vs of model.virtualServices) {
      const refs = referencesIn(vs, (fqdn, sub) => fqdn === dr.fqdn && sub === i.from);
      if (f || refs.length === 0) continue;
      f = session.edit(vs.docIndex, (start) =>
        refs.reduce<Step>((s, r) => (isFailure(s) ? s : setIn(s, [...r.path, 'subset'], i.to)), start),
      );
    }
  }
  return f ? refuse(f.reason) : session.finish(nodeId.subset(dr.namespace, dr.name, i.to));
}

/** Paths of the destinations and mirrors in a VirtualService that `match` (by resolved host and subset). */
export function referencesIn(
  vs: VirtualService,
  match: (fqdn: string, subset: string | undefined) => boolean,
): { path: YamlPath; host: string }[] {
  const out: { path: YamlPath; host: string }[] = [];
  for (const r of vs.routes) {
    const at = specPath(vs, r.protocol, r.index);
    for (const d of r.destinations) {
      if (match(d.fqdn, d.subset)) out.push({ path: [...at, 'route', d.index, 'destination'], host: d.host });
    }
    if (r.mirror && match(r.mirror.fqdn, r.mirror.subset))
      out.push({ path: [...at, 'mirror'], host: r.mirror.host });
  }
  return out;
}
