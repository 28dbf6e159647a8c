import { edgeId } from '../graph/ids';
import type { MeshModel, Route } from '../model/types';
import type { ParsedText } from '../yaml/parse';
import type { YamlPath } from '../yaml/locate';
import { appendIn, deleteIn, isFailure, setIn, type DocState, type Step } from './doc-edit';
import type { EditIntent } from './intents';
import { findRoute, refuse } from './lookup';
import { createSession, type EditResult } from './session';
import { destinationOf } from './templates';
import { addShare, evenly, normalise, removeShare } from './weights';

type Of<T extends EditIntent['type']> = Extract<EditIntent, { type: T }>;

/** Writes `weight:` on each destination whose weight differs, adding the key where it is absent. */
export function writeWeights(
  state: DocState,
  routePath: YamlPath,
  route: Route,
  weights: readonly number[],
): Step {
  let s: Step = state;
  weights.forEach((w, i) => {
    if (isFailure(s) || route.destinations[i]?.weight === w) return;
    s = setIn(s, [...routePath, 'route', i, 'weight'], w);
  });
  return s;
}

function validWeights(weights: readonly number[], count: number): string | undefined {
  if (weights.length !== count) return `expected ${count} weights, got ${weights.length}`;
  if (weights.some((w) => !Number.isInteger(w) || w < 0 || w > 100))
    return 'weights are whole numbers from 0 to 100';
  return undefined;
}

function rewrite(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'setWeights'>,
  pick: (r: Route) => number[],
): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const weights = pick(found.route);
  const bad = validWeights(weights, found.route.destinations.length);
  if (bad) return refuse(bad);
  const session = createSession(parsed);
  const f = session.edit(found.vs.docIndex, (s) => writeWeights(s, found.path, found.route, weights));
  return f ? refuse(f.reason) : session.finish();
}

/** Writes explicit weights; keys are added where absent and none removed. */
export function setWeights(parsed: ParsedText, model: MeshModel, i: Of<'setWeights'>): EditResult {
  return rewrite(parsed, model, i, () => i.weights);
}

/** Scales a route's weights to 100 (largest-remainder rounding). */
export function normaliseWeights(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'normaliseWeights'>,
): EditResult {
  return rewrite(parsed, model, { ...i, type: 'setWeights', weights: [] }, (r) =>
    normalise(r.destinations.map((d) => d.weight)),
  );
}

/** Splits a route's traffic equally. */
export function evenlyDistribute(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'evenlyDistribute'>,
): EditResult {
  return rewrite(parsed, model, { ...i, type: 'setWeights', weights: [] }, (r) =>
    evenly(r.destinations.length),
  );
}

/** Adds a destination to a route; the newcomer takes an equal share, the rest keep their proportions. */
export function connectRoute(parsed: ParsedText, model: MeshModel, i: Of<'connectRoute'>): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const { vs, route, path } = found;
  if (route.delegate) return refuse('this route delegates to another VirtualService; it has no destinations');
  const same = route.destinations.some(
    (d) =>
      d.host === i.target.host &&
      d.subset === i.target.subset &&
      (i.target.port === undefined || d.port === i.target.port),
  );
  if (same)
    return refuse(
      `the route already sends traffic to ${i.target.host}${i.target.subset ? ` (${i.target.subset})` : ''}`,
    );
  const n = route.destinations.length;
  const weights =
    n === 0
      ? []
      : addShare(
          route.destinations.map((d) => d.weight),
          i.locked,
        );
  const item: Record<string, unknown> = { destination: destinationOf(i.target) };
  if (n > 0) item.weight = weights[n];
  const session = createSession(parsed);
  const f = session.edit(vs.docIndex, (s) => {
    const w = writeWeights(s, path, route, weights.slice(0, n));
    return isFailure(w) ? w : appendIn(w, [...path, 'route'], item);
  });
  if (f) return refuse(f.reason);
  return session.finish(edgeId.route(vs.namespace, vs.name, i.protocol, i.routeIndex, n));
}

/** Removes a destination; the others are scaled back to 100. */
export function deleteDestination(
  parsed: ParsedText,
  model: MeshModel,
  i: Of<'deleteDestination'>,
): EditResult {
  const found = findRoute(model, i.vsRef, i.protocol, i.routeIndex);
  if (typeof found === 'string') return refuse(found);
  const { vs, route, path } = found;
  if (!route.destinations[i.destIndex]) return refuse(`the route has no destination ${i.destIndex}`);
  if (route.destinations.length === 1) return refuse('a route needs a destination; delete the route instead');
  const weights = removeShare(
    route.destinations.map((d) => d.weight),
    i.destIndex,
  );
  const rest = { ...route, destinations: route.destinations.filter((_, k) => k !== i.destIndex) };
  const session = createSession(parsed);
  const f = session.edit(vs.docIndex, (s) => {
    const d = deleteIn(s, [...path, 'route', i.destIndex]);
    // A lone destination needs no weight, but one it has must read 100.
    if (isFailure(d) || (rest.destinations.length === 1 && rest.destinations[0]?.weight === undefined))
      return d;
    return writeWeights(d, path, rest, weights);
  });
  return f ? refuse(f.reason) : session.finish();
}
