import { isRec, rec, strMap } from '../model/read';
import type { MeshModel, Workload } from '../model/types';
import type { YamlPath } from '../yaml/locate';
import { deleteIn, isFailure, setIn, type DocState, type Step } from './doc-edit';
import type { EditIntent } from './intents';
import { refuse } from './lookup';
import { createSession, type EditResult } from './session';
import type { ParsedText } from '../yaml/parse';

type Of<T extends EditIntent['type']> = Extract<EditIntent, { type: T }>;
type Labels = Record<string, string>;

// Kubernetes' label syntax (apimachinery validation.IsQualifiedName / IsValidLabelValue): a form that writes
// anything else makes a manifest the API server rejects.
const NAME = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const PREFIX = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key or value is not one the API server takes, or undefined when it is. */
export function labelProblem(key: string, value: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix)))
    return `label key "${key}": the prefix before / must be a DNS subdomain (lower-case letters, digits, - and .)`;
  if (name.length > 63 || !NAME.test(name))
    return `label key "${key}": at most 63 letters, digits, -, _ or ., starting and ending with a letter or digit`;
  if (value !== '' && (value.length > 63 || !NAME.test(value)))
    return `label value "${value}" of ${key}: at most 63 letters, digits, -, _ or ., starting and ending with a letter or digit`;
  return undefined;
}

/** Where a workload keeps its labels: the pods' own, its metadata's, and its selector's. */
interface Places {
  pod: YamlPath;
  meta: YamlPath | undefined;
  selector: YamlPath | undefined;
  metaLabels: Labels | undefined;
  /** `spec.selector.matchLabels` as written; undefined when absent. */
  matchLabels: Labels | undefined;
  /** True when the workload has a `spec.selector` (with or without matchLabels). */
  hasSelector: boolean;
}

function placesOf(w: Workload): Places {
  const base = w.basePath;
  if (w.kind === 'Pod') {
    const pod = [...base, 'metadata', 'labels'];
    return {
      pod,
      meta: undefined,
      selector: undefined,
      metaLabels: undefined,
      matchLabels: undefined,
      hasSelector: false,
    };
  }
  const spec = rec(w.raw.spec);
  const metaLabels = rec(w.raw.metadata).labels;
  const selector = spec.selector;
  const matchLabels = isRec(selector) ? selector.matchLabels : undefined;
  return {
    pod: [...base, 'spec', 'template', 'metadata', 'labels'],
    meta: [...base, 'metadata', 'labels'],
    selector: [...base, 'spec', 'selector', 'matchLabels'],
    metaLabels: isRec(metaLabels) ? strMap(metaLabels) : undefined,
    matchLabels: isRec(matchLabels) ? strMap(matchLabels) : undefined,
    hasSelector: isRec(selector),
  };
}

const same = (a: Labels, b: Labels): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Writes `to` over the map at `path` key by key (changed keys set, missing ones deleted, new ones appended),
 * so comments, quoting and key order of the untouched labels stay; a missing map is created whole.
 */
function writeLabels(state: DocState, path: YamlPath, from: Labels | undefined, to: Labels): Step {
  if (from === undefined) return setIn(state, path, to);
  let s: Step = state;
  for (const k of Object.keys(from)) if (!(k in to) && !isFailure(s)) s = deleteIn(s, [...path, k]);
  for (const [k, v] of Object.entries(to)) if (from[k] !== v && !isFailure(s)) s = setIn(s, [...path, k], v);
  if (!isFailure(s) && Object.keys(to).length === 0) s = setIn(s, path, {});
  return s;
}

/**
 * A map that followed the pod labels before (metadata.labels, matchLabels) after the pod labels change from
 * `old` to `next`: if it equalled them it still does; else its keys the pods keep take the pods' values,
 * keys the person removed go, and (`keepOwn`, for metadata) keys the pods never had stay.
 */
function follow(current: Labels, old: Labels, next: Labels, keepOwn: boolean): Labels {
  if (same(current, old)) return { ...next };
  const out: Labels = {};
  for (const [k, v] of Object.entries(current)) {
    const pod = next[k];
    if (pod !== undefined) out[k] = pod;
    else if (keepOwn && !(k in old)) out[k] = v;
  }
  return out;
}

function findWorkload(model: MeshModel, ref: string): Workload | string {
  const w = model.workloads.find((x) => x.ref === ref);
  if (!w) return `workload ${ref} does not exist`;
  if (w.stale) return `${ref} is in a document that does not parse; fix it first`;
  return w;
}

/**
 * Sets a workload's pod labels and keeps `metadata.labels` and `spec.selector.matchLabels` in step, so the
 * selector still matches the pods (the API server rejects a workload whose selector does not match its
 * template: "`selector` does not match template `labels`"). A missing selector is written from the labels.
 */
export function setWorkloadLabels(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'setWorkloadLabels'>,
): EditResult {
  const w = findWorkload(model, i.ref);
  if (typeof w === 'string') return refuse(w);
  for (const [k, v] of Object.entries(i.labels)) {
    const problem = labelProblem(k, v);
    if (problem) return refuse(problem);
  }
  const p = placesOf(w);
  if (w.kind !== 'Pod' && Object.keys(i.labels).length === 0)
    return refuse(`the pods of ${w.kind} ${w.name} need at least one label for its selector to match`);
  const old = w.podLabels;
  const session = createSession(parsed);
  const f = session.edit(w.docIndex, (start) => {
    let s: Step = writeLabels(start, p.pod, podLabelsWritten(w), i.labels);
    if (p.meta && p.metaLabels && !isFailure(s))
      s = writeLabels(s, p.meta, p.metaLabels, follow(p.metaLabels, old, i.labels, true));
    if (p.selector && !isFailure(s)) {
      if (p.matchLabels) {
        const next = follow(p.matchLabels, old, i.labels, false);
        s = writeLabels(s, p.selector, p.matchLabels, Object.keys(next).length > 0 ? next : i.labels);
      } else if (!p.hasSelector) s = setIn(s, p.selector, { ...i.labels });
    }
    return s;
  });
  return f ? refuse(f.reason) : session.finish();
}

/** The pod labels map as written (undefined when the template has none), to edit it key by key. */
function podLabelsWritten(w: Workload): Labels | undefined {
  const meta = w.kind === 'Pod' ? rec(w.raw.metadata) : rec(rec(rec(w.raw.spec).template).metadata);
  return isRec(meta.labels) ? strMap(meta.labels) : undefined;
}

/**
 * Makes a workload's selector match its pod template: `keep: 'labels'` narrows `matchLabels` to the pod labels
 * (keys the pods have take their values; when none is left, all pod labels); `keep: 'selector'` adds the
 * selector's labels to the pods. The quick fix of ITS0111.
 */
export function matchWorkloadSelector(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'matchWorkloadSelector'>,
): EditResult {
  const w = findWorkload(model, i.ref);
  if (typeof w === 'string') return refuse(w);
  const p = placesOf(w);
  if (!p.selector || !p.matchLabels) return refuse(`${i.ref} has no spec.selector.matchLabels to match`);
  const pods = w.podLabels;
  const session = createSession(parsed);
  const f = session.edit(w.docIndex, (s) => {
    if (i.keep === 'selector')
      return writeLabels(s, p.pod, podLabelsWritten(w), { ...pods, ...p.matchLabels });
    const next = follow(p.matchLabels ?? {}, {}, pods, false);
    if (Object.keys(next).length === 0 && Object.keys(pods).length === 0)
      return { reason: `the pods of ${i.ref} have no labels to select them by` };
    return writeLabels(s, p.selector ?? [], p.matchLabels, Object.keys(next).length > 0 ? next : { ...pods });
  });
  return f ? refuse(f.reason) : session.finish();
}
