import type { SimFeatures, SimOutcome } from '../../../core/simulate/types';

/** Short labels for the outcome badge. */
export const OUTCOME_LABELS: Record<SimOutcome, string> = {
  routed: 'Routed',
  redirect: 'Redirect',
  'direct-response': 'Direct response',
  'default-route': 'Default route',
  'no-match': 'No match (404)',
  'unknown-host': 'Unknown host',
};

function compact(value: unknown, max = 70): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** Where a policy field came from, in words: `subset` → "from the subset". */
const FROM: Record<string, string> = {
  host: 'the rule',
  'host-port': 'the rule’s port settings',
  subset: 'the subset',
  'subset-port': 'the subset’s port settings',
};

/** The request this destination is part of, for saying what a policy means for it. */
export interface PolicyContext {
  /** Share of the rule's traffic that goes here, 0..1. */
  probability?: number;
  subset?: string;
}

const SIMPLE_LB: Record<string, string> = {
  ROUND_ROBIN: 'round robin: pods take turns',
  LEAST_REQUEST: 'least request: the pod with fewer requests in flight, of two picked at random',
  LEAST_CONN: 'least request: the pod with fewer requests in flight, of two picked at random',
  RANDOM: 'random: any pod',
  PASSTHROUGH: 'passthrough: to the address the caller asked for, without load balancing',
  UNSPECIFIED: 'Istio’s default (least request)',
};

function hashKey(h: Rec): string {
  if (isRec(h.httpCookie)) {
    const c = h.httpCookie;
    const ttl = str(c.ttl);
    const made =
      ttl === undefined
        ? ''
        : /^0+(\.0+)?s?$/.test(ttl)
          ? '; Envoy sets it as a session cookie when the request has none'
          : `; Envoy sets it (lifetime ${ttl}) when the request has none`;
    return `the cookie “${str(c.name) ?? '?'}”${made}`;
  }
  if (str(h.httpHeaderName)) return `the header “${str(h.httpHeaderName)}”`;
  if (str(h.httpQueryParameterName)) return `the query parameter “${str(h.httpQueryParameterName)}”`;
  if (h.useSourceIp === true) return 'the caller’s IP address';
  return 'a key that is not set';
}

function loadBalancerLines(lb: Rec, ctx: PolicyContext): string[] {
  const out: string[] = [];
  const simple = str(lb.simple);
  if (simple) out.push(`Load balancing: ${SIMPLE_LB[simple] ?? simple.toLowerCase()}.`);
  if (isRec(lb.consistentHash)) {
    const where = ctx.subset ? `subset ${ctx.subset}` : 'this destination';
    const share =
      ctx.probability !== undefined && ctx.probability < 1
        ? ` This request still reaches ${where} with ${Math.round(ctx.probability * 1000) / 10}% probability by the route’s weights: the hash does not change the weighted split,`
        : ' The hash does not choose the destination (the route does);';
    out.push(
      `Sticky sessions: consistent hash on ${hashKey(lb.consistentHash)}.${share} it pins the request to one pod within ${where}, the same pod for the same value while the pods stay the same.`,
    );
  }
  if (isRec(lb.localityLbSetting))
    out.push('Locality load balancing: pods in the caller’s zone and region first.');
  return out;
}

function poolLine(pool: Rec): string {
  const tcp = isRec(pool.tcp) ? pool.tcp : {};
  const http = isRec(pool.http) ? pool.http : {};
  const parts = [
    str(tcp.maxConnections) && `at most ${str(tcp.maxConnections)} connections`,
    str(http.http1MaxPendingRequests) && `${str(http.http1MaxPendingRequests)} waiting requests`,
    str(http.http2MaxRequests) && `${str(http.http2MaxRequests)} requests at once`,
    str(http.maxRequestsPerConnection) && `${str(http.maxRequestsPerConnection)} requests per connection`,
    str(tcp.connectTimeout) && `connect timeout ${str(tcp.connectTimeout)}`,
  ].filter(Boolean);
  return `Connection pool: ${parts.length ? parts.join(', ') : 'limits set'}; beyond them a request fails at once with 503 instead of queueing.`;
}

function outlierLine(od: Rec): string {
  const errors =
    str(od.consecutive5xxErrors) ?? str(od.consecutiveErrors) ?? str(od.consecutiveGatewayErrors);
  const parts = [
    errors ? `a pod that answers ${errors} errors (5xx) in a row` : 'a failing pod',
    str(od.interval) ? `checked every ${str(od.interval)}` : '',
  ].filter(Boolean);
  const eject = str(od.baseEjectionTime) ? ` for ${str(od.baseEjectionTime)} (longer each time)` : '';
  const max = str(od.maxEjectionPercent)
    ? `, at most ${str(od.maxEjectionPercent)}% of the pods at once`
    : '';
  return `Outlier detection: ${parts.join(', ')} is taken out of the pool${eject}${max}.`;
}

const TLS: Record<string, string> = {
  ISTIO_MUTUAL: 'mutual TLS with Istio’s certificates (mTLS)',
  MUTUAL: 'mutual TLS with the given client certificate',
  SIMPLE: 'TLS to the server (the client is not authenticated)',
  DISABLE: 'plain text, no TLS',
};

/**
 * The traffic policy that applies to a destination, in words, each line ending with where it came from;
 * `ctx` says what it means for this request (a consistent hash keeps the weighted split and pins the pod).
 */
export function policyLines(
  policy: Record<string, unknown> | undefined,
  sources: Record<string, string>,
  ctx: PolicyContext = {},
): string[] {
  if (!policy) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(policy)) {
    const lines =
      k === 'loadBalancer' && isRec(v)
        ? loadBalancerLines(v, ctx)
        : k === 'connectionPool' && isRec(v)
          ? [poolLine(v)]
          : k === 'outlierDetection' && isRec(v)
            ? [outlierLine(v)]
            : k === 'tls' && isRec(v)
              ? [`TLS: ${TLS[str(v.mode) ?? ''] ?? str(v.mode) ?? 'set'}.`]
              : k === 'portLevelSettings' && Array.isArray(v)
                ? [`Port settings for ${v.length} port${v.length === 1 ? '' : 's'} (they win on their port).`]
                : [`${k}: ${compact(v)}`];
    const src = sources[k];
    for (const l of lines) out.push(src ? `${l} (from ${FROM[src] ?? src})` : l);
  }
  return out;
}

/** What applies on the matched rule, one line each, in the order Envoy applies it. */
export function featureLines(f: SimFeatures | undefined): string[] {
  if (!f) return [];
  const out: string[] = [];
  if (f.redirect) out.push(`redirect ${f.redirect.status} to ${f.redirect.location}`);
  if (f.directResponse) {
    const body = f.directResponse.body;
    out.push(`direct response ${f.directResponse.status}${body ? `: ${compact(body, 50)}` : ''}`);
  }
  if (f.rewrite) {
    const parts = [
      f.rewrite.path !== undefined ? `path ${f.rewrite.path}` : '',
      f.rewrite.authority !== undefined ? `authority ${f.rewrite.authority}` : '',
    ].filter(Boolean);
    out.push(`rewrite ${parts.join(', ')}`);
  }
  const delay = f.fault?.delay;
  if (delay) out.push(`fault: delay ${delay.fixedDelay ?? '?'} for ${delay.percent}% of requests`);
  const abort = f.fault?.abort;
  if (abort) {
    const code = abort.httpStatus ?? abort.grpcStatus ?? '?';
    out.push(`fault: abort ${code} for ${abort.percent}% of requests`);
  }
  for (const m of f.mirrors) {
    out.push(`mirror ${m.percent}% to ${m.host}${m.subset ? ` subset ${m.subset}` : ''}`);
  }
  if (f.timeout !== undefined) out.push(`timeout ${f.timeout}`);
  const r = f.retries;
  if (r) {
    const extra = [r.perTryTimeout ? `per try ${r.perTryTimeout}` : '', r.retryOn ? `on ${r.retryOn}` : '']
      .filter(Boolean)
      .join(', ');
    out.push(`retries ${r.attempts}${extra ? ` (${extra})` : ''}${r.isDefault ? ' — Istio default' : ''}`);
  }
  if (f.headers) out.push(`headers: ${compact(f.headers)}`);
  if (f.corsPolicy) out.push(`CORS: ${compact(f.corsPolicy)}`);
  return out;
}
