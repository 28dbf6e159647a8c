import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { exampleBySlug } from '../../examples/index';
import { readRouteForm, type RouteForm } from './route-form';
import { routeFormErrors } from './route-form-errors';

const paths = (form: RouteForm) => routeFormErrors(form).map((e) => e.path);

describe('routeFormErrors', () => {
  it('accepts every route of the built-in examples', () => {
    for (const slug of ['ab-header', 'mirroring', 'fault-injection', 'gateway-ingress']) {
      const routes = derive(exampleBySlug(slug)?.text ?? '').model.virtualServices.flatMap((v) => v.routes);
      expect(routes.length).toBeGreaterThan(0);
      for (const r of routes) expect(routeFormErrors(readRouteForm(r.raw))).toEqual([]);
    }
  });

  it('checks durations of timeout, retries, fault delay and CORS max age', () => {
    const errors = routeFormErrors({
      timeout: '10',
      retries: { perTryTimeout: '2 s' },
      fault: { delay: { fixedDelay: '7sec', percentage: 50 } },
      corsPolicy: { maxAge: '1d' },
    });
    expect(errors.map((e) => e.path)).toEqual([
      'timeout',
      'retries.perTryTimeout',
      'fault.delay.fixedDelay',
      'corsPolicy.maxAge',
    ]);
    expect(errors[0]?.message).toMatch(/like 1s, 500ms or 1m30s/);
    expect(paths({ timeout: '0s', retries: { perTryTimeout: '250ms' } })).toEqual([]);
  });

  it('checks fault percentages and status', () => {
    expect(
      paths({
        fault: { delay: { fixedDelay: '1s', percentage: 100.5 }, abort: { httpStatus: 99, percentage: 0.1 } },
      }),
    ).toEqual(['fault.delay.percentage', 'fault.abort.httpStatus']);
    expect(paths({ fault: { delay: {}, abort: {} } })).toEqual([
      'fault.delay.fixedDelay',
      'fault.abort.httpStatus',
    ]);
  });

  it('checks match regexes and ports', () => {
    expect(
      paths({
        match: [
          { uri: { kind: 'regex', value: '/api/(v1' }, port: 0 },
          { headers: { 'x-a': { kind: 'regex', value: '[a-z' }, 'x-b': { kind: 'regex', value: '^ok$' } } },
        ],
      }),
    ).toEqual(['match[0].uri', 'match[0].port', 'match[1].headers.x-a']);
  });

  it('rejects redirect with rewrite or delegate, and a bad redirect code', () => {
    expect(paths({ redirect: { uri: '/x', redirectCode: 200 }, rewrite: { uri: '/y' } })).toEqual([
      'redirect',
      'redirect.redirectCode',
    ]);
    expect(paths({ redirect: { uri: '/x' }, delegate: { name: 'd' } })).toEqual(['redirect']);
  });

  it('asks mirror for a host, mirror percentage for a mirror, and delegate for a name', () => {
    expect(paths({ mirror: { subset: 'v2' }, mirrorPercentage: 120 })).toEqual([
      'mirror.host',
      'mirrorPercentage',
    ]);
    expect(paths({ mirrorPercentage: 10 })).toEqual(['mirrorPercentage']);
    expect(paths({ delegate: { namespace: 'x' } })).toEqual(['delegate.name']);
  });
});
