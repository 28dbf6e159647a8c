// The requests a comparison traces through both versions: one per match block of every http rule, one for
// the default route of every host, of BOTH texts (a rule only the base has still says what changed for its
// requests). Values come from the match itself; regexes cannot be inverted, so a regex condition is skipped.
import { summariseMatch } from '../graph/match-summary';
import { arr, isRec, num, rec, str, strMap, type Rec } from '../model/read';
import type { MeshModel, VirtualService } from '../model/types';
import { createRequest } from '../simulate/request';
import { vsGateways } from '../simulate/select-vs';
import type { SimRequest } from '../simulate/types';
import type { NamedRequest } from './types';

/** A drawn request, and which side(s) drew it. */
export interface DrawnRequest extends NamedRequest {
  origin: 'base' | 'head' | 'both' | 'given';
  key: string;
}

// A value that satisfies an exact or prefix StringMatch; `{}` (presence) takes any value.
function sample(spec: unknown): string | undefined {
  const m = rec(spec);
  return str(m.exact) ?? str(m.prefix) ?? (m.regex === undefined ? '1' : undefined);
}

function concreteHost(host: string): string {
  if (host === '*') return 'example.com';
  return host.startsWith('*.') ? `www${host.slice(1)}` : host;
}

function requestFor(vs: VirtualService, host: string, block: Rec | undefined, gateway: string): SimRequest {
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
    gateway: gw === 'mesh' || gw.includes('/') ? gw : `${vs.namespace}/${gw}`,
  });
}

/** A stable key: two requests with the same key get the same answer. */
export function requestKey(r: SimRequest): string {
  return JSON.stringify([
    r.host,
    r.port,
    r.path,
    r.method,
    r.scheme,
    r.authority,
    Object.entries(r.headers).sort(),
    Object.entries(r.query).sort(),
    Object.entries(r.sourceLabels).sort(),
    r.sourceNamespace,
    r.gateway,
    r.protocol,
    r.sniHost,
  ]);
}

function draw(model: MeshModel, limit: number): NamedRequest[] {
  const out: NamedRequest[] = [];
  for (const vs of model.virtualServices) {
    const gateways = vsGateways(vs);
    const gateway = gateways.includes('mesh') ? 'mesh' : (gateways[0] ?? 'mesh');
    for (const host of vs.hosts) {
      const short = host.split('.')[0] ?? host;
      for (const route of vs.routes) {
        if (route.protocol !== 'http' || out.length >= limit) continue;
        for (const block of route.match) {
          // A regex condition has no value we can make up: the request would test something else.
          if (JSON.stringify(block).includes('"regex"')) continue;
          out.push({
            name: `${short}: ${summariseMatch(block)}`,
            request: requestFor(vs, host, block, gateway),
          });
        }
      }
      // The default route of the host: a plain request, whichever rule takes it.
      out.push({ name: `${short}: any request`, request: requestFor(vs, host, undefined, gateway) });
    }
  }
  return out;
}

/**
 * The requests of both texts plus the given ones, without duplicates (by `requestKey`), at most `limit` drawn
 * from each text. Order: given, then base's, then head's (each in text order).
 */
export function drawRequests(
  base: MeshModel,
  head: MeshModel,
  given: readonly NamedRequest[],
  limit: number,
): DrawnRequest[] {
  const byKey = new Map<string, DrawnRequest>();
  for (const g of given) {
    const key = requestKey(g.request);
    if (!byKey.has(key)) byKey.set(key, { ...g, origin: 'given', key });
  }
  const add = (list: NamedRequest[], side: 'base' | 'head'): void => {
    for (const n of list) {
      const key = requestKey(n.request);
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { ...n, origin: side, key });
      else if (seen.origin !== side && seen.origin !== 'given') seen.origin = 'both';
    }
  };
  add(draw(base, limit), 'base');
  add(draw(head, limit), 'head');
  return [...byKey.values()];
}
