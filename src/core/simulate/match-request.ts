import { arr, isRec, num, rec, str, strMap, type Rec } from '../model/read';
import type { VirtualService } from '../model/types';
import { createRequest } from './request';
import type { SimRequest } from './types';

// A value that satisfies an exact or prefix StringMatch; `{}` (presence) takes any value; regexes cannot be
// inverted in general.
function sample(spec: unknown): string | undefined {
  const m = rec(spec);
  return str(m.exact) ?? str(m.prefix) ?? (m.regex === undefined ? '1' : undefined);
}

function concreteHost(host: string): string {
  if (host === '*') return 'example.com';
  return host.startsWith('*.') ? `www${host.slice(1)}` : host;
}

/**
 * A request that satisfies one match block of a VirtualService rule (`undefined`: the rule has no match): its
 * path, method, headers, query, source and gateway made concrete, sent to `host` (a wildcard gets a concrete
 * name). The block's own `gateways` win over `gateway`. Shared by the simulator's presets and the comparison's
 * request set, so both draw the same request for a rule.
 */
export function requestForMatch(
  vs: VirtualService,
  block: Rec | undefined,
  host: string,
  gateway: string | undefined,
): SimRequest {
  const b = block ?? {};
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(b.headers))) headers[k.toLowerCase()] = sample(v) ?? '';
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(b.queryParams))) query[k] = sample(v) ?? '';
  const matchGw = arr(b.gateways)
    .map(str)
    .find((g) => g !== undefined);
  const gw = matchGw ?? gateway;
  return createRequest({
    host: concreteHost(host),
    path: isRec(b.uri) ? (sample(b.uri) ?? '/') : '/',
    method: isRec(b.method) ? sample(b.method) : undefined,
    scheme: isRec(b.scheme) ? sample(b.scheme) : undefined,
    authority: isRec(b.authority) ? sample(b.authority) : undefined,
    port: num(b.port),
    headers,
    query,
    sourceLabels: strMap(b.sourceLabels),
    sourceNamespace: str(b.sourceNamespace) ?? vs.namespace,
    gateway: gw === undefined || gw === 'mesh' || gw.includes('/') ? gw : `${vs.namespace}/${gw}`,
  });
}
