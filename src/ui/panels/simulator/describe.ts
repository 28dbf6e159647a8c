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

/** One line per traffic policy field, with where it came from: `loadBalancer: {"simple":"RANDOM"} (subset)`. */
export function policyLines(
  policy: Record<string, unknown> | undefined,
  sources: Record<string, string>,
): string[] {
  if (!policy) return [];
  return Object.entries(policy).map(([k, v]) => {
    const src = sources[k];
    return `${k}: ${compact(v)}${src ? ` (${src})` : ''}`;
  });
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
