import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { derive } from '../derive';
import { toYaml } from '../edit/serialise';
import type { Rec } from '../model/read';
import { corpusRoutes } from './corpus-fixtures';
import { readRouteForm, writeRouteForm, type RouteForm } from './route-form';

const destination = { destination: { host: 'reviews', subset: 'v1' } };

/**
 * Puts the written route into a VirtualService, then reads it back through YAML text and the model. The text is
 * written as edit ops write it (YAML 1.1 quoting: `"on"` stays a string for kubectl and for the model).
 */
function throughModel(route: Rec): RouteForm {
  const text = toYaml(
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [route] },
    },
    0,
    false,
  );
  const d = derive(text);
  expect(d.parseErrors).toEqual([]);
  return readRouteForm(d.model.virtualServices[0]?.routes[0]?.raw);
}

// One case per feature: the form value and the YAML object it must write (besides `route`).
const cases: [string, RouteForm, Rec][] = [
  [
    'uri, scheme, method, authority matches',
    {
      match: [
        {
          uri: { kind: 'prefix', value: '/api' },
          scheme: { kind: 'exact', value: 'https' },
          method: { kind: 'regex', value: 'GET|HEAD' },
          authority: { kind: 'exact', value: 'shop.example.com' },
          ignoreUriCase: true,
        },
        { name: 'legacy', uri: { kind: 'exact', value: '/login' } },
      ],
    },
    {
      match: [
        {
          uri: { prefix: '/api' },
          scheme: { exact: 'https' },
          method: { regex: 'GET|HEAD' },
          authority: { exact: 'shop.example.com' },
          ignoreUriCase: true,
        },
        { name: 'legacy', uri: { exact: '/login' } },
      ],
    },
  ],
  [
    'headers, query params, without headers',
    {
      match: [
        {
          headers: { 'end-user': { kind: 'exact', value: 'jason' }, 'x-canary': { kind: 'any', value: '' } },
          queryParams: { debug: { kind: 'regex', value: '^(1|true)$' } },
          withoutHeaders: { 'x-bot': { kind: 'prefix', value: 'crawler' } },
        },
      ],
    },
    {
      match: [
        {
          headers: { 'end-user': { exact: 'jason' }, 'x-canary': {} },
          queryParams: { debug: { regex: '^(1|true)$' } },
          withoutHeaders: { 'x-bot': { prefix: 'crawler' } },
        },
      ],
    },
  ],
  [
    'source labels, port, gateways',
    {
      match: [
        {
          sourceLabels: { app: 'productpage', version: 'v1' },
          port: 9080,
          gateways: ['mesh', 'istio-system/ingress'],
        },
      ],
    },
    {
      match: [
        {
          sourceLabels: { app: 'productpage', version: 'v1' },
          port: 9080,
          gateways: ['mesh', 'istio-system/ingress'],
        },
      ],
    },
  ],
  [
    'rewrite',
    { rewrite: { uri: '/v1/api', authority: 'api.internal' } },
    { rewrite: { uri: '/v1/api', authority: 'api.internal' } },
  ],
  [
    'redirect',
    {
      redirect: { uri: '/new', authority: 'new.example.com', port: 8443, scheme: 'https', redirectCode: 308 },
    },
    {
      redirect: { uri: '/new', authority: 'new.example.com', port: 8443, scheme: 'https', redirectCode: 308 },
    },
  ],
  ['timeout', { timeout: '1m30s' }, { timeout: '1m30s' }],
  [
    'retries',
    {
      retries: {
        attempts: 3,
        perTryTimeout: '2s',
        retryOn: 'gateway-error,connect-failure',
        retryRemoteLocalities: true,
      },
    },
    {
      retries: {
        attempts: 3,
        perTryTimeout: '2s',
        retryOn: 'gateway-error,connect-failure',
        retryRemoteLocalities: true,
      },
    },
  ],
  [
    'fault delay and abort',
    { fault: { delay: { fixedDelay: '7s', percentage: 100 }, abort: { httpStatus: 500, percentage: 12.5 } } },
    {
      fault: {
        delay: { fixedDelay: '7s', percentage: { value: 100 } },
        abort: { httpStatus: 500, percentage: { value: 12.5 } },
      },
    },
  ],
  [
    'mirror and mirror percentage',
    { mirror: { host: 'reviews', subset: 'v2', port: 9080 }, mirrorPercentage: 25 },
    { mirror: { host: 'reviews', subset: 'v2', port: { number: 9080 } }, mirrorPercentage: { value: 25 } },
  ],
  [
    'CORS policy',
    {
      corsPolicy: {
        allowOrigins: [
          { kind: 'exact', value: 'https://example.com' },
          { kind: 'regex', value: '.*\\.example\\.org' },
        ],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['x-user'],
        exposeHeaders: ['x-trace'],
        maxAge: '24h',
        allowCredentials: false,
      },
    },
    {
      corsPolicy: {
        allowOrigins: [{ exact: 'https://example.com' }, { regex: '.*\\.example\\.org' }],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['x-user'],
        exposeHeaders: ['x-trace'],
        maxAge: '24h',
        allowCredentials: false,
      },
    },
  ],
  [
    'header manipulation',
    {
      headers: {
        request: { set: { 'x-env': 'canary' }, add: { 'x-trace': 'on' }, remove: ['cookie'] },
        response: { remove: ['server'] },
      },
    },
    {
      headers: {
        request: { set: { 'x-env': 'canary' }, add: { 'x-trace': 'on' }, remove: ['cookie'] },
        response: { remove: ['server'] },
      },
    },
  ],
  [
    'delegate',
    { name: 'to-reviews', delegate: { name: 'reviews-routes', namespace: 'team-a' } },
    { name: 'to-reviews', delegate: { name: 'reviews-routes', namespace: 'team-a' } },
  ],
];

describe('route form', () => {
  it.each(cases)('%s: form → object → YAML → model → form', (_name, form, yaml) => {
    const written = writeRouteForm(form, { route: [destination] });
    expect(written).toEqual({ route: [destination], ...yaml });
    expect(throughModel(written)).toEqual(form);
  });

  it('keeps destinations, unknown fields and untouched values when a feature changes', () => {
    const previous = parse(`
match:
- uri:
    prefix: /api
  sourceNamespace: frontend
  headers:
    bad: jason
route:
- destination: { host: reviews, subset: v1 }
  weight: 100
fault:
  delay:
    percentage: { value: 100.0 }
    fixedDelay: 7s
retries:
  attempts: 3
  retryIgnorePreviousHosts: true
`) as unknown;
    const form = readRouteForm(previous);
    expect(form.match?.[0]?.headers).toEqual({});
    const out = writeRouteForm(
      { ...form, retries: { ...form.retries, attempts: 5 }, timeout: '10s' },
      previous,
    );
    expect(out).toEqual({
      // A header value written as a bare string is not a StringMatch: kept for validation to report.
      match: [{ uri: { prefix: '/api' }, sourceNamespace: 'frontend', headers: { bad: 'jason' } }],
      route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 100 }],
      fault: { delay: { percentage: { value: 100 }, fixedDelay: '7s' } },
      retries: { attempts: 5, retryIgnorePreviousHosts: true },
      timeout: '10s',
    });
  });

  it('drops only what the form clears', () => {
    const previous = {
      match: [{ headers: { 'end-user': { exact: 'jason' }, 'x-a': { prefix: 'b' } } }],
      route: [destination],
      mirror: { host: 'reviews', subset: 'v2' },
      mirrorPercentage: { value: 10 },
      fault: { abort: { httpStatus: 503, percentage: { value: 1 } }, delay: { fixedDelay: '1s' } },
    };
    const form = readRouteForm(previous);
    const out = writeRouteForm(
      {
        ...form,
        match: [{ headers: { 'end-user': { kind: 'prefix', value: 'ja' } } }],
        mirror: undefined,
        mirrorPercentage: undefined,
        fault: { abort: form.fault?.abort },
      },
      previous,
    );
    expect(out).toEqual({
      match: [{ headers: { 'end-user': { prefix: 'ja' } } }],
      route: [destination],
      fault: { abort: { httpStatus: 503, percentage: { value: 1 } } },
    });
  });

  it('reads a malformed route as an empty form and writes it back untouched', () => {
    const previous = { match: 'everything', timeout: 5, route: [destination] };
    const form = readRouteForm(previous);
    expect(form.match).toBeUndefined();
    expect(form.timeout).toBe('5');
    expect(writeRouteForm(form, previous)).toEqual(previous);
  });

  const corpus = corpusRoutes();
  it('finds real routes in the corpus', () => {
    expect(corpus.length).toBeGreaterThan(50);
  });

  it.each(corpus.map((c) => [c.where, c.value] as const))(
    'rewrites %s unchanged from its own form, and its form survives YAML',
    (_where, value) => {
      const form = readRouteForm(value);
      expect(writeRouteForm(form, value)).toEqual(value);
      expect(readRouteForm(parse(stringify(writeRouteForm(form, undefined))))).toEqual(form);
    },
  );
});
