import type { EnvoyRoute, VirtualHost } from '../envoy/types';
import type { MeshModel, Route, VirtualService } from '../model/types';
import { evaluateRule, type MatchContext } from './match';
import type { RuleTrace } from './types';
import { ruleRef } from './walk';

/** A VirtualService http rule, found from an Envoy route's source (`Kind ns/name`, `http[i]`). */
export interface RuleAt {
  vs: VirtualService;
  route: Route;
}

export function ruleAt(model: MeshModel, ref: string, httpIndex: number): RuleAt | undefined {
  const vs = model.virtualServices.find((v) => v.ref === ref);
  const route = vs?.routes.find((r) => r.protocol === 'http' && r.index === httpIndex);
  return vs && route ? { vs, route } : undefined;
}

/** The match block of `at` that an Envoy route stands for (a delegated route's block is re-found by the walk). */
export function blockIndex(r: EnvoyRoute, at: RuleAt, ctx: MatchContext): number | undefined {
  if (!r.source?.via) return r.source?.matchIndex;
  return evaluateRule(at.route, { ...ctx, vsNamespace: at.vs.namespace }).matchIndex;
}

/**
 * The rules tried, in Envoy's route order up to the route that matched (every route when none did), one row
 * per rule (a rule's routes in a row share it). Which rule matched is Envoy's answer; the walk's evaluation of
 * each rule only says why the others did not.
 */
export function envoyRows(
  model: MeshModel,
  vh: VirtualHost,
  hit: EnvoyRoute | undefined,
  ctx: MatchContext,
): RuleTrace[] {
  const end = hit ? vh.routes.indexOf(hit) + 1 : vh.routes.length;
  const rows: RuleTrace[] = [];
  let lastKey = '';
  for (const r of vh.routes.slice(0, end)) {
    const src = r.source;
    const at = src && ruleAt(model, src.ref, src.httpIndex);
    if (!src || !at) continue;
    const key = `${src.ref}#${src.httpIndex}<${src.via?.ref ?? ''}#${src.via?.httpIndex ?? ''}`;
    const isHit = r === hit;
    const last = rows[rows.length - 1];
    if (key === lastKey && last) {
      if (isHit)
        rows[rows.length - 1] = {
          ...last,
          matched: true,
          matchIndex: blockIndex(r, at, ctx),
          failure: undefined,
        };
      continue;
    }
    lastKey = key;
    const c = evaluateRule(at.route, { ...ctx, vsNamespace: at.vs.namespace });
    rows.push({
      rule: ruleRef(at.vs, at.route),
      matched: isHit,
      matchIndex: isHit ? blockIndex(r, at, ctx) : c.matchIndex,
      passed: c.passed,
      failure: isHit
        ? undefined
        : c.ok
          ? src.via
            ? `the root rule's match (${src.via.ref.slice(src.via.ref.indexOf(' ') + 1)}#http[${src.via.httpIndex}]) does not hold`
            : "Envoy's route for it does not match the request"
          : c.failure,
    });
  }
  return rows;
}
