import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import type { Route } from '../model/types';
import { evaluateBlock, evaluateRule, type MatchContext } from './match';
import { createRequest } from './request';
import type { SimRequest } from './types';

const routes = (spec: string): Route[] =>
  derive(
    `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: shop}\nspec:\n${spec}`,
  ).model.virtualServices[0]?.routes ?? [];
const ctx = (req: Partial<SimRequest>, more: Partial<MatchContext> = {}): MatchContext => ({
  req: createRequest({ host: 'v', ...req }),
  fqdn: 'v.shop.svc.cluster.local',
  port: req.port,
  gateway: 'mesh',
  vsNamespace: 'shop',
  ...more,
});

describe('evaluateRule', () => {
  const [rule] = routes(`  http:
  - match:
    - {uri: {prefix: /a}, headers: {x: {exact: '1'}}, method: {exact: GET}}
    - {uri: {prefix: /b}}`);

  it('ORs the blocks and reports which one matched', () => {
    if (!rule) throw new Error('no rule');
    expect(evaluateRule(rule, ctx({ path: '/b/1' }))).toMatchObject({ ok: true, matchIndex: 1 });
    expect(evaluateRule(rule, ctx({ path: '/a', headers: { x: '1' } }))).toMatchObject({
      ok: true,
      matchIndex: 0,
    });
  });
  it('ANDs the conditions and names the closest block and its first failure', () => {
    if (!rule) throw new Error('no rule');
    const c = evaluateRule(rule, ctx({ path: '/a', headers: { x: '2' } }));
    expect(c).toMatchObject({
      ok: false,
      matchIndex: 0,
      passed: 2,
      failure: 'header x: expected exact "1", got "2"',
    });
  });
  it('matches everything when the rule has no match', () => {
    const [all] = routes('  http: [{route: [{destination: {host: v}}]}]');
    if (!all) throw new Error('no rule');
    expect(evaluateRule(all, ctx({}))).toMatchObject({ ok: true, matchIndex: undefined });
  });
});

describe('evaluateBlock', () => {
  it('withoutHeaders fails when the header matches and holds when it is absent', () => {
    const m = { withoutHeaders: { 'x-canary': { exact: 'true' } } };
    expect(evaluateBlock(m, 'http', ctx({ headers: { 'x-canary': 'true' } })).failure).toBe(
      'withoutHeaders x-canary: must not be "true"',
    );
    expect(evaluateBlock(m, 'http', ctx({ headers: { 'x-canary': 'false' } })).ok).toBe(true);
    expect(evaluateBlock(m, 'http', ctx({})).ok).toBe(true);
  });
  it('resolves bare gateway names in the match against the VirtualService namespace', () => {
    const m = { gateways: ['public'] };
    expect(evaluateBlock(m, 'http', ctx({}, { gateway: 'shop/public' })).ok).toBe(true);
    expect(evaluateBlock(m, 'http', ctx({}, { gateway: 'default/public' })).failure).toBe(
      'gateways: expected one of shop/public, got default/public',
    );
  });
  it('matches SNI hosts with wildcards for tls', () => {
    const m = { sniHosts: ['*.example.com'], port: 443 };
    expect(evaluateBlock(m, 'tls', ctx({ host: 'a.example.com', port: 443 })).ok).toBe(true);
    expect(evaluateBlock(m, 'tls', ctx({ host: 'x', sniHost: 'example.com', port: 443 })).failure).toBe(
      'sniHosts: expected one of *.example.com, got "example.com"',
    );
  });
  it('fails port when the request has none, and subnets it cannot check', () => {
    expect(evaluateBlock({ port: 80 }, 'tcp', ctx({})).failure).toBe('port: expected 80, got none');
    expect(evaluateBlock({ destinationSubnets: ['10.0.0.0/8'] }, 'tcp', ctx({})).failure).toMatch(
      /no IP address/,
    );
  });
  it('checks sourceLabels one by one', () => {
    const m = { sourceLabels: { app: 'web', version: 'v1' } };
    expect(evaluateBlock(m, 'http', ctx({ sourceLabels: { app: 'web', version: 'v1', x: 'y' } })).ok).toBe(
      true,
    );
    expect(evaluateBlock(m, 'http', ctx({ sourceLabels: { app: 'web' } }))).toMatchObject({
      passed: 1,
      failure: 'sourceLabels version: expected "v1", got nothing',
    });
  });
  it('matches query parameter names case-sensitively and header names case-insensitively', () => {
    expect(evaluateBlock({ queryParams: { Q: { exact: '1' } } }, 'http', ctx({ query: { q: '1' } })).ok).toBe(
      false,
    );
    expect(
      evaluateBlock({ headers: { 'X-A': { exact: '1' } } }, 'http', ctx({ headers: { 'x-a': '1' } })).ok,
    ).toBe(true);
  });
});
