import { FormErrors, type FormError } from './form-error';
import type { PolicyFields, TrafficPolicyForm } from './traffic-policy';

const INT32 = 2_147_483_647;

function checkFields(e: FormErrors, f: PolicyFields, at: string): void {
  const lb = f.loadBalancer;
  if (lb?.simple !== undefined && lb.consistentHash !== undefined)
    e.add(`${at}loadBalancer`, 'Choose either a simple load balancer or a consistent hash, not both.');
  const hash = lb?.consistentHash;
  if (hash) {
    const keys = [
      hash.httpCookie !== undefined,
      hash.httpHeaderName !== undefined,
      hash.httpQueryParameterName !== undefined,
      hash.useSourceIp === true,
    ].filter(Boolean).length;
    if (keys !== 1)
      e.add(
        `${at}loadBalancer.consistentHash`,
        'A consistent hash needs exactly one key: an HTTP cookie, a header, a query parameter or the source IP.',
      );
    if (hash.httpCookie && !hash.httpCookie.name)
      e.add(`${at}loadBalancer.consistentHash.httpCookie.name`, 'Name the cookie to hash on.');
    e.duration(`${at}loadBalancer.consistentHash.httpCookie.ttl`, hash.httpCookie?.ttl, 0);
  }
  const pool = f.connectionPool;
  e.range(`${at}connectionPool.tcp.maxConnections`, pool?.tcp?.maxConnections, 1, INT32);
  e.duration(`${at}connectionPool.tcp.connectTimeout`, pool?.tcp?.connectTimeout);
  for (const k of ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection'] as const)
    e.range(`${at}connectionPool.http.${k}`, pool?.http?.[k], 1, INT32);
  e.range(`${at}connectionPool.http.maxRetries`, pool?.http?.maxRetries, 0, INT32);
  const od = f.outlierDetection;
  e.range(`${at}outlierDetection.consecutive5xxErrors`, od?.consecutive5xxErrors, 0, INT32);
  e.duration(`${at}outlierDetection.interval`, od?.interval);
  e.duration(`${at}outlierDetection.baseEjectionTime`, od?.baseEjectionTime);
  e.range(`${at}outlierDetection.maxEjectionPercent`, od?.maxEjectionPercent, 0, 100);
  const tls = f.tls;
  if (tls?.mode === 'MUTUAL' && !tls.credentialName && !(tls.clientCertificate && tls.privateKey))
    e.add(
      `${at}tls`,
      'MUTUAL TLS needs a client certificate and private key, or a credentialName holding them.',
    );
  if ((tls?.mode === 'DISABLE' || tls?.mode === 'ISTIO_MUTUAL') && tls.credentialName)
    e.add(`${at}tls.credentialName`, `credentialName has no effect with mode ${tls.mode}; remove it.`);
}

/** Every problem in a traffic policy form, with the field it is about; empty when the form can be written. */
export function trafficPolicyErrors(form: TrafficPolicyForm): FormError[] {
  const e = new FormErrors();
  checkFields(e, form, '');
  const ports = new Set<number>();
  (form.portLevelSettings ?? []).forEach((p, i) => {
    const at = `portLevelSettings[${i}].`;
    if (p.port === undefined) e.add(`${at}port`, 'Name the port this setting applies to.');
    else if (ports.has(p.port)) e.add(`${at}port`, `Port ${p.port} already has its own settings.`);
    else ports.add(p.port);
    e.range(`${at}port`, p.port, 1, 65535);
    checkFields(e, p, at);
  });
  return e.list;
}
