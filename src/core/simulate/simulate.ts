import type { Env } from '../envoy/types';
import type { MeshIndex } from '../graph/build-graph';
import type { MeshModel } from '../model/types';
import type { Client } from './destinations';
import { disagreementOf, envoyAnswer, type EnvoyAnswer } from './envoy-names';
import { decideL4 } from './from-envoy-l4';
import { decideByEnvoy } from './from-envoy';
import { requestGateway } from './gateways';
import type { MatchContext } from './match';
import type { SimRequest, SimResult } from './types';
import { walkAnswer } from './walk-answer';

/**
 * Traces where a request goes as Envoy would route it: core/envoy builds the config istiod would give the
 * request's proxy (the client's sidecar, or the gateway's pods) and follows the request through it; the Envoy
 * route decides the rule, the destinations and their shares, a redirect or direct response, or that nothing
 * routes it. The VirtualService walk explains that answer (why earlier rules did not match, features, policy,
 * workloads). For TCP/TLS, Envoy's listener decides the cluster and the walk names the rule when it reaches the
 * same one (`decideL4`). Only where Envoy's tables cannot be traced (no port known, a Gateway that does not
 * exist) does the walk's own answer stand, without `envoy`. Pure and total: it never throws.
 */
export function simulate(
  model: MeshModel,
  index: MeshIndex,
  req: SimRequest,
  env: Partial<Env> = {},
): SimResult {
  const walked = walkAnswer(model, index, req);
  const answer = envoyAnswer(model, req, walked.port ?? req.port, env);
  if (!answer) return walked;
  const { proxy } = answer.names;
  // The DestinationRule is the one istiod picks for this proxy (the gateway's, at a gateway).
  const client = { namespace: proxy.namespace, labels: proxy.labels };
  const result =
    req.protocol === 'http'
      ? decideHttp(model, index, req, walked, answer, client)
      : decideL4(model, index, walked, answer, client);
  return result.envoy
    ? { ...result, envoy: { ...result.envoy, disagreement: disagreementOf(result, result.envoy) } }
    : result;
}

function decideHttp(
  model: MeshModel,
  index: MeshIndex,
  req: SimRequest,
  walked: SimResult,
  answer: EnvoyAnswer,
  client: Client,
): SimResult {
  const { proxy } = answer.names;
  // Envoy dropped the matches that do not fit the proxy; the walk explains the rest against the same proxy.
  const ctx: MatchContext = {
    req: { ...req, sourceLabels: proxy.labels, sourceNamespace: proxy.namespace },
    fqdn: walked.fqdn,
    port: walked.port,
    gateway: requestGateway(model, req.gateway),
    vsNamespace: '',
  };
  return decideByEnvoy(model, index, walked, answer, ctx, client);
}
