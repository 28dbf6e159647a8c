import { resolveHost } from '../model/hosts';
import { arr, isRec, num, rec, str, type Rec } from '../model/read';
import type { MeshModel, Route, VirtualService } from '../model/types';
import { probabilities } from '../simulate/destinations';
import type { SimResult, SimRuleRef } from '../simulate/types';
import type { TheirExpectation } from './types';

/** JSON with keys sorted, so two objects compare by content (as Go's reflect.DeepEqual on the parsed protos). */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (isRec(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined && v[k] !== null)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** A route's destinations as Istio reads them: host resolved in the VirtualService's namespace, shares, port. */
function destinations(route: unknown, namespace: string): string[] {
  const list = arr(route);
  const shares = probabilities(list.map((d) => num(rec(d).weight)));
  return list.map((d, i) => {
    const dest = rec(rec(d).destination);
    return canon({
      host: resolveHost(str(dest.host) ?? '', namespace),
      subset: str(dest.subset) ?? '',
      port: num(rec(dest.port).number) ?? 0,
      share: Math.round((shares[i] ?? 0) * 10000) / 10000,
      headers: rec(rec(d).headers),
    });
  });
}

/** The VirtualService and rule a simulator rule reference names. */
export function findRoute(
  model: MeshModel,
  ref: SimRuleRef | undefined,
): { vs: VirtualService; route: Route } | undefined {
  if (!ref) return undefined;
  const vs = model.virtualServices.find((v) => v.ref === ref.vsRef);
  const route = vs?.routes.find((r) => r.protocol === ref.protocol && r.index === ref.index);
  return vs && route ? { vs, route } : undefined;
}

/**
 * Compares istio-config-validator's expectations with the rule the request matched, as they compare them (a
 * deep equality of the rule's fields), but with Istio's reading of a destination: a short host and its FQDN are
 * one host, weights are shares (a lone destination's weight does not matter). Each comparison must equal
 * `want`; returns one problem per one that does not.
 */
export function evaluateTheirs(
  model: MeshModel,
  their: TheirExpectation,
  sim: SimResult,
  want: boolean,
): string[] {
  const root = findRoute(model, sim.delegatedFrom ?? sim.rule);
  const hit = findRoute(model, sim.rule);
  const problems: string[] = [];
  const compare = (what: string, expected: unknown, actual: unknown, same: boolean): void => {
    if (same === want) return;
    problems.push(
      `${what}: expected ${want ? '' : 'no '}match with ${JSON.stringify(expected)}, got ${JSON.stringify(actual ?? null)}`,
    );
  };
  if (their.delegate) {
    const d = root?.route.delegate;
    const expNs = str(their.delegate.namespace) ?? root?.vs.namespace;
    compare(
      'delegate',
      their.delegate,
      d,
      !!d && d.name === str(their.delegate.name) && d.namespace === expNs,
    );
  }
  if (their.route) {
    const ns = hit?.vs.namespace ?? model.defaultNamespace.name;
    const actual = hit ? arr(hit.route.raw.route) : [];
    compare(
      'route',
      their.route,
      actual,
      canon(destinations(their.route, ns)) === canon(destinations(actual, ns)),
    );
  }
  for (const k of ['rewrite', 'fault', 'headers', 'redirect'] as const) {
    const expected: Rec | undefined = their[k];
    if (!expected) continue;
    const actual = hit?.route.raw[k];
    compare(k, expected, actual, canon(expected) === canon(actual));
  }
  return problems;
}
