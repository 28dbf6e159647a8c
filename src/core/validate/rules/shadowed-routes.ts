import { byCreation, DEFAULT_ENV } from '../../envoy/env';
import { hostMatches } from '../../model/hosts';
import { isRec, num, rec, str, strList, strMap, type Rec } from '../../model/read';
import type { Gateway, VirtualService } from '../../model/types';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { gatewayRef, report } from './util';

// This rule follows core/envoy (gateway-routes.ts merge, translate.ts matches, findings.ts `shadowedRoutes`)
// without importing it: the route builders would put ~9 KB on the first screen (over its 300 KB budget). A test
// holds its findings equal to core/envoy's.

const keyOf = (g: { namespace: string; name: string }) => `${g.namespace}/${g.name}`;

/** Two host patterns one request could share (`*` and `*.example.com` overlap `shop.example.com`). */
function overlap(a: string, b: string): boolean {
  return a === b || hostMatches(a, b) || hostMatches(b, a);
}

/** One Envoy route at a gateway: a VirtualService match as `translate.ts` turns it into a RouteMatch. */
interface Entry {
  vs: VirtualService;
  httpIndex: number;
  matchIndex: number;
  /** `prefix` / `path` (exact) / `regex`, as Envoy's path specifier. */
  uri: { kind: 'prefix' | 'path' | 'regex'; value: string };
  caseSensitive: boolean;
  /** Only the path decides (no header, method, authority, scheme or query condition). */
  pathOnly: boolean;
}

const HEADERS = ['headers', 'withoutHeaders', 'queryParams', 'method', 'authority', 'scheme'];

function entryOf(vs: VirtualService, httpIndex: number, matchIndex: number, m: Rec): Entry {
  const u = rec(m.uri);
  const uri =
    str(u.exact) !== undefined
      ? { kind: 'path' as const, value: str(u.exact) ?? '' }
      : str(u.prefix) !== undefined
        ? { kind: 'prefix' as const, value: str(u.prefix) ?? '' }
        : str(u.regex) !== undefined
          ? { kind: 'regex' as const, value: str(u.regex) ?? '' }
          : { kind: 'prefix' as const, value: '/' };
  const pathOnly = HEADERS.every(
    (k) => m[k] === undefined || (isRec(m[k]) && Object.keys(m[k]).length === 0),
  );
  return { vs, httpIndex, matchIndex, uri, caseSensitive: m.ignoreUriCase !== true, pathOnly };
}

/** `translate.ts` isCatchAll: prefix `/` or regex `.*`, nothing else. */
const catchAll = (e: Entry) =>
  e.pathOnly &&
  ((e.uri.kind === 'prefix' && e.uri.value === '/') || (e.uri.kind === 'regex' && e.uri.value === '.*'));

/** `translate.ts` matchApplies at a gateway (the listener port is not known here: matches with `port` are left out). */
function applies(m: Rec, vs: VirtualService, gw: Gateway): boolean {
  if (num(m.port) !== undefined) return false;
  if (
    isRec(m.sourceLabels) &&
    !Object.entries(strMap(m.sourceLabels)).every(([k, v]) => gw.selector[k] === v)
  )
    return false;
  const sns = str(m.sourceNamespace);
  if (sns !== undefined && sns !== gw.namespace) return false;
  if (
    Array.isArray(m.gateways) &&
    !strList(m.gateways).some((g) => keyOf(gatewayRef(g, vs.namespace)) === keyOf(gw))
  )
    return false;
  return true;
}

/**
 * The gateway's routes of one VirtualService (`translateRules`): one per applying match, ending at a rule
 * without match or a catch-all. Rules that delegate are left out (their routes come from another resource).
 */
function entries(vs: VirtualService, gw: Gateway): Entry[] {
  const out: Entry[] = [];
  for (const r of vs.routes) {
    if (r.protocol !== 'http') continue;
    if (r.match.length === 0) return out;
    let stop = false;
    r.match.forEach((m, mi) => {
      if (stop || !applies(m, vs, gw)) return;
      const e = entryOf(vs, r.index, mi, m);
      if (!r.delegate) out.push(e);
      stop = catchAll(e);
    });
    if (stop) return out;
  }
  return out;
}

/** `findings.ts` covers: every request `later` matches, `earlier` (path only) matches too. */
function covers(earlier: Entry, later: Entry): boolean {
  if (!earlier.pathOnly || earlier.caseSensitive !== later.caseSensitive) return false;
  const a = earlier.uri;
  const b = later.uri;
  if (a.kind === 'regex') return b.kind === 'regex' && a.value === b.value;
  if (a.kind === 'prefix') return b.kind !== 'regex' && b.value.startsWith(a.value);
  return b.kind === 'path' && b.value === a.value;
}

const where = (e: Entry) => `${e.vs.namespace}/${e.vs.name} http[${e.httpIndex}] match ${e.matchIndex}`;

function checkGateway(ctx: ValidationContext, gw: Gateway, bound: VirtualService[], out: Diagnostic[]): void {
  // istiod merges the VirtualServices oldest first; catch-alls move to the end, so they never shadow here.
  const merged = byCreation(bound, DEFAULT_ENV)
    .flatMap((vs) => entries(vs, gw))
    .filter((e) => !catchAll(e));
  merged.forEach((later, i) => {
    const by = merged
      .slice(0, i)
      .find(
        (e) =>
          e.vs !== later.vs &&
          e.vs.fqdns.some((h) => later.vs.fqdns.some((x) => overlap(h, x))) &&
          covers(e, later),
      );
    if (!by) return;
    out.push(
      report(
        ctx,
        later.vs,
        ['spec', 'http', later.httpIndex, 'match', later.matchIndex],
        'ITS0132',
        `Envoy route ${where(later)} can never match at gateway ${keyOf(gw)}: route ${where(by)} comes first in the merged routes and takes every request it would. Narrow that earlier match, or reorder: istiod merges VirtualServices oldest first (creationTimestamp), so move this rule into ${by.vs.namespace}/${by.vs.name} above the broader one.`,
      ),
    );
  });
}

/**
 * ITS0132: Envoy routes that can never match because an earlier route of the same virtual host takes every
 * request they would (core/envoy's `shadowedRoutes`), where the earlier route comes from another
 * VirtualService merged at a gateway. Only a gateway merges VirtualServices into one virtual host (a sidecar's
 * holds one VirtualService's routes). Shadowing inside one VirtualService is IST0130/IST0131's
 * (`unreachable-rules.ts`), which finds it for every proxy; this rule defers to it so one mistake gives one
 * finding.
 */
export const envoyShadowedRoutes: Rule = (ctx) => {
  const byGateway = new Map<string, VirtualService[]>();
  for (const vs of ctx.model.virtualServices) {
    if (vs.hosts.length === 0) continue;
    for (const g of new Set(
      vs.gateways.filter((x) => x !== 'mesh').map((x) => keyOf(gatewayRef(x, vs.namespace))),
    )) {
      const list = byGateway.get(g);
      if (list) list.push(vs);
      else byGateway.set(g, [vs]);
    }
  }
  const out: Diagnostic[] = [];
  for (const gw of ctx.model.gateways) {
    const bound = byGateway.get(keyOf(gw)) ?? [];
    if (bound.length > 1) checkGateway(ctx, gw, bound, out);
  }
  return out;
};
