import { indexModel } from '../graph/build-graph';
import type { MeshModel } from '../model/types';
import { createRequest } from '../simulate/request';
import { vsGateways } from '../simulate/select-vs';
import { simulate } from '../simulate/simulate';
import type { SimRequest, SimResult } from '../simulate/types';
import type { YamlPath } from '../yaml/locate';
import { evaluateExpectation } from './evaluate';
import { describeResult } from './outcome';
import { evaluateTheirs } from './their-expectations';
import type { TestCase } from './types';
import { unfold } from './unfold';

/** One request of a case (one combination of authority, method and uri) and how it fared. */
export interface RequestResult {
  request: string;
  ok: boolean;
  /** The rule that routed it (`ns/name#http[i]`), or what happened instead. */
  outcome: string;
  /** Where it went (`reviews v2 100%`, `no-match (404)`), for the report. */
  went: string;
  problems: string[];
}

export interface CaseResult {
  testCase: TestCase;
  passed: boolean;
  /** Why the case could not run, when it could not. */
  error: string | undefined;
  requests: RequestResult[];
}

/** An http rule of a VirtualService and whether a request of some case reached it. */
export interface RuleCoverage {
  id: string;
  docIndex: number;
  /** The rule's path in its document (`spec/http[i]`, under `items[j]` in a List), for file:line. */
  path: YamlPath;
  reached: boolean;
}

export interface RunReport {
  cases: CaseResult[];
  rules: RuleCoverage[];
  /** HTTP rules no request reached, as `ns/name#http[i]`. */
  unreached: string[];
}

/** Gateways the VirtualServices bind to, for a request no mesh VirtualService takes. */
function gatewaysOf(model: MeshModel): string[] {
  return [...new Set(model.virtualServices.flatMap(vsGateways))].filter((g) => g !== 'mesh');
}

function label(q: SimRequest): string {
  const qs = Object.entries(q.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${q.method} ${q.authority ?? q.host}${q.path}${qs ? `?${qs}` : ''}`;
}

/**
 * Runs test cases through the core's tracer (Istio's semantics: host resolution, wildcards, delegates, gateway
 * binding), one request per combination of authority, method and uri. A case without a source enters by the
 * mesh from `namespace`, else by a gateway a VirtualService for its host binds to (istio-config-validator has
 * no client, so its cases find any VirtualService for the authority); a case with one enters where it says.
 * Every expectation a case states, theirs and ours, is compared; equality must equal `wantMatch`.
 */
export function runCases(model: MeshModel, cases: readonly TestCase[], namespace = 'default'): RunReport {
  const index = indexModel(model);
  const gateways = gatewaysOf(model);
  const reached = new Set<string>();
  const results = cases.map((tc): CaseResult => {
    const { requests, error } = unfold(model, tc, namespace);
    if (error) return { testCase: tc, passed: false, error, requests: [] };
    const out = requests.map((q): RequestResult => {
      let sim: SimResult = simulate(model, index, q);
      if (!tc.request.source && sim.virtualServices.length === 0) {
        for (const g of gateways) {
          const viaGateway = simulate(model, index, createRequest({ ...q, gateway: g }));
          if (viaGateway.virtualServices.length > 0) {
            sim = viaGateway;
            break;
          }
        }
      }
      if (sim.delegatedFrom) reached.add(sim.delegatedFrom.id);
      if (sim.rule) reached.add(sim.rule.id);
      const problems = [
        ...evaluateTheirs(model, tc.their, sim, tc.wantMatch),
        ...evaluateExpectation(tc.ours, sim, q.sourceNamespace, tc.wantMatch),
      ];
      const outcome = sim.rule ? sim.rule.id : `${sim.outcome}: ${sim.summary}`;
      return { request: label(q), ok: problems.length === 0, outcome, went: describeResult(sim), problems };
    });
    return { testCase: tc, passed: out.every((q) => q.ok), error: undefined, requests: out };
  });
  const rules = model.virtualServices.flatMap((vs) =>
    vs.routes
      .filter((rt) => rt.protocol === 'http')
      .map((rt): RuleCoverage => {
        const id = `${vs.namespace}/${vs.name}#http[${rt.index}]`;
        return {
          id,
          docIndex: vs.docIndex,
          path: [...vs.basePath, 'spec', 'http', rt.index],
          reached: reached.has(id),
        };
      }),
  );
  return { cases: results, rules, unreached: rules.filter((r) => !r.reached).map((r) => r.id) };
}
