import { resolveHost } from '../model/hosts';
import { arr, isRec, num, rec, str, type Rec } from '../model/read';
import type { Route } from '../model/types';
import { compileRegex } from './string-match';
import type { SimFault, SimFeatures, SimMirror, SimRequest } from './types';

// Istio's default when a route sets no retries (meshConfig defaultHttpRetryPolicy unset).
const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

/** A percentage as written; `fallback` when absent (Istio's default differs by field). */
function percentOf(v: Rec, fallback: number): number {
  return num(rec(v.percentage).value) ?? num(v.percent) ?? fallback;
}

// Istio's API reference, HTTPFaultInjection: without a percentage "no request will be delayed" (or aborted);
// a mirror without one mirrors all traffic.
const FAULT_DEFAULT_PERCENT = 0;
const MIRROR_DEFAULT_PERCENT = 100;

function fault(raw: unknown): SimFault | undefined {
  if (!isRec(raw)) return undefined;
  const d = isRec(raw.delay) ? raw.delay : undefined;
  const a = isRec(raw.abort) ? raw.abort : undefined;
  return {
    delay: d && { fixedDelay: str(d.fixedDelay), percent: percentOf(d, FAULT_DEFAULT_PERCENT) },
    abort: a && {
      httpStatus: num(a.httpStatus),
      grpcStatus: str(a.grpcStatus),
      percent: percentOf(a, FAULT_DEFAULT_PERCENT),
    },
  };
}

function mirrors(route: Route, ns: string): SimMirror[] {
  const out: SimMirror[] = [];
  if (route.mirror) {
    const { host, fqdn, subset } = route.mirror;
    out.push({ host, fqdn, subset, percent: route.mirrorPercent ?? MIRROR_DEFAULT_PERCENT });
  }
  for (const m of arr(route.raw.mirrors).map(rec)) {
    const d = rec(m.destination);
    const host = str(d.host) ?? '';
    out.push({
      host,
      fqdn: resolveHost(host, ns),
      subset: str(d.subset),
      percent: percentOf(m, MIRROR_DEFAULT_PERCENT),
    });
  }
  return out;
}

/** Envoy's regex_rewrite: every match of `match` replaced; RE2 `\1` groups become JS `$1`. */
function regexRewrite(path: string, spec: Rec): string | undefined {
  const pattern = str(spec.match);
  const replacement = str(spec.rewrite);
  if (pattern === undefined || replacement === undefined) return undefined;
  const anchored = compileRegex(pattern);
  if (typeof anchored === 'string') return undefined;
  const re = new RegExp(pattern, `g${anchored.flags.includes('i') ? 'i' : ''}u`);
  return path.replace(re, replacement.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1'));
}

function rewrite(raw: Rec, block: Rec | undefined, req: SimRequest): SimFeatures['rewrite'] {
  const rw = isRec(raw.rewrite) ? raw.rewrite : undefined;
  if (!rw) return undefined;
  let path: string | undefined;
  const uri = str(rw.uri);
  const prefix = str(rec(block?.uri).prefix);
  // A prefix match rewrites only the matched prefix; otherwise the whole path is replaced.
  if (uri !== undefined) path = prefix !== undefined ? uri + req.path.slice(prefix.length) : uri;
  if (isRec(rw.uriRegexRewrite)) path = regexRewrite(req.path, rw.uriRegexRewrite) ?? path;
  return { path, authority: str(rw.authority) };
}

function redirect(raw: Rec, req: SimRequest): SimFeatures['redirect'] {
  if (!isRec(raw.redirect)) return undefined;
  const r = raw.redirect;
  const port = num(r.port);
  const authority = str(r.authority) ?? (req.authority ?? req.host).replace(/:\d+$/, '');
  const location = `${str(r.scheme) ?? req.scheme}://${authority}${port !== undefined ? `:${port}` : ''}${str(r.uri) ?? req.path}`;
  return { location, status: num(r.redirectCode) ?? 301 };
}

function directResponse(raw: Rec): SimFeatures['directResponse'] {
  if (!isRec(raw.directResponse)) return undefined;
  const body = rec(raw.directResponse.body);
  const bytes = str(body.bytes);
  return {
    status: num(raw.directResponse.status) ?? 200,
    body: str(body.string) ?? (bytes !== undefined ? `(${bytes.length} base64 characters)` : undefined),
  };
}

/**
 * What an http rule does to a request besides choosing destinations: fault, mirrors, retries (Istio's default
 * when unset), timeout, rewrite (applied to the request's path), headers, CORS, redirect, direct response.
 * `block` is the match block that matched, which a prefix rewrite depends on.
 */
export function ruleFeatures(route: Route, block: Rec | undefined, req: SimRequest, ns: string): SimFeatures {
  const raw = route.raw;
  const r = isRec(raw.retries) ? raw.retries : undefined;
  return {
    fault: fault(raw.fault),
    mirrors: mirrors(route, ns),
    retries: r
      ? {
          attempts: num(r.attempts) ?? 0,
          perTryTimeout: str(r.perTryTimeout),
          retryOn: str(r.retryOn),
          isDefault: false,
        }
      : { attempts: 2, perTryTimeout: undefined, retryOn: DEFAULT_RETRY_ON, isDefault: true },
    timeout: str(raw.timeout),
    rewrite: rewrite(raw, block, req),
    headers: isRec(raw.headers) ? raw.headers : undefined,
    corsPolicy: isRec(raw.corsPolicy) ? raw.corsPolicy : undefined,
    redirect: redirect(raw, req),
    directResponse: directResponse(raw),
  };
}
