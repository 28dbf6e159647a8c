import type { HeaderOpsForm, RouteForm } from '../../../../core/policy/route-form';

export type Feature =
  'timeout' | 'retries' | 'fault' | 'mirror' | 'rewrite' | 'redirect' | 'cors' | 'headers' | 'delegate';

const pct = (p: number | undefined): string => (p === undefined ? '' : ` ${p}%`);

function ops(o: HeaderOpsForm | undefined): number {
  return Object.keys(o?.set ?? {}).length + Object.keys(o?.add ?? {}).length + (o?.remove?.length ?? 0);
}

/** One short line per route feature, for the summary of its collapsed form; `off` when not set. */
export function featureSummaries(f: RouteForm): Record<Feature, string> {
  const r = f.retries;
  const delay = f.fault?.delay;
  const abort = f.fault?.abort;
  const fault = [
    delay ? `delay ${delay.fixedDelay ?? '?'}${pct(delay.percentage)}` : '',
    abort ? `abort ${abort.httpStatus ?? '?'}${pct(abort.percentage)}` : '',
  ].filter(Boolean);
  const m = f.mirror;
  const rw = f.rewrite;
  const rd = f.redirect;
  const cors = f.corsPolicy;
  const h = f.headers;
  const headerCount = ops(h?.request) + ops(h?.response);
  return {
    timeout: f.timeout ?? 'off',
    retries: r
      ? `${r.attempts ?? '?'} attempts${r.perTryTimeout ? `, ${r.perTryTimeout} each` : ''}${r.retryOn ? ` on ${r.retryOn}` : ''}`
      : 'off',
    fault: fault.length > 0 ? fault.join(', ') : 'off',
    mirror: m ? `${m.host ?? '?'}${m.subset ? ` (${m.subset})` : ''}${pct(f.mirrorPercentage)}` : 'off',
    rewrite: rw
      ? [rw.uri && `uri ${rw.uri}`, rw.authority && `authority ${rw.authority}`].filter(Boolean).join(', ') ||
        'on'
      : 'off',
    redirect: rd
      ? [rd.redirectCode, rd.scheme && `${rd.scheme}://`, rd.authority, rd.uri].filter(Boolean).join(' ') ||
        'on'
      : 'off',
    cors: cors
      ? `${cors.allowOrigins?.length ?? 0} origin${cors.allowOrigins?.length === 1 ? '' : 's'}${cors.allowMethods ? `, ${cors.allowMethods.join(' ')}` : ''}`
      : 'off',
    headers: h ? `${headerCount} change${headerCount === 1 ? '' : 's'}` : 'off',
    delegate: f.delegate
      ? `${f.delegate.namespace ? `${f.delegate.namespace}/` : ''}${f.delegate.name ?? '?'}`
      : 'off',
  };
}
