import { arr, isRec, num, rec, str, type Rec } from '../model/read';
import type { PolicyBadge } from './types';

function loadBalancerBadges(lb: Rec): PolicyBadge[] {
  const simple = str(lb.simple);
  const hash = rec(lb.consistentHash);
  const out: PolicyBadge[] = [];
  if (simple)
    out.push({
      policy: 'lb',
      label: simple.replace('_', ' ').toLowerCase(),
      detail: `Load balancer: ${simple}`,
    });
  if (isRec(lb.consistentHash)) {
    const cookie = rec(hash.httpCookie);
    // The badge names the key; the cookie's ttl goes to the tooltip (the badge has to fit a subset's width).
    const by = isRec(hash.httpCookie)
      ? `cookie ${str(cookie.name) ?? '?'}`
      : str(hash.httpHeaderName)
        ? `header ${str(hash.httpHeaderName)}`
        : str(hash.httpQueryParameterName)
          ? `query ${str(hash.httpQueryParameterName)}`
          : hash.useSourceIp === true
            ? 'source IP'
            : 'hash';
    const ttl = isRec(hash.httpCookie) && str(cookie.ttl) ? ` (ttl ${str(cookie.ttl)})` : '';
    out.push({ policy: 'hash', label: `hash: ${by}`, detail: `Consistent hash by ${by}${ttl}` });
  }
  if (isRec(lb.localityLbSetting))
    out.push({ policy: 'lb', label: 'locality', detail: 'Locality load balancing' });
  return out;
}

/** Compact badges for a DestinationRule traffic policy (host, subset or port level). */
export function trafficPolicyBadges(policy: Rec | undefined): PolicyBadge[] {
  if (!policy) return [];
  const out: PolicyBadge[] = [];
  if (isRec(policy.loadBalancer)) out.push(...loadBalancerBadges(policy.loadBalancer));
  if (isRec(policy.connectionPool)) {
    const tcp = rec(policy.connectionPool.tcp);
    const http = rec(policy.connectionPool.http);
    const parts = [
      num(tcp.maxConnections) !== undefined ? `maxConnections ${num(tcp.maxConnections)}` : '',
      num(http.http1MaxPendingRequests) !== undefined ? `pending ${num(http.http1MaxPendingRequests)}` : '',
      num(http.http2MaxRequests) !== undefined ? `maxRequests ${num(http.http2MaxRequests)}` : '',
      num(http.maxRequestsPerConnection) !== undefined
        ? `perConnection ${num(http.maxRequestsPerConnection)}`
        : '',
    ].filter(Boolean);
    out.push({
      policy: 'pool',
      label: 'pool',
      detail: `Connection pool${parts.length ? `: ${parts.join(', ')}` : ''}`,
    });
  }
  if (isRec(policy.outlierDetection)) {
    const od = policy.outlierDetection;
    const errors =
      num(od.consecutive5xxErrors) ?? num(od.consecutiveErrors) ?? num(od.consecutiveGatewayErrors);
    const parts = [
      errors !== undefined ? `${errors} errors` : '',
      str(od.interval) ? `every ${str(od.interval)}` : '',
      str(od.baseEjectionTime) ? `eject ${str(od.baseEjectionTime)}` : '',
      num(od.maxEjectionPercent) !== undefined ? `max ${num(od.maxEjectionPercent)}%` : '',
    ].filter(Boolean);
    out.push({
      policy: 'outlier',
      label: 'outlier',
      detail: `Outlier detection${parts.length ? `: ${parts.join(', ')}` : ''}`,
    });
  }
  if (isRec(policy.tls)) {
    const mode = str(policy.tls.mode) ?? 'tls';
    out.push({
      policy: 'tls',
      label: mode === 'ISTIO_MUTUAL' ? 'mTLS' : mode.toLowerCase(),
      detail: `TLS mode ${mode}`,
    });
  }
  if (arr(policy.portLevelSettings).length > 0) {
    const n = arr(policy.portLevelSettings).length;
    out.push({
      policy: 'lb',
      label: `${n} port${n > 1 ? 's' : ''}`,
      detail: `${n} port-level setting${n > 1 ? 's' : ''}`,
    });
  }
  return out;
}

/** Badges for a VirtualService route's features. */
export function routeFeatureBadges(route: Rec): PolicyBadge[] {
  const out: PolicyBadge[] = [];
  if (isRec(route.fault)) {
    const f = route.fault;
    const parts = [
      isRec(f.delay) ? `delay ${str(f.delay.fixedDelay) ?? ''}` : '',
      isRec(f.abort) ? `abort ${num(f.abort.httpStatus) ?? str(f.abort.grpcStatus) ?? ''}` : '',
    ].filter(Boolean);
    out.push({ policy: 'fault', label: 'fault', detail: `Fault injection: ${parts.join(', ')}` });
  }
  if (isRec(route.mirror)) {
    const pct = num(rec(route.mirrorPercentage).value) ?? num(route.mirrorPercent);
    out.push({
      policy: 'mirror',
      label: `mirror${pct !== undefined ? ` ${pct}%` : ''}`,
      detail: `Mirror to ${str(route.mirror.host) ?? '?'}${str(route.mirror.subset) ? ` (${str(route.mirror.subset)})` : ''}`,
    });
  }
  if (str(route.timeout))
    out.push({
      policy: 'timeout',
      label: `timeout ${str(route.timeout)}`,
      detail: `Timeout ${str(route.timeout)}`,
    });
  if (isRec(route.retries)) {
    const r = route.retries;
    out.push({
      policy: 'retries',
      label: `retries ${num(r.attempts) ?? ''}`.trim(),
      detail: `Retries: ${num(r.attempts) ?? '?'} attempts${str(r.perTryTimeout) ? `, ${str(r.perTryTimeout)} per try` : ''}${str(r.retryOn) ? `, on ${str(r.retryOn)}` : ''}`,
    });
  }
  if (isRec(route.rewrite))
    out.push({ policy: 'rewrite', label: 'rewrite', detail: `Rewrite ${JSON.stringify(route.rewrite)}` });
  if (isRec(route.redirect))
    out.push({ policy: 'redirect', label: 'redirect', detail: `Redirect ${JSON.stringify(route.redirect)}` });
  if (isRec(route.directResponse)) {
    out.push({
      policy: 'redirect',
      label: `respond ${num(route.directResponse.status) ?? ''}`,
      detail: 'Direct response',
    });
  }
  if (isRec(route.corsPolicy)) out.push({ policy: 'cors', label: 'cors', detail: 'CORS policy' });
  if (isRec(route.headers)) out.push({ policy: 'headers', label: 'headers', detail: 'Header manipulation' });
  if (isRec(route.delegate)) {
    out.push({
      policy: 'delegate',
      label: 'delegate',
      detail: `Delegates to ${str(route.delegate.namespace) ?? ''}/${str(route.delegate.name) ?? ''}`,
    });
  }
  return out;
}
