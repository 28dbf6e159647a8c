// The requests a comparison traces through both versions: one per match block of every http rule, one for
// the default route of every host, of BOTH texts (a rule only the base has still says what changed for its
// requests). Values come from the match itself; regexes cannot be inverted, so a regex condition is skipped.
import { summariseMatch } from '../graph/match-summary';
import type { MeshModel } from '../model/types';
import { requestForMatch } from '../simulate/match-request';
import { vsGateways } from '../simulate/select-vs';
import type { SimRequest } from '../simulate/types';
import type { NamedRequest } from './types';

/** A drawn request, and which side(s) drew it. */
export interface DrawnRequest extends NamedRequest {
  origin: 'base' | 'head' | 'both' | 'given';
  key: string;
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
            request: requestForMatch(vs, block, host, gateway),
          });
        }
      }
      // The default route of the host: a plain request, whichever rule takes it.
      out.push({ name: `${short}: any request`, request: requestForMatch(vs, undefined, host, gateway) });
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
