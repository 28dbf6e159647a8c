import { arr, isRec, num, rec, str, strList, strMap, type Rec } from '../model/read';
import { labelsMatch, resolveConfigHost } from './env';
import type { RegService } from './registry';
import { gatewayRef, type HttpRule } from './vs-select';
import type {
  EnvoyRoute,
  Env,
  HeaderMatcher,
  Mirror,
  Proxy,
  QueryParameterMatcher,
  RouteAction,
  RouteMatch,
  StringMatcher,
} from './types';

/** What a rule is translated for: the listener's port, the proxy, and the gateway (or `mesh`). */
export interface TranslateContext {
  port: number;
  proxy: Proxy;
  /** `mesh` for a sidecar, `ns/name` of the Gateway at a gateway. */
  gateway: string;
  env: Env;
  /** Services by hostname (for a destination's default port). */
  services: ReadonlyMap<string, RegService>;
}

/** `outbound|<port>|<subset>|<fqdn>` (`model/service.go` BuildSubsetKey). */
export function clusterName(port: number, subset: string, host: string): string {
  return `outbound|${port}|${subset}|${host}`;
}

function stringMatcher(v: unknown): StringMatcher {
  const m = rec(v);
  const exact = str(m.exact);
  const prefix = str(m.prefix);
  const regex = str(m.regex);
  if (exact !== undefined) return { exact };
  if (prefix !== undefined) return { prefix };
  if (regex !== undefined) return { safeRegex: regex };
  return { present: true };
}

/** Istio's match → Envoy's RouteMatch (`route.go` TranslateRouteMatch). */
export function translateMatch(m: Rec, ingressSemantics = false): RouteMatch {
  const out: RouteMatch = {};
  const uri = rec(m.uri);
  const prefix = str(uri.prefix);
  if (str(uri.exact) !== undefined) out.path = str(uri.exact);
  // An Ingress `Prefix` matches whole path segments (`/foo` takes `/foo` and `/foo/x`, not `/foobar`).
  else if (prefix !== undefined && ingressSemantics && prefix !== '/')
    out.pathSeparatedPrefix = prefix.replace(/\/+$/, '');
  else if (prefix !== undefined) out.prefix = prefix;
  else if (str(uri.regex) !== undefined) out.safeRegex = str(uri.regex);
  else out.prefix = '/';
  if (m.ignoreUriCase === true) out.caseSensitive = false;
  const headers: HeaderMatcher[] = [];
  for (const [name, spec] of Object.entries(rec(m.headers)))
    headers.push({ name: name.toLowerCase(), ...stringMatcher(spec) });
  for (const [k, pseudo] of [
    ['method', ':method'],
    ['authority', ':authority'],
    ['scheme', ':scheme'],
  ] as const) {
    if (isRec(m[k])) headers.push({ name: pseudo, ...stringMatcher(m[k]) });
  }
  for (const [name, spec] of Object.entries(rec(m.withoutHeaders))) {
    headers.push({ name: name.toLowerCase(), ...stringMatcher(spec), invertMatch: true });
  }
  headers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (headers.length) out.headers = headers;
  const query: QueryParameterMatcher[] = Object.entries(rec(m.queryParams)).map(([name, spec]) => ({
    name,
    ...stringMatcher(spec),
  }));
  if (query.length) out.queryParameters = query;
  return out;
}

/** A route that matches every request: prefix `/` or regex `.*`, nothing else (`route.go` isCatchAllRoute). */
export function isCatchAll(m: RouteMatch): boolean {
  if (m.headers?.length || m.queryParameters?.length) return false;
  return m.prefix === '/' || m.safeRegex === '.*' || m.safeRegex === '/.*';
}

/** True when a match applies to this proxy (`port`, `sourceLabels`, `sourceNamespace`, `gateways`). */
export function matchApplies(m: Rec, ctx: TranslateContext, vsNamespace: string): boolean {
  const port = num(m.port);
  if (port !== undefined && port !== ctx.port) return false;
  if (isRec(m.sourceLabels) && !labelsMatch(strMap(m.sourceLabels), ctx.proxy.labels)) return false;
  const sns = str(m.sourceNamespace);
  if (sns !== undefined && sns !== ctx.proxy.namespace) return false;
  if (
    Array.isArray(m.gateways) &&
    !strList(m.gateways).some((g) => gatewayRef(g, vsNamespace) === ctx.gateway)
  ) {
    return false;
  }
  return true;
}

function destinationCluster(d: Rec, rule: HttpRule, ctx: TranslateContext): string {
  const host = resolveConfigHost(str(d.host) ?? '', rule.hostNamespace, ctx.env);
  const svc = ctx.services.get(host);
  const port =
    num(rec(d.port).number) ?? (svc?.ports.length === 1 ? svc.ports[0]?.port : undefined) ?? ctx.port;
  return clusterName(port, str(d.subset) ?? '', host);
}

function action(rule: HttpRule, ctx: TranslateContext): RouteAction | undefined {
  const dests = arr(rule.raw.route).map(rec);
  if (dests.length === 0) return undefined;
  if (dests.length === 1) return { cluster: destinationCluster(rec(dests[0]?.destination), rule, ctx) };
  const weighted = dests
    .map((d) => ({ name: destinationCluster(rec(d.destination), rule, ctx), weight: num(d.weight) ?? 0 }))
    .filter((w) => w.weight > 0);
  if (weighted.length === 1 && weighted[0]) return { cluster: weighted[0].name };
  return { weightedClusters: weighted };
}

function mirrors(rule: HttpRule, ctx: TranslateContext): Mirror[] | undefined {
  const r = rule.raw;
  const list: Mirror[] = [];
  if (isRec(r.mirror)) {
    const pct = num(rec(r.mirrorPercentage).value) ?? num(r.mirrorPercent) ?? 100;
    list.push({ cluster: destinationCluster(r.mirror, rule, ctx), percent: pct });
  }
  for (const m of arr(r.mirrors).map(rec)) {
    list.push({
      cluster: destinationCluster(rec(m.destination), rule, ctx),
      percent: num(rec(m.percentage).value) ?? 100,
    });
  }
  return list.length ? list : undefined;
}

function extras(rule: HttpRule, ctx: TranslateContext): Partial<EnvoyRoute> {
  const r = rule.raw;
  const out: Partial<EnvoyRoute> = {};
  if (isRec(r.redirect)) {
    const x = r.redirect;
    out.redirect = {
      ...(str(x.authority) !== undefined ? { hostRedirect: str(x.authority) } : {}),
      ...(str(x.uri) !== undefined ? { pathRedirect: str(x.uri) } : {}),
      ...(str(x.scheme) !== undefined ? { schemeRedirect: str(x.scheme) } : {}),
      ...(num(x.port) !== undefined ? { portRedirect: num(x.port) } : {}),
      responseCode: num(x.redirectCode) ?? 301,
    };
  } else if (isRec(r.directResponse)) {
    const body = rec(r.directResponse.body);
    const text = str(body.string) ?? str(body.bytes);
    out.directResponse = {
      status: num(r.directResponse.status) ?? 200,
      ...(text !== undefined ? { body: text } : {}),
    };
  } else {
    const a = action(rule, ctx);
    if (a) out.route = a;
  }
  if (str(r.timeout) !== undefined) out.timeout = str(r.timeout);
  if (isRec(r.retries)) out.retries = r.retries;
  const mir = mirrors(rule, ctx);
  if (mir) out.mirrors = mir;
  if (isRec(r.fault)) out.fault = r.fault;
  if (isRec(r.rewrite)) out.rewrite = r.rewrite;
  if (isRec(r.headers)) out.headers = r.headers;
  if (isRec(r.corsPolicy)) out.cors = r.corsPolicy;
  return out;
}

/**
 * Translates a VirtualService's http rules into Envoy routes for one listener (`route.go` BuildHTTPRoutes):
 * one route per applying `match`, named `rule.match`; matches that do not fit the proxy are dropped, and
 * generation stops after the first route that matches everything.
 */
export function translateRules(
  rules: readonly HttpRule[],
  vsKey: string,
  vsNamespace: string,
  ctx: TranslateContext,
  ingressSemantics = false,
): EnvoyRoute[] {
  const out: EnvoyRoute[] = [];
  for (const rule of rules) {
    const base = extras(rule, ctx);
    if (rule.matches.length === 0) {
      out.push({
        name: rule.name ?? '',
        match: { prefix: '/' },
        ...base,
        virtualService: vsKey,
        source: rule.source,
      });
      return out;
    }
    let stop = false;
    rule.matches.forEach((m, mi) => {
      if (stop || !matchApplies(m, ctx, vsNamespace)) return;
      const mName = str(m.name);
      const name = rule.name && mName ? `${rule.name}.${mName}` : (rule.name ?? mName ?? '');
      const match = translateMatch(m, ingressSemantics);
      out.push({ name, match, ...base, virtualService: vsKey, source: { ...rule.source, matchIndex: mi } });
      if (isCatchAll(match)) stop = true;
    });
    if (stop) return out;
  }
  return out;
}

/** The route istiod gives a service no VirtualService routes: `default`, to the service's cluster. */
export function defaultRoute(host: string, port: number): EnvoyRoute {
  return { name: 'default', match: { prefix: '/' }, route: { cluster: clusterName(port, '', host) } };
}
