import type { MeshModel, Route, VirtualService } from '../model/types';
import { evaluateRule, type MatchContext } from './match';
import type { RuleTrace, SimRuleRef } from './types';

/** The `data-rule` id of a rule: `ns/name#http[0]`. */
export function ruleId(
  namespace: string,
  vsName: string,
  protocol: Route['protocol'],
  index: number,
): string {
  return `${namespace}/${vsName}#${protocol}[${index}]`;
}

export function ruleRef(vs: VirtualService, route: Route): SimRuleRef {
  return {
    id: ruleId(vs.namespace, vs.name, route.protocol, route.index),
    vsRef: vs.ref,
    namespace: vs.namespace,
    vsName: vs.name,
    protocol: route.protocol,
    index: route.index,
    name: route.name,
    docIndex: vs.docIndex,
    path: [...vs.basePath, 'spec', route.protocol, route.index],
  };
}

export interface Hit {
  vs: VirtualService;
  route: Route;
  matchIndex: number | undefined;
}

export interface WalkResult {
  trace: RuleTrace[];
  hit: Hit | undefined;
  /** The root rule whose `delegate` led to `hit`. */
  via: Hit | undefined;
  /** Why the walk stopped without a hit other than "no rule matched" (e.g. a missing delegate). */
  failure: string | undefined;
}

function walkRules(vs: VirtualService, ctx: MatchContext, trace: RuleTrace[]): Hit | undefined {
  for (const route of vs.routes) {
    if (route.protocol !== ctx.req.protocol) continue;
    const c = evaluateRule(route, { ...ctx, vsNamespace: vs.namespace });
    trace.push({
      rule: ruleRef(vs, route),
      matched: c.ok,
      matchIndex: c.matchIndex,
      passed: c.passed,
      failure: c.failure,
    });
    if (c.ok) return { vs, route, matchIndex: c.matchIndex };
  }
  return undefined;
}

/**
 * Walks the rules of the applying VirtualServices in order and returns the first that matches. A matching
 * rule with `delegate` hands over to the delegate VirtualService's http rules (its matches narrow the root's),
 * as Istio merges them; a delegate may not delegate again.
 */
export function walk(model: MeshModel, applied: readonly VirtualService[], ctx: MatchContext): WalkResult {
  const trace: RuleTrace[] = [];
  for (const vs of applied) {
    const hit = walkRules(vs, ctx, trace);
    if (!hit) continue;
    const d = hit.route.delegate;
    if (!d) return { trace, hit, via: undefined, failure: undefined };
    const child = model.virtualServices.find((v) => v.namespace === d.namespace && v.name === d.name);
    if (!child) {
      const failure = `${ruleRef(vs, hit.route).id} delegates to VirtualService ${d.namespace}/${d.name}, which does not exist (404)`;
      return { trace, hit: undefined, via: hit, failure };
    }
    if (child.hosts.length > 0) {
      const failure = `Delegate VirtualService ${d.namespace}/${d.name} sets hosts, so Istio ignores it as a delegate (404)`;
      return { trace, hit: undefined, via: hit, failure };
    }
    const inner = walkRules(child, ctx, trace);
    return { trace, hit: inner, via: hit, failure: undefined };
  }
  return { trace, hit: undefined, via: undefined, failure: undefined };
}

/** The rule that came nearest to matching: most conditions held in its best block, first on a tie. */
export function closestRule(trace: readonly RuleTrace[]): RuleTrace | undefined {
  let best: RuleTrace | undefined;
  for (const t of trace) if (!t.matched && (!best || t.passed > best.passed)) best = t;
  return best;
}
