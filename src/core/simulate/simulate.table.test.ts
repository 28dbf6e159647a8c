import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { createRequest, parseHeaders } from './request';
import { simulate } from './simulate';
import type { SimOutcome, SimRequest } from './types';
import { ruleId } from './walk';

const CORPUS = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const real = [
  'platform/kube/bookinfo.yaml',
  'networking/destination-rule-all.yaml',
  'networking/bookinfo-gateway.yaml',
]
  .map((f) => readFileSync(resolve(CORPUS, f), 'utf8'))
  .join('\n---\n');

// One rule per match type on the bookinfo services, so each case can name the rule it expects.
const rules = `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{uri: {exact: /exact}}]
    route: [{destination: {host: reviews, subset: v1}}]
  - match: [{uri: {regex: '/items/[0-9]+'}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - match: [{uri: {prefix: /CaSe}, ignoreUriCase: true}]
    route: [{destination: {host: reviews, subset: v3}}]
  - match: [{method: {exact: POST}, scheme: {exact: https}}]
    route: [{destination: {host: reviews, subset: v1}}]
  - match: [{authority: {prefix: reviews.default.svc}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - match: [{headers: {x-debug: {}}}]
    route: [{destination: {host: reviews, subset: v3}}]
  - match: [{headers: {x-group: {regex: 'beta|canary'}}, withoutHeaders: {x-opt-out: {}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - match: [{queryParams: {version: {exact: v3}}}, {queryParams: {preview: {regex: '(?i)yes'}}}]
    route: [{destination: {host: reviews, subset: v3}}]
  - match: [{port: 9443}]
    route: [{destination: {host: reviews, subset: v1}}]
  - match: [{sourceLabels: {app: productpage}, sourceNamespace: default, headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - match: [{headers: {cookie: {prefix: 'session='}}}]
    route:
    - {destination: {host: reviews, subset: v1}, weight: 1}
    - {destination: {host: reviews, subset: v2}, weight: 3}
  - match: [{uri: {prefix: /even}}]
    route:
    - destination: {host: reviews, subset: v1}
    - destination: {host: reviews, subset: v2}
    - destination: {host: reviews, subset: v3}
  - route: [{destination: {host: reviews, subset: v1}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings}
spec:
  hosts: [ratings, ratings.example.com]
  gateways: [mesh, bookinfo-gateway]
  http:
  - match: [{gateways: [bookinfo-gateway]}]
    route: [{destination: {host: ratings, subset: v1}}]
  - route: [{destination: {host: ratings, subset: v2}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: wild}
spec:
  hosts: ['*.example.com']
  http:
  - directResponse: {status: 418}
`;
const { model, index } = derive(`${real}\n---\n${rules}`);

interface Case {
  name: string;
  req: Partial<SimRequest>;
  rule: string | undefined;
  outcome?: SimOutcome;
  split?: [string | undefined, number][];
  matchIndex?: number;
}
const R = (i: number) => `default/reviews#http[${i}]`;
const FALLBACK = R(12);
const cases: Case[] = [
  { name: 'uri exact', req: { path: '/exact' }, rule: R(0), split: [['v1', 1]] },
  { name: 'uri exact is not a prefix', req: { path: '/exact/' }, rule: FALLBACK },
  { name: 'uri exact ignores the query string', req: { path: '/exact?a=1' }, rule: R(0) },
  { name: 'uri regex', req: { path: '/items/42' }, rule: R(1), split: [['v2', 1]] },
  { name: 'uri regex needs digits', req: { path: '/items/abc' }, rule: FALLBACK },
  { name: 'uri regex is a full match', req: { path: '/items/42/x' }, rule: FALLBACK },
  { name: 'ignoreUriCase lower', req: { path: '/case/x' }, rule: R(2) },
  { name: 'ignoreUriCase upper', req: { path: '/CASE' }, rule: R(2) },
  { name: 'method and scheme', req: { method: 'POST', scheme: 'https' }, rule: R(3) },
  { name: 'method lower-cased by the panel', req: { method: 'post', scheme: 'https' }, rule: R(3) },
  { name: 'scheme must match too', req: { method: 'POST', scheme: 'http' }, rule: FALLBACK },
  { name: 'method must match too', req: { method: 'GET', scheme: 'https' }, rule: FALLBACK },
  { name: 'authority prefix', req: { authority: 'reviews.default.svc.cluster.local:9080' }, rule: R(4) },
  // Envoy picks the virtual host by the authority: a name no virtual host lists falls to allow_any.
  {
    name: 'authority no virtual host knows',
    req: { authority: 'reviews.internal:9080' },
    rule: undefined,
    outcome: 'unknown-host',
  },
  { name: 'header presence, empty value', req: { headers: { 'x-debug': '' } }, rule: R(5) },
  {
    name: 'header presence, parsed name case',
    req: { headers: parseHeaders('X-Debug: 1').headers },
    rule: R(5),
  },
  { name: 'header regex', req: { headers: { 'x-group': 'canary' } }, rule: R(6) },
  {
    name: 'withoutHeaders excludes',
    req: { headers: { 'x-group': 'canary', 'x-opt-out': '1' } },
    rule: FALLBACK,
  },
  { name: 'header regex mismatch', req: { headers: { 'x-group': 'gamma' } }, rule: FALLBACK },
  { name: 'header regex full match', req: { headers: { 'x-group': 'beta-1' } }, rule: FALLBACK },
  { name: 'query exact, block 0', req: { path: '/?version=v3' }, rule: R(7), matchIndex: 0 },
  { name: 'query regex (?i), block 1', req: { query: { preview: 'YES' } }, rule: R(7), matchIndex: 1 },
  { name: 'query value mismatch', req: { path: '/?version=v2' }, rule: FALLBACK },
  // reviews serves 9080 only: no listener on 9443, so the sidecar passes the request through, and the
  // `port: 9443` match is dropped from the 9080 routes.
  { name: 'port no Service serves', req: { port: 9443 }, rule: undefined, outcome: 'unknown-host' },
  { name: 'other port', req: { port: 9080 }, rule: FALLBACK },
  {
    name: 'sourceLabels, sourceNamespace and header',
    req: { sourceLabels: { app: 'productpage' }, headers: { 'end-user': 'jason' } },
    rule: R(9),
  },
  {
    name: 'sourceNamespace mismatch',
    req: {
      host: 'reviews.default',
      sourceNamespace: 'other',
      sourceLabels: { app: 'productpage' },
      headers: { 'end-user': 'jason' },
    },
    rule: FALLBACK,
  },
  {
    name: 'sourceLabels mismatch',
    req: { sourceLabels: { app: 'ratings' }, headers: { 'end-user': 'jason' } },
    rule: FALLBACK,
  },
  {
    name: 'header prefix, weights 1:3',
    req: { headers: { cookie: 'session=abc' } },
    rule: R(10),
    split: [
      ['v1', 0.25],
      ['v2', 0.75],
    ],
  },
  // Istio rejects several destinations whose weights sum to 0, and istiod drops 0-weight clusters: the
  // route names none (the old walk split it evenly, which no proxy does).
  { name: 'unweighted split names no cluster', req: { path: '/even' }, rule: R(11), split: [] },
  { name: 'first matching rule wins', req: { path: '/exact', headers: { 'x-debug': '' } }, rule: R(0) },
  { name: 'name.namespace host', req: { host: 'reviews.default' }, rule: FALLBACK },
  {
    name: 'short name from another namespace',
    req: { sourceNamespace: 'other' },
    rule: undefined,
    outcome: 'unknown-host',
  },
  {
    name: 'mesh skips the gateway-only match',
    req: { host: 'ratings' },
    rule: 'default/ratings#http[1]',
    split: [['v2', 1]],
  },
  {
    name: 'gateway match and exact host beats "*"',
    req: { host: 'ratings.example.com', gateway: 'bookinfo-gateway' },
    rule: 'default/ratings#http[0]',
    split: [['v1', 1]],
  },
  {
    name: 'gateway "*" host',
    req: { host: 'shop.test', path: '/login', gateway: 'default/bookinfo-gateway' },
    rule: 'default/bookinfo#http[0]',
    matchIndex: 2,
  },
  {
    name: 'gateway, no rule matches',
    req: { host: 'shop.test', path: '/x', gateway: 'bookinfo-gateway' },
    rule: undefined,
    outcome: 'no-match',
  },
  {
    name: 'wildcard host in the mesh',
    req: { host: 'foo.example.com' },
    rule: 'default/wild#http[0]',
    outcome: 'direct-response',
  },
  {
    name: 'exact host beats wildcard in the mesh',
    req: { host: 'ratings.example.com' },
    rule: 'default/ratings#http[1]',
  },
  {
    name: 'no VirtualService for details',
    req: { host: 'details' },
    rule: undefined,
    outcome: 'default-route',
    split: [[undefined, 1]],
  },
];

describe('simulate: table of requests', () => {
  it("reaches every http rule of the fixture's VirtualServices through the simulator", () => {
    const reached = new Set(
      cases.map((c) => simulate(model, index, createRequest({ host: 'reviews', ...c.req })).rule?.id),
    );
    const rules = model.virtualServices.flatMap((vs) =>
      vs.routes
        .filter((r) => r.protocol === 'http')
        .map((r) => ruleId(vs.namespace, vs.name, 'http', r.index)),
    );
    expect(rules).toHaveLength(17);
    // `port: 9443` is for a port reviews does not serve: no proxy has a route for it.
    expect(rules.filter((id) => !reached.has(id))).toEqual([R(8)]);
  });
  it.each(cases)('$name', (c) => {
    const r = simulate(model, index, createRequest({ host: 'reviews', ...c.req }));
    expect(r.rule?.id).toBe(c.rule);
    if (c.outcome) expect(r.outcome).toBe(c.outcome);
    else expect(r.outcome).toBe('routed');
    if (c.matchIndex !== undefined) expect(r.matchIndex).toBe(c.matchIndex);
    if (c.split) {
      expect(r.destinations.map((d) => d.subset)).toEqual(c.split.map(([s]) => s));
      expect(r.envoy?.clusters).toHaveLength(c.split.length);
      r.destinations.forEach((d, i) => expect(d.probability).toBeCloseTo(c.split?.[i]?.[1] ?? NaN, 9));
    }
  });
});
