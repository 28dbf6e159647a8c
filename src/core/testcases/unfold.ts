import type { MeshModel } from '../model/types';
import { createRequest } from '../simulate/request';
import type { SimRequest } from '../simulate/types';
import { resolveSource } from './source';
import type { TestCase } from './types';

export interface Unfolded {
  /** One request per combination of uri, authority and method, in istio-config-validator's order. */
  requests: SimRequest[];
  /** Why the case cannot run (an empty list, a source not in the manifests). */
  error: string | undefined;
}

/**
 * The requests a case stands for, as istio-config-validator's `Unfold` makes them (uri × authority × method),
 * from the case's source: a gateway, a workload's namespace and pod labels, or `namespace` (the run's) when it
 * names none.
 */
export function unfold(model: MeshModel, tc: TestCase, namespace: string): Unfolded {
  const r = tc.request;
  const empty = (['authority', 'method', 'uri'] as const).find((k) => r[k].length === 0);
  if (empty) return { requests: [], error: `request.${empty} list is empty` };
  const { resolved, error } = tc.request.source
    ? resolveSource(model, tc.request.source, namespace)
    : { resolved: { gateway: 'mesh', namespace, labels: {} }, error: undefined };
  if (!resolved) return { requests: [], error };
  const requests: SimRequest[] = [];
  for (const uri of r.uri)
    for (const authority of r.authority)
      for (const method of r.method)
        requests.push(
          createRequest({
            host: authority,
            path: uri,
            method,
            headers: r.headers,
            query: r.query,
            port: r.port,
            gateway: resolved.gateway,
            sourceNamespace: resolved.namespace,
            sourceLabels: resolved.labels,
          }),
        );
  return { requests, error: undefined };
}
