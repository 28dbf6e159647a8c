import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import type { Route } from '../model/types';
import { ruleFeatures } from './features';
import { createRequest } from './request';

const CORPUS = resolve(__dirname, '../../../test/fixtures/corpus');
const routeOf = (text: string, i = 0): Route => {
  const r = derive(text).model.virtualServices[0]?.routes[i];
  if (!r) throw new Error('fixture has no such route');
  return r;
};
const inline = (http: string) =>
  routeOf(
    `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\nspec:\n  hosts: [v]\n  http:\n  - ${http}`,
  );

describe('ruleFeatures', () => {
  it('reads the mirror of the istio-tutorial mirroring example at 100%', () => {
    const text = readFileSync(
      resolve(
        CORPUS,
        'wild/redhat-scholars__istio-tutorial__istiofiles_virtual-service-recommendation-v1-mirror-v2.yml',
      ),
      'utf8',
    );
    const f = ruleFeatures(routeOf(text), undefined, createRequest({ host: 'recommendation' }), 'default');
    expect(f.mirrors).toEqual([
      {
        host: 'recommendation',
        fqdn: 'recommendation.default.svc.cluster.local',
        subset: 'version-v2',
        percent: 100,
      },
    ]);
  });
  it('reads mirrors with percentages, timeout and retries as written', () => {
    const r = inline(
      '{route: [{destination: {host: v}}], timeout: 2s, retries: {attempts: 3, perTryTimeout: 1s, retryOn: 5xx}, mirrors: [{destination: {host: shadow}, percentage: {value: 10}}]}',
    );
    const f = ruleFeatures(r, undefined, createRequest({ host: 'v' }), 'ns');
    expect(f.timeout).toBe('2s');
    expect(f.retries).toEqual({ attempts: 3, perTryTimeout: '1s', retryOn: '5xx', isDefault: false });
    expect(f.mirrors).toEqual([
      { host: 'shadow', fqdn: 'shadow.ns.svc.cluster.local', subset: undefined, percent: 10 },
    ]);
  });
  it("reports Istio's default retries when the rule sets none", () => {
    const f = ruleFeatures(
      inline('{route: [{destination: {host: v}}]}'),
      undefined,
      createRequest({ host: 'v' }),
      'd',
    );
    expect(f.retries?.isDefault).toBe(true);
    expect(f.retries?.attempts).toBe(2);
    expect(f.fault).toBeUndefined();
  });
  it('reads the fault of rule-fault-injection as written', () => {
    const text = readFileSync(
      resolve(CORPUS, 'istio/tests/testdata/config/rule-fault-injection.yaml'),
      'utf8',
    );
    const r = derive(text).model.virtualServices[0]?.routes[0];
    expect(r).toBeDefined();
    if (!r) return;
    const f = ruleFeatures(r, r.match[0], createRequest({ host: 'fault.test.istio.io' }), 'testns');
    expect(f.fault).toEqual({
      delay: { fixedDelay: '5s', percent: 100 },
      abort: { httpStatus: 503, grpcStatus: undefined, percent: 100 },
    });
  });
  it("takes Istio's default for a fault without a percentage: no request delayed or aborted", () => {
    // Istio's API reference (HTTPFaultInjection.Delay/Abort): "If left unspecified, no request will be delayed"
    // / "If not specified, no request will be aborted". The deprecated integer `percent` still counts.
    const r = inline(
      '{fault: {delay: {fixedDelay: 2s}, abort: {httpStatus: 500}}, route: [{destination: {host: v}}]}',
    );
    expect(ruleFeatures(r, undefined, createRequest({ host: 'v' }), 'd').fault).toEqual({
      delay: { fixedDelay: '2s', percent: 0 },
      abort: { httpStatus: 500, grpcStatus: undefined, percent: 0 },
    });
    const old = inline('{fault: {delay: {fixedDelay: 2s, percent: 30}}, route: [{destination: {host: v}}]}');
    expect(ruleFeatures(old, undefined, createRequest({ host: 'v' }), 'd').fault?.delay?.percent).toBe(30);
  });
  it('mirrors all traffic when a mirror names no percentage', () => {
    const r = inline('{route: [{destination: {host: v}}], mirrors: [{destination: {host: shadow}}]}');
    expect(ruleFeatures(r, undefined, createRequest({ host: 'v' }), 'd').mirrors[0]?.percent).toBe(100);
  });
  it('rewrites only the matched prefix, or the whole path otherwise', () => {
    const r = inline(
      '{match: [{uri: {prefix: /old}}, {uri: {exact: /x}}], rewrite: {uri: /new, authority: b}, route: [{destination: {host: v}}]}',
    );
    const req = createRequest({ host: 'v', path: '/old/page' });
    expect(ruleFeatures(r, r.match[0], req, 'd').rewrite).toEqual({ path: '/new/page', authority: 'b' });
    expect(ruleFeatures(r, r.match[1], createRequest({ host: 'v', path: '/x' }), 'd').rewrite?.path).toBe(
      '/new',
    );
  });
  it('applies uriRegexRewrite with RE2 group references', () => {
    const r = inline(
      "{rewrite: {uriRegexRewrite: {match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/\\1'}}, route: [{destination: {host: v}}]}",
    );
    const f = ruleFeatures(r, undefined, createRequest({ host: 'v', path: '/service/foo/v1/api' }), 'd');
    expect(f.rewrite?.path).toBe('/v1/api/foo');
  });
  it('builds a redirect location from the request and the rule', () => {
    const r = inline('{redirect: {uri: /v2, scheme: https, port: 8443, redirectCode: 308}}');
    const f = ruleFeatures(r, undefined, createRequest({ host: 'shop.example:80', path: '/v1' }), 'd');
    expect(f.redirect).toEqual({ location: 'https://shop.example:8443/v2', status: 308 });
  });
});
