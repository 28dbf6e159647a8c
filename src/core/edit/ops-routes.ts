import { edgeId, nodeId } from '../graph/ids';
import { rec } from '../model/read';
import type { MeshModel } from '../model/types';
import type { ParsedText } from '../yaml/parse';
import { appendIn, deleteIn, isFailure, moveLast, setIn, type Step } from './doc-edit';
import type { EditIntent } from './intents';
import { findRoute, findVs, refuse, specPath } from './lookup';
import { MATCH_KEYS, matchFields, type MatchCondition } from './match-form';
import { createSession, type EditResult } from './session';
import { destinationOf } from './templates';

type Of<T extends EditIntent['type']> = Extract<EditIntent, { type: T }>;

/** Appends a route row with one destination to a VirtualService. */
export function addRoute(parsed: ParsedText, model: MeshModel, i: Of<'addRoute'>): EditResult {
  const vs = findVs(model, i.vsRef);
  if (typeof vs === 'string') return refuse(vs);
  const index = vs.routes.filter((r) => r.protocol === i.protocol).length;
  const row = { ...(i.name ? { name: i.name } : {}), route: [{ destination: destinationOf(i.target) }] };
  const session = createSession(parsed);
  const f = session.edit(vs.docIndex, (s) => appendIn(s, specPath(vs, i.protocol), row));
  return f ? refuse(f.reason) : session.finish(edgeId.route(vs.namespace, vs.name, i.protocol, index, 0));
}

/** Binds a VirtualService to a Gateway; `keepMesh` also lists `mesh` when the VirtualService named no gateway. */
export function bindGateway(parsed: ParsedText, model: MeshModel, i: Of<'bindGateway'>): EditResult {
  const vs = findVs(model, i.vsRef);
  if (typeof vs === 'string') return refuse(vs);
  if (vs.gateways.includes(i.gateway)) return refuse(`${i.vsRef} is already bound to ${i.gateway}`);
  const session = createSession(parsed);
  const f = session.edit(vs.docIndex, (s) =>
    vs.gateways.length === 0 && i.keepMesh
      ? setIn(s, specPath(vs, 'gateways'), ['mesh', i.gateway])
      : appendIn(s, specPath(vs, 'gateways'), i.gateway),
  );
  return f ? refuse(f.reason) : session.finish(nodeId.virtualservice(vs.namespace, vs.name));
}

/** Moves a route to the end of its list, where a catch-all rule belongs. */
export function moveRuleLast(parsed: ParsedText, model: MeshModel, i: Of<'moveRuleLast'>): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const session = createSession(parsed);
  const f = session.edit(found.vs.docIndex, (s) => moveLast(s, specPath(found.vs, i.protocol), i.routeIndex));
  return f ? refuse(f.reason) : session.finish();
}

/** Deletes a route row. */
export function deleteRoute(parsed: ParsedText, model: MeshModel, i: Of<'deleteRoute'>): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const session = createSession(parsed);
  const f = session.edit(found.vs.docIndex, (s) => deleteIn(s, found.path));
  return f ? refuse(f.reason) : session.finish(nodeId.virtualservice(found.vs.namespace, found.vs.name));
}

function setCondition(
  state: Step,
  path: readonly (string | number)[],
  c: MatchCondition,
  existing: boolean,
  raw: unknown,
): Step {
  const fields = matchFields(c);
  if (!existing) {
    const value = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return isFailure(state) ? state : appendIn(state, path.slice(0, -1), value);
  }
  const others = Object.keys(rec(raw)).filter((k) => !(MATCH_KEYS as readonly string[]).includes(k));
  const empty = MATCH_KEYS.every((k) => fields[k] === undefined);
  if (empty && others.length === 0) return isFailure(state) ? state : setIn(state, path, {});
  let s = state;
  for (const k of MATCH_KEYS) {
    if (isFailure(s)) return s;
    const v = fields[k];
    // Only touch keys that change, so a field typed by hand keeps its layout.
    if (JSON.stringify(v) === JSON.stringify(rec(raw)[k])) continue;
    s = v === undefined ? deleteIn(s, [...path, k]) : setIn(s, [...path, k], v);
  }
  return s;
}

/**
 * Sets a route's match conditions from the inspector's form. Fields the form does not own (gateways, port,
 * sourceLabels...) stay; `undefined` or `[]` removes the match (the route then matches everything).
 */
export function setMatch(parsed: ParsedText, model: MeshModel, i: Of<'setMatch'>): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const { vs, route, path } = found;
  const want = i.match ?? [];
  const session = createSession(parsed);
  const f = session.edit(vs.docIndex, (start) => {
    if (want.length === 0) return deleteIn(start, [...path, 'match']);
    let s: Step = start;
    for (let k = route.match.length - 1; k >= want.length; k--)
      if (!isFailure(s)) s = deleteIn(s, [...path, 'match', k]);
    want.forEach((c, k) => {
      s = setCondition(s, [...path, 'match', k], c, k < route.match.length, route.match[k]);
    });
    return s;
  });
  return f ? refuse(f.reason) : session.finish();
}
