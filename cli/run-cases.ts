import { indexModel } from '../src/core/graph/build-graph';
import { resolveHost } from '../src/core/model/hosts';
import { arr, isRec, num, rec, str, type Rec } from '../src/core/model/read';
import type { MeshModel, Route, VirtualService } from '../src/core/model/types';
import { probabilities } from '../src/core/simulate/destinations';
import { createRequest } from '../src/core/simulate/request';
import { vsGateways } from '../src/core/simulate/select-vs';
import { simulate } from '../src/core/simulate/simulate';
import type { SimResult, SimRuleRef } from '../src/core/simulate/types';
import type { TestCase } from './test-cases';

/** One request of a case (one combination of authority, method and uri) and how it fared. */
export interface RequestResult {
  request: string;
  ok: boolean;
  /** The rule that routed it (`ns/name#http[i]`), or what happened instead. */
  outcome: string;
  problems: string[];
}

export interface CaseResult {
  testCase: TestCase;
  passed: boolean;
  /** Why the case could not run (an empty authority, method or uri list), when it could not. */
  error: string | undefined;
  requests: RequestResult[];
}

export interface RunReport {
  cases: CaseResult[];
  /** HTTP rules of the VirtualServices that no request reached, as `ns/name#http[i]`. */
  unreached: string[];
}

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

function findRoute(
  model: MeshModel,
  ref: SimRuleRef | undefined,
): { vs: VirtualService; route: Route } | undefined {
  if (!ref) return undefined;
  const vs = model.virtualServices.find((v) => v.ref === ref.vsRef);
  const route = vs?.routes.find((r) => r.protocol === ref.protocol && r.index === ref.index);
  return vs && route ? { vs, route } : undefined;
}

/** Gateways the VirtualServices bind to, for a request no mesh VirtualService takes. */
function gatewaysOf(model: MeshModel): string[] {
  return [...new Set(model.virtualServices.flatMap(vsGateways))].filter((g) => g !== 'mesh');
}

/**
 * Runs test cases through the core's tracer (Istio's semantics: host resolution, wildcards, delegates, gateway
 * binding), one request per combination of authority, method and uri, as istio-config-validator unfolds them.
 * A request enters by the case's gateway, else by the mesh, else by a gateway a VirtualService for its host
 * binds to. Every expectation a case states is compared with the rule that matched; equality must equal
 * `wantMatch`.
 */
export function runCases(model: MeshModel, cases: readonly TestCase[], namespace = 'default'): RunReport {
  const index = indexModel(model);
  const gateways = gatewaysOf(model);
  const reached = new Set<string>();
  const results = cases.map((tc): CaseResult => {
    const r = tc.request;
    const empty = (['authority', 'method', 'uri'] as const).find((k) => r[k].length === 0);
    if (empty) return { testCase: tc, passed: false, error: `request.${empty} list is empty`, requests: [] };
    const requests: RequestResult[] = [];
    for (const uri of r.uri)
      for (const authority of r.authority)
        for (const method of r.method) {
          const base = {
            host: authority,
            path: uri,
            method,
            headers: r.headers,
            port: r.port,
            sourceNamespace: r.sourceNamespace ?? namespace,
            sourceLabels: r.sourceLabels,
          };
          let sim: SimResult = simulate(
            model,
            index,
            createRequest({ ...base, gateway: r.gateway ?? 'mesh' }),
          );
          if (!r.gateway && sim.virtualServices.length === 0) {
            for (const g of gateways) {
              const viaGateway = simulate(model, index, createRequest({ ...base, gateway: g }));
              if (viaGateway.virtualServices.length > 0) {
                sim = viaGateway;
                break;
              }
            }
          }
          requests.push(check(model, tc, sim, `${method} ${authority}${uri}`, reached));
        }
    return { testCase: tc, passed: requests.every((q) => q.ok), error: undefined, requests };
  });
  const unreached = model.virtualServices.flatMap((vs) =>
    vs.routes
      .filter((rt) => rt.protocol === 'http')
      .map((rt) => `${vs.namespace}/${vs.name}#http[${rt.index}]`)
      .filter((id) => !reached.has(id)),
  );
  return { cases: results, unreached };
}

function check(
  model: MeshModel,
  tc: TestCase,
  sim: SimResult,
  request: string,
  reached: Set<string>,
): RequestResult {
  const root = findRoute(model, sim.delegatedFrom ?? sim.rule);
  const hit = findRoute(model, sim.rule);
  if (sim.delegatedFrom) reached.add(sim.delegatedFrom.id);
  if (sim.rule) reached.add(sim.rule.id);
  const problems: string[] = [];
  const want = tc.wantMatch;
  const compare = (what: string, expected: unknown, actual: unknown, same: boolean): void => {
    if (same === want) return;
    problems.push(
      `${what}: expected ${want ? '' : 'no '}match with ${JSON.stringify(expected)}, got ${JSON.stringify(actual ?? null)}`,
    );
  };
  const e = tc.expect;
  if (e.delegate) {
    const d = root?.route.delegate;
    const expNs = str(e.delegate.namespace) ?? root?.vs.namespace;
    compare('delegate', e.delegate, d, !!d && d.name === str(e.delegate.name) && d.namespace === expNs);
  }
  if (e.route) {
    const ns = hit?.vs.namespace ?? namespace(model);
    const actual = hit ? arr(hit.route.raw.route) : [];
    compare('route', e.route, actual, canon(destinations(e.route, ns)) === canon(destinations(actual, ns)));
  }
  for (const k of ['rewrite', 'fault', 'headers', 'redirect'] as const) {
    const expected: Rec | undefined = e[k];
    if (!expected) continue;
    const actual = hit?.route.raw[k];
    compare(k, expected, actual, canon(expected) === canon(actual));
  }
  const outcome = sim.rule ? sim.rule.id : `${sim.outcome}: ${sim.summary}`;
  return { request, ok: problems.length === 0, outcome, problems };
}

function namespace(model: MeshModel): string {
  return model.defaultNamespace.name;
}
