import type { MeshIndex } from '../graph/build-graph';
import { summariseMatch } from '../graph/match-summary';
import { arr, num, rec, str, strMap, type Rec } from '../model/read';
import type { MeshModel, VirtualService } from '../model/types';
import { requestForMatch } from './match-request';
import { createRequest } from './request';
import { vsGateways } from './select-vs';
import { simulate } from './simulate';
import type { SimRequest } from './types';
import { ruleId } from './walk';

/** A named request the panel can run again. */
export interface SimPreset {
  name: string;
  request: SimRequest;
}

/** The request a preset sends to reach a rule: its first match block made concrete (host, path, headers, gateway). */
export function requestFor(vs: VirtualService, block: Rec | undefined): SimRequest {
  const gws = vsGateways(vs);
  return requestForMatch(vs, block, vs.hosts[0] ?? '', gws.includes('mesh') ? 'mesh' : gws[0]);
}

/**
 * Requests that exercise each http rule of the model's VirtualServices (one per rule, from its first match
 * block), kept only when the simulator confirms they reach that rule. At most `limit` of them.
 */
export function suggestPresets(model: MeshModel, index: MeshIndex, limit = 20): SimPreset[] {
  const out: SimPreset[] = [];
  for (const vs of model.virtualServices) {
    if (vs.hosts.length === 0) continue;
    for (const route of vs.routes) {
      if (route.protocol !== 'http' || out.length >= limit) continue;
      const block = route.match[0];
      const request = requestFor(vs, block);
      const id = ruleId(vs.namespace, vs.name, 'http', route.index);
      if (simulate(model, index, request).rule?.id !== id) continue;
      const what = block ? summariseMatch(block) : 'default';
      out.push({ name: `${vs.name}: ${route.name ?? `rule ${route.index}`} (${what})`, request });
    }
  }
  return out;
}

/** Restores saved presets (e.g. from localStorage): never throws; entries that make no sense are dropped. */
export function parsePresets(value: unknown): SimPreset[] {
  return arr(value).flatMap((p) => {
    const r = rec(rec(p).request);
    const name = str(rec(p).name);
    const host = str(r.host);
    if (name === undefined || host === undefined) return [];
    const protocol = str(r.protocol);
    const request = createRequest({
      host,
      port: num(r.port),
      path: str(r.path),
      method: str(r.method),
      scheme: str(r.scheme),
      authority: str(r.authority),
      headers: strMap(r.headers),
      query: strMap(r.query),
      sourceLabels: strMap(r.sourceLabels),
      sourceNamespace: str(r.sourceNamespace),
      gateway: str(r.gateway),
      protocol: protocol === 'tcp' || protocol === 'tls' ? protocol : 'http',
      sniHost: str(r.sniHost),
    });
    return [{ name, request }];
  });
}
