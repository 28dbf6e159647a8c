import { FormErrors, type FormError } from './form-error';
import type { RouteForm } from './route-form';
import type { StringMatchForm } from './string-match';

function regex(e: FormErrors, path: string, m: StringMatchForm | undefined): void {
  if (m?.kind !== 'regex') return;
  // Envoy uses RE2; JavaScript's RegExp catches the common mistakes (unbalanced brackets and groups).
  try {
    new RegExp(m.value);
  } catch {
    e.add(path, `"${m.value}" is not a valid regular expression.`);
  }
}

/** Every problem in a route form, with the field it is about; empty when the form can be written. */
export function routeFormErrors(form: RouteForm): FormError[] {
  const e = new FormErrors();
  (form.match ?? []).forEach((m, i) => {
    const at = `match[${i}].`;
    for (const k of ['uri', 'scheme', 'method', 'authority'] as const) regex(e, `${at}${k}`, m[k]);
    for (const k of ['headers', 'queryParams', 'withoutHeaders'] as const)
      for (const [name, v] of Object.entries(m[k] ?? {})) {
        if (name.trim() === '') e.add(`${at}${k}`, 'A header or parameter needs a name.');
        regex(e, `${at}${k}.${name}`, v);
      }
    e.range(`${at}port`, m.port, 1, 65535);
  });
  if (form.redirect && form.rewrite)
    e.add('redirect', 'A route cannot both redirect and rewrite: remove one of them.');
  if (form.redirect && form.delegate)
    e.add('redirect', 'A route cannot both redirect and delegate: remove one of them.');
  e.range('redirect.port', form.redirect?.port, 1, 65535);
  const code = form.redirect?.redirectCode;
  if (code !== undefined && ![301, 302, 303, 307, 308].includes(code))
    e.add('redirect.redirectCode', `${code} is not a redirect status: use 301, 302, 303, 307 or 308.`);
  e.duration('timeout', form.timeout, 0);
  e.range('retries.attempts', form.retries?.attempts, 0, 2_147_483_647);
  e.duration('retries.perTryTimeout', form.retries?.perTryTimeout);
  const delay = form.fault?.delay;
  if (delay && delay.fixedDelay === undefined) e.add('fault.delay.fixedDelay', 'Say how long to delay.');
  e.duration('fault.delay.fixedDelay', delay?.fixedDelay);
  e.range('fault.delay.percentage', delay?.percentage, 0, 100, false);
  const abort = form.fault?.abort;
  if (abort && abort.httpStatus === undefined) e.add('fault.abort.httpStatus', 'Say which status to return.');
  e.range('fault.abort.httpStatus', abort?.httpStatus, 200, 599);
  e.range('fault.abort.percentage', abort?.percentage, 0, 100, false);
  if (form.mirror && !form.mirror.host) e.add('mirror.host', 'Name the host to mirror to.');
  if (form.mirrorPercentage !== undefined && !form.mirror)
    e.add('mirrorPercentage', 'A mirror percentage needs a mirror.');
  e.range('mirrorPercentage', form.mirrorPercentage, 0, 100, false);
  (form.corsPolicy?.allowOrigins ?? []).forEach((o, i) => regex(e, `corsPolicy.allowOrigins[${i}]`, o));
  e.duration('corsPolicy.maxAge', form.corsPolicy?.maxAge, 0);
  if (form.delegate && !form.delegate.name) e.add('delegate.name', 'Name the VirtualService to delegate to.');
  return e.list;
}
