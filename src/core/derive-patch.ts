import { BOUND, GATEWAY_LABEL, reachOf } from './derive-scope';
import { buildGraph, indexModel } from './graph/build-graph';
import type { Graph, GraphEdge } from './graph/types';
import { modelOf, type Built } from './model/build-model';
import type { MeshModel } from './model/types';
import { shiftDiagnostic } from './validate/context';
import { GROUP_CODES, validate, validateGroups } from './validate/index';
import { syntaxDiagnostics } from './validate/syntax';
import type { Diagnostic } from './validate/types';
import { docEditOf, type ParsedText } from './yaml/parse';
import { commonPrefix, commonSuffix } from './yaml/text-diff';

export { commonPrefix, commonSuffix } from './yaml/text-diff';

// A keystroke changes one document. Instead of rebuilding graph and checks for the whole text, the patch
// re-runs them over the namespaces the changed resources can reach (derive-scope.ts) and splices the results
// into the last derivation: graph elements in place (same ids, same order), findings by their resource's
// namespace. Group rules (the VirtualServices of one gateway, whatever their namespaces) run over the whole model
// instead, memoised per group, and their findings replace the last ones. Whenever that cannot be sure of giving what a full run gives (documents added or removed, the
// default namespace moved, something with global reach, a changed set of graph ids), it says so and the caller
// derives in full. derive-patch.test.ts holds it to a full run over random edit sequences.

/** What a full or patched derivation leaves for the next patch. */
export interface PatchBase {
  text: string;
  parsed: ParsedText;
  built: readonly (readonly Built[])[];
  model: MeshModel;
  graph: Graph;
  diagnostics: Diagnostic[];
  meshComplete: boolean;
  /** Link counts between namespace keys, from every resource's reach (and the documents holding several). */
  links: Map<string, Map<string, number>>;
  /** Resources with global reach in the text; while any, no patch. */
  globals: number;
  /** Documents holding resources of each (lower-case) namespace. */
  nsDocs: Map<string, Set<number>>;
  nodePos: Map<string, number>;
  edgePos: Map<string, number>;
  nodesPerNs: Map<string, number>;
  edgesPerNs: Map<string, number>;
}

const lower = (s: string) => s.toLowerCase();
const bump = <K>(m: Map<K, number>, k: K, by: number) => m.set(k, (m.get(k) ?? 0) + by);

/** Each link a document's resources make: own namespace to every key it reaches, and item to item. */
function linksOf(built: readonly Built[]): { pairs: [string, string][]; global: number } {
  const pairs: [string, string][] = [];
  let global = 0;
  let first: string | undefined;
  for (const [, , r] of built) {
    const own = `ns:${lower(r.namespace)}`;
    const reach = reachOf(r);
    if (reach === 'global') global++;
    else for (const k of reach) if (k !== own) pairs.push([own, k]);
    if (first === undefined) first = own;
    else if (first !== own) pairs.push([first, own]);
  }
  return { pairs, global };
}

function link(
  links: Map<string, Map<string, number>>,
  built: readonly Built[],
  by: 1 | -1,
  docIndex: number,
  nsDocs: Map<string, Set<number>>,
): number {
  const { pairs, global } = linksOf(built);
  for (const [a, b] of pairs) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let m = links.get(x);
      if (!m) links.set(x, (m = new Map()));
      bump(m, y, by);
      if (m.get(y) === 0) m.delete(y);
    }
  }
  for (const [, , r] of built) {
    const ns = lower(r.namespace);
    let docs = nsDocs.get(ns);
    if (!docs) nsDocs.set(ns, (docs = new Set()));
    if (by === 1) docs.add(docIndex);
    else docs.delete(docIndex);
  }
  return by * global;
}

/**
 * The node whose namespace an edge belongs to: the resource that makes it. A Gateway's `binds` edge comes from the
 * VirtualService naming the Gateway (its target), so an edit there re-draws it without the Gateway's namespace
 * holding every bound VirtualService; every other edge from its source.
 */
const ownerOf = (e: GraphEdge) => (e.kind === 'binds' ? e.target : e.source);

/** Position maps and per-namespace counts of a graph, built once per full derivation. */
function graphTables(graph: Graph) {
  const nodePos = new Map<string, number>();
  const nodesPerNs = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    nodePos.set(n.id, i);
    bump(nodesPerNs, lower(n.namespace), 1);
  });
  const edgePos = new Map<string, number>();
  const edgesPerNs = new Map<string, number>();
  graph.edges.forEach((e, i) => {
    edgePos.set(e.id, i);
    const owner = graph.nodes[nodePos.get(ownerOf(e)) ?? -1];
    bump(edgesPerNs, owner ? lower(owner.namespace) : '', 1);
  });
  return { nodePos, edgePos, nodesPerNs, edgesPerNs };
}

/** The patch state of a full derivation. */
export function baseOf(
  parsed: ParsedText,
  built: readonly (readonly Built[])[],
  model: MeshModel,
  graph: Graph,
  diagnostics: Diagnostic[],
  meshComplete: boolean,
): PatchBase {
  const links = new Map<string, Map<string, number>>();
  const nsDocs = new Map<string, Set<number>>();
  let globals = 0;
  built.forEach((b, i) => (globals += link(links, b, 1, i, nsDocs)));
  return {
    text: parsed.text,
    parsed,
    built,
    model,
    graph,
    diagnostics,
    meshComplete,
    links,
    globals,
    nsDocs,
    ...graphTables(graph),
  };
}

function nsOfRef(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const sp = ref.indexOf(' ');
  const slash = ref.indexOf('/', sp + 1);
  return slash < 0 ? undefined : lower(ref.slice(sp + 1, slash));
}

const order = { error: 0, warning: 1, info: 2 } as const;

/** The result of a patch: what `Derived` needs, and the state for the next one. */
export interface Patched {
  model: MeshModel;
  graph: Graph;
  diagnostics: Diagnostic[];
  base: PatchBase;
}

/**
 * Patches `base` for a new parse whose documents' resources are `built`, or returns undefined when only a full
 * derivation is sure to be right. `model` is the new text's model (built from the same `built`).
 */
export function patch(
  base: PatchBase,
  parsed: ParsedText,
  built: readonly (readonly Built[])[],
  model: MeshModel,
  meshComplete: boolean,
  /** The documents whose resources changed, when the caller knows (else every one is compared). */
  known?: readonly number[],
): Patched | undefined {
  if (meshComplete !== base.meshComplete || built.length !== base.built.length) return undefined;
  const dn = model.defaultNamespace;
  const on = base.model.defaultNamespace;
  if (dn !== on && (dn.name !== on.name || dn.source !== on.source || dn.named.join() !== on.named.join()))
    return undefined;
  const changed: number[] = known ? [...known] : [];
  if (!known)
    built.forEach((b, i) => {
      if (b !== base.built[i]) changed.push(i);
    });
  // Links and namespace → documents move to the new text whatever happens next (undone on a full derive).
  const links = base.links;
  const nsDocs = base.nsDocs;
  let globals = base.globals;
  const start: string[] = [];
  // Label pairs a changed Gateway selected on before or after: the pods it no longer picks are in scope too.
  const open = new Set<string>();
  // A changed Gateway's bound key (`>gw:`, before and after): every VirtualService bound to it is checked again.
  const openBound = new Set<string>();
  for (const i of changed) {
    const was = base.built[i] ?? [];
    const now = built[i] ?? [];
    globals += link(links, was, -1, i, nsDocs) + link(links, now, 1, i, nsDocs);
    for (const [, , r] of [...was, ...now]) {
      start.push(`ns:${lower(r.namespace)}`);
      const reach = reachOf(r);
      if (reach !== 'global')
        for (const k of reach) {
          if (k.startsWith(GATEWAY_LABEL)) open.add(k.slice(GATEWAY_LABEL.length));
          if (k.startsWith('gw:')) {
            openBound.add(BOUND + k);
            start.push(BOUND + k);
          }
        }
    }
  }
  const next = { ...base, text: parsed.text, parsed, built, model, globals };
  if (globals > 0) return undefined;
  // Every namespace linked to a changed resource's, transitively; a pod label pair only while a Gateway selects
  // on it (derive-scope.ts), and markers never; a VirtualService's gateway key leads to the Gateway, and to the
  // other VirtualServices bound to it only when that Gateway changed.
  const keys = new Set(start);
  const queue = [...keys];
  for (let k = queue.pop(); k !== undefined; k = queue.pop()) {
    if (k.startsWith(GATEWAY_LABEL)) continue;
    if (k.startsWith(BOUND)) {
      const gw = k.slice(BOUND.length);
      if (!keys.has(gw)) {
        keys.add(gw);
        queue.push(gw);
      }
      if (!openBound.has(k)) continue;
    }
    if (k.startsWith('lbl:') && !open.has(k) && !links.has(GATEWAY_LABEL + k)) continue;
    for (const to of links.get(k)?.keys() ?? []) {
      if (!keys.has(to)) {
        keys.add(to);
        queue.push(to);
      }
    }
  }
  const scope = new Set([...keys].filter((k) => k.startsWith('ns:')).map((k) => k.slice(3)));
  const docs = new Set<number>();
  for (const ns of scope) for (const d of nsDocs.get(ns) ?? []) docs.add(d);
  const inScope = [...docs].sort((a, b) => a - b);
  const sub = modelOf(
    inScope.map((d) => built[d] ?? []),
    model.defaultNamespace,
  );
  // Rules that look at the whole model when a reference resolves to nothing (suggestions from every Service)
  // or when a kind is absent altogether: a full run decides those.
  if (sub.workloads.length === 0 && model.workloads.length > 0) return undefined;
  if (sub.services.length === 0 && model.services.length > 0) return undefined;
  const index = indexModel(sub);
  // A host nothing in the scope stands for makes rules suggest from every Service and ServiceEntry; an exact
  // ServiceEntry host is in the scope whenever something names it (its `host:` key).
  const resolves = (fqdn: string) =>
    (index.servicesByFqdn.get(fqdn)?.length ?? 0) > 0 || index.hasServiceEntry(fqdn) !== undefined;
  // A gateway reference that resolves to nothing is matched against every Gateway for a suggestion.
  const gatewayResolves = (vs: (typeof sub.virtualServices)[number], ref: string) => {
    if (ref === 'mesh') return true;
    const slash = ref.indexOf('/');
    return slash < 0
      ? index.gateway(vs.namespace, ref) !== undefined
      : index.gateway(ref.slice(0, slash), ref.slice(slash + 1)) !== undefined;
  };
  for (const dr of sub.destinationRules) if (!resolves(dr.fqdn)) return undefined;
  for (const vs of sub.virtualServices) {
    // A host a Gateway serves under a public name needs no Service; one that looks in-cluster does.
    const gatewayOnly = vs.gateways.length > 0 && !vs.gateways.includes('mesh');
    const hostOk = (f: string) => resolves(f) || (gatewayOnly && !f.endsWith('.svc.cluster.local'));
    if (!vs.fqdns.every(hostOk)) return undefined;
    if (!vs.gateways.every((g) => gatewayResolves(vs, g))) return undefined;
    for (const r of vs.routes) {
      if (!r.destinations.every((d) => resolves(d.fqdn))) return undefined;
      if (r.mirror && !resolves(r.mirror.fqdn)) return undefined;
    }
  }
  const subGraph = buildGraph(sub, index, { meshComplete });
  const graph = spliceGraph(base, subGraph, scope);
  if (!graph) return undefined;
  const scopeDocs = inScope.flatMap((d) => parsed.docs[d] ?? []);
  const found = validate(
    { parsed, model: sub, index, graph: subGraph, meshComplete, docs: scopeDocs },
    { groups: false },
  );
  // The group rules over the whole model (they read its resources and the text only, not the scope's index or
  // graph); each re-checks only the groups this edit changed.
  const grouped = validateGroups({ parsed, model, index, graph: subGraph, meshComplete });
  if (grouped.some((d) => d.resource === undefined)) return undefined;
  const mine: Diagnostic[] = [];
  for (const d of found) {
    if (d.resource === undefined) {
      if (d.code === 'ITS0001' || d.code === 'ITS0002') continue;
      return undefined;
    }
    if (scope.has(nsOfRef(d.resource) ?? '')) mine.push(d);
  }
  const diagnostics = spliceDiagnostics(base, parsed, scope, [...mine, ...grouped]);
  if (!diagnostics) return undefined;
  return { model, graph, diagnostics, base: { ...next, graph, diagnostics } };
}

/** The last graph with the scope's nodes and edges replaced, or undefined when its ids or their order moved. */
function spliceGraph(base: PatchBase, sub: Graph, scope: Set<string>): Graph | undefined {
  let want = 0;
  let wantEdges = 0;
  for (const ns of scope) {
    want += base.nodesPerNs.get(ns) ?? 0;
    wantEdges += base.edgesPerNs.get(ns) ?? 0;
  }
  if (sub.nodes.length !== want || sub.edges.length !== wantEdges) return undefined;
  const nodes = base.graph.nodes.slice();
  let last = -1;
  for (const n of sub.nodes) {
    const at = base.nodePos.get(n.id);
    const old = at === undefined ? undefined : nodes[at];
    if (at === undefined || at <= last || !old || !scope.has(lower(old.namespace))) return undefined;
    if (!scope.has(lower(n.namespace))) return undefined;
    nodes[at] = n;
    last = at;
  }
  const edges = base.graph.edges.slice();
  last = -1;
  for (const e of sub.edges) {
    const at = base.edgePos.get(e.id);
    const owner = nodes[base.nodePos.get(ownerOf(e)) ?? -1];
    if (at === undefined || at <= last || !owner || !scope.has(lower(owner.namespace))) return undefined;
    edges[at] = e;
    last = at;
  }
  return { nodes, edges };
}

/** The span of the old text a parse re-read, and the length change after it. */
function touched(base: PatchBase, parsed: ParsedText) {
  const edit = docEditOf(parsed);
  if (edit && edit.prev === base.parsed) {
    const a = base.parsed.docs[edit.from]?.start ?? 0;
    return { a, b: base.parsed.docs[edit.oldTo - 1]?.end ?? a, delta: edit.delta };
  }
  // Not from the same parser: the span from the texts themselves.
  const a = commonPrefix(base.text, parsed.text);
  const b = base.text.length - commonSuffix(base.text, parsed.text, a);
  return { a, b, delta: parsed.text.length - base.text.length };
}

const before = (x: Diagnostic, y: Diagnostic) =>
  order[x.severity] - order[y.severity] || x.range[0] - y.range[0];

/**
 * The last findings outside the scope and outside the re-read span (those after it moved with their text), the
 * scope's new ones, the group rules' (all of them anew) and the syntax problems. The last list is sorted and filtering and moving keep it so:
 * the new ones are merged in, not the whole list sorted again.
 */
function spliceDiagnostics(
  base: PatchBase,
  parsed: ParsedText,
  scope: Set<string>,
  mine: Diagnostic[],
): Diagnostic[] | undefined {
  const { a, b, delta } = touched(base, parsed);
  const kept: Diagnostic[] = [];
  for (const d of base.diagnostics) {
    // Syntax problems (no resource) are all taken anew below: a loop over the documents that allocates nothing
    // for documents without problems.
    const ns = nsOfRef(d.resource);
    if (ns === undefined || scope.has(ns) || GROUP_CODES.has(d.code)) continue;
    // A finding kept lies in a document the edit did not touch.
    if (d.range[0] >= b) kept.push(delta === 0 ? d : shiftDiagnostic(d, delta));
    else if (d.range[1] <= a) kept.push(d);
    else return undefined;
  }
  const added = [...syntaxDiagnostics(parsed), ...mine].sort(before);
  const out: Diagnostic[] = [];
  let i = 0;
  for (const d of kept) {
    while (i < added.length && before(added[i] as Diagnostic, d) < 0) out.push(added[i++] as Diagnostic);
    out.push(d);
  }
  while (i < added.length) out.push(added[i++] as Diagnostic);
  return out;
}
