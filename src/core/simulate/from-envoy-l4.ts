import type { MeshIndex } from '../graph/build-graph';
import type { MeshModel } from '../model/types';
import type { Client } from './destinations';
import { destinationsOf } from './from-envoy';
import { disagreementOf, type EnvoyAnswer } from './envoy-names';
import type { SimResult } from './types';
import { collect, describe } from './walk-answer';

/**
 * A TCP or TLS request: Envoy's listener (filter chain) decides the cluster. Its chain does not say which
 * `tcp`/`tls` rule it came from, so the walk names the rule when it reaches the same clusters; when it does not
 * (no Service makes a listener for the host, or another rule holds the port), Envoy's cluster stands alone.
 */
export function decideL4(
  model: MeshModel,
  index: MeshIndex,
  walked: SimResult,
  answer: EnvoyAnswer,
  client: Client,
): SimResult {
  const names = answer.names;
  if (disagreementOf(walked, names) === undefined) return { ...walked, envoy: names };
  const where = `${walked.fqdn}${walked.port !== undefined ? `:${walked.port}` : ''}`;
  const base: SimResult = {
    ...walked,
    rule: undefined,
    matchIndex: undefined,
    delegatedFrom: undefined,
    destinations: [],
    features: undefined,
    envoy: names,
    highlight: { nodes: walked.highlight.nodes.filter((n) => !n.startsWith('subset:')), edges: [] },
  };
  const pass = names.clusters.includes('PassthroughCluster');
  if (pass || names.clusters.includes('BlackHoleCluster') || names.clusters.length === 0) {
    return {
      ...base,
      outcome: pass ? 'unknown-host' : 'no-match',
      summary: pass
        ? `No listener of this proxy routes ${where} by a VirtualService rule (no Service or ServiceEntry makes one): it passes through unchanged (PassthroughCluster).`
        : `Envoy does not route ${where}: ${names.error ?? 'BlackHoleCluster'}.`,
    };
  }
  const clusters = names.clusters.map((name) => ({ name, weight: 1 }));
  const destinations = destinationsOf(model, index, clusters, undefined, client);
  return collect({
    ...base,
    outcome: 'default-route',
    summary: `Envoy's listener for ${where} sends it to ${describe(destinations)}; no ${walked.rule?.protocol ?? 'tcp'} rule the walk tried applies to this proxy.`,
    destinations,
  });
}
