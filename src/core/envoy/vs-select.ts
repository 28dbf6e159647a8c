import { arr, isRec, rec, str, strList, type Rec } from '../model/read';
import type { MeshModel, VirtualService } from '../model/types';
import { byCreation, resolveConfigHost } from './env';
import type { Env, RouteSource } from './types';

/** One `http[]` rule as istiod translates it, after delegates are merged into their root. */
export interface HttpRule {
  raw: Rec;
  /** `match[]` as written (or merged with the root's); empty means match everything. */
  matches: Rec[];
  name: string | undefined;
  /** Namespace short destination hosts resolve in (the delegate's, for delegated rules). */
  hostNamespace: string;
  source: RouteSource;
}

/** A VirtualService as a proxy sees it: hosts resolved, gateways as `ns/name` or `mesh`, rules merged. */
export interface VsView {
  vs: VirtualService;
  /** `ns/name`. */
  key: string;
  hosts: string[];
  gateways: string[];
  http: HttpRule[];
}

/** `mesh`, or `ns/name` for a gateway reference written in `namespace`. */
export function gatewayRef(ref: string, namespace: string): string {
  const r = ref.trim();
  if (r === 'mesh' || r.includes('/')) return r;
  return `${namespace}/${r}`;
}

/**
 * istiod's visibility tier of a VirtualService for a proxy in `ns`: exported privately (`.`) first, then to this
 * namespace, then to all; undefined when the proxy does not see it.
 */
export function visibilityTier(vs: VirtualService, ns: string): number | undefined {
  const e = vs.exportTo;
  if (e.length === 0 || e.includes('*')) return 2;
  if (e.includes('.') && vs.namespace === ns) return 0;
  if (e.includes(ns)) return 1;
  return undefined;
}

/**
 * VirtualServices visible to a proxy in `ns`, in istiod's order: exported privately (`.`) → exported to this
 * namespace → public, each tier by creationTimestamp, name, namespace (`model/virtualservice.go`).
 */
export function orderedVirtualServices(model: MeshModel, ns: string, env: Env): VirtualService[] {
  const sorted = byCreation(model.virtualServices, env);
  const out: VirtualService[] = [];
  for (const t of [0, 1, 2]) for (const vs of sorted) if (visibilityTier(vs, ns) === t) out.push(vs);
  return out;
}

function ruleOf(vs: VirtualService, raw: Rec, i: number): HttpRule {
  return {
    raw,
    matches: arr(raw.match).map(rec),
    name: str(raw.name),
    hostNamespace: vs.namespace,
    source: { ref: vs.ref, httpIndex: i, matchIndex: undefined },
  };
}

const INHERITED = [
  'rewrite',
  'timeout',
  'retries',
  'fault',
  'mirror',
  'mirrors',
  'mirrorPercentage',
  'corsPolicy',
  'headers',
];

/** The uri of a delegate match must stay inside the root's: exact vs other exact, prefix outside, regex conflict. */
function uriConflicts(root: Rec, child: Rec): boolean {
  if (!isRec(root.uri) || !isRec(child.uri)) return false;
  const r = root.uri;
  const c = child.uri;
  if (str(r.regex) !== undefined || str(c.regex) !== undefined) return true;
  const rExact = str(r.exact);
  const rPrefix = str(r.prefix);
  const cExact = str(c.exact);
  const cPrefix = str(c.prefix);
  if (rExact !== undefined) return cExact !== rExact;
  if (rPrefix !== undefined) {
    const inner = cExact ?? cPrefix;
    return inner === undefined || !inner.startsWith(rPrefix);
  }
  return false;
}

function conflicts(root: Rec, child: Rec): boolean {
  if (uriConflicts(root, child)) return true;
  for (const k of ['port', 'sourceNamespace', 'ignoreUriCase']) {
    if (root[k] !== undefined && child[k] !== undefined && root[k] !== child[k]) return true;
  }
  if (isRec(root.sourceLabels) && isRec(child.sourceLabels)) {
    if (JSON.stringify(root.sourceLabels) !== JSON.stringify(child.sourceLabels)) return true;
  }
  if (Array.isArray(root.gateways) && Array.isArray(child.gateways)) {
    const rg = new Set(strList(root.gateways));
    if (!strList(child.gateways).every((g) => rg.has(g))) return true;
  }
  return false;
}

/** A root match ANDed with a delegate match: the delegate's fields win; maps (headers…) are merged. */
function mergeMatch(root: Rec, child: Rec): Rec {
  const out: Rec = { ...root, ...child };
  for (const k of ['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']) {
    if (isRec(root[k]) || isRec(child[k])) out[k] = { ...rec(root[k]), ...rec(child[k]) };
  }
  if (str(root.name) && str(child.name)) out.name = `${str(root.name)}-${str(child.name)}`;
  return out;
}

function mergeDelegate(root: HttpRule, child: HttpRule): HttpRule | undefined {
  let matches: Rec[];
  if (root.matches.length === 0) matches = child.matches;
  else if (child.matches.length === 0) matches = root.matches;
  else {
    matches = root.matches.flatMap((rm) =>
      child.matches.filter((cm) => !conflicts(rm, cm)).map((cm) => mergeMatch(rm, cm)),
    );
    if (matches.length === 0) return undefined;
  }
  const raw: Rec = { ...child.raw, match: matches };
  for (const k of INHERITED) if (raw[k] === undefined && root.raw[k] !== undefined) raw[k] = root.raw[k];
  const name = root.name && child.name ? `${root.name}-${child.name}` : (child.name ?? root.name);
  return {
    raw,
    matches,
    name,
    hostNamespace: child.hostNamespace,
    source: { ...child.source, via: { ref: root.source.ref, httpIndex: root.source.httpIndex } },
  };
}

/** The http rules of a root VirtualService, each `delegate` replaced in place by the delegate's rules. */
export function mergedHttp(model: MeshModel, vs: VirtualService): HttpRule[] {
  const out: HttpRule[] = [];
  arr(rec(vs.raw.spec).http).forEach((r, i) => {
    const rule = ruleOf(vs, rec(r), i);
    const d = rec(rule.raw.delegate);
    if (!isRec(rule.raw.delegate)) return void out.push(rule);
    const name = str(d.name) ?? '';
    const ns = str(d.namespace) ?? vs.namespace;
    const child = model.virtualServices.find(
      (v) => v.name === name && v.namespace === ns && v.hosts.length === 0,
    );
    if (!child) return; // a missing delegate contributes no routes (404)
    arr(rec(child.raw.spec).http).forEach((cr, ci) => {
      const merged = mergeDelegate(rule, ruleOf(child, rec(cr), ci));
      if (merged) out.push(merged);
    });
  });
  return out;
}

/** The view of one root VirtualService (one with hosts). */
export function viewOf(model: MeshModel, vs: VirtualService, env: Env): VsView {
  return {
    vs,
    key: `${vs.namespace}/${vs.name}`,
    hosts: vs.hosts.map((h) => resolveConfigHost(h, vs.namespace, env)),
    gateways: vs.gateways.length === 0 ? ['mesh'] : vs.gateways.map((g) => gatewayRef(g, vs.namespace)),
    http: mergedHttp(model, vs),
  };
}
