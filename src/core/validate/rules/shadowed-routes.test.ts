import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { shadowedRoutes } from '../../envoy/findings';
import { unreachableRules } from './unreachable-rules';
import { envoyShadowedRoutes } from './shadowed-routes';
import { corpus, runRule, summary } from './testing';

// bookinfo's services and its real gateway (selector istio: ingressgateway, host "*").
const BOOKINFO = [
  corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml'),
  corpus('istio/samples/bookinfo/networking/bookinfo-gateway.yaml').split('\n---\n')[0] ?? '',
].join('\n---\n');

const vs = (name: string, ts: string, http: string, hosts = '["*"]') => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  creationTimestamp: "${ts}"
spec:
  hosts: ${hosts}
  gateways: [bookinfo-gateway]
  http:
${http}`;
const api = vs(
  'api',
  '2020-01-01T00:00:00Z',
  '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: details}}]\n',
);
const v2 = vs(
  'api-v2',
  '2021-01-01T00:00:00Z',
  '  - match: [{uri: {exact: /login}}, {uri: {prefix: /api/v2}}]\n    route: [{destination: {host: reviews}}]\n',
);

describe('ITS0132 shadowed-routes (an Envoy route another VirtualService always takes first)', () => {
  it("reports the newer VirtualService's match an older one's broader prefix takes at the gateway", () => {
    const text = [BOOKINFO, v2, api].join('\n---\n');
    expect(summary(envoyShadowedRoutes, text)).toEqual([
      'ITS0132 VirtualService default/api-v2 spec/http[0]/match[1] «{uri: {prefix: /api/v2}}»',
    ]);
    const [d] = runRule(envoyShadowedRoutes, text).diags;
    expect(d?.message).toContain('route default/api http[0] match 0 comes first');
    expect(d?.message).toContain('Narrow that earlier match, or reorder');
  });

  it('follows creation order, not text order: the older one first is not shadowed by the newer', () => {
    const swapped = [BOOKINFO, v2.replace('2021-01-01', '2019-01-01'), api].join('\n---\n');
    expect(summary(envoyShadowedRoutes, swapped)).toEqual([]);
  });

  it('leaves shadowing inside one VirtualService to IST0131 (one finding for one mistake)', () => {
    const one = vs(
      'one',
      '2020-01-01T00:00:00Z',
      '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: details}}]\n  - match: [{uri: {prefix: /api/v2}}]\n    route: [{destination: {host: reviews}}]\n',
    );
    const text = [BOOKINFO, one].join('\n---\n');
    expect(summary(envoyShadowedRoutes, text)).toEqual([]);
    expect(summary(unreachableRules, text).map((s) => s.split(' ')[0])).toContain('IST0131');
  });

  it('says nothing when the VirtualServices share no host', () => {
    const text = [
      BOOKINFO,
      v2.replace('hosts: ["*"]', 'hosts: [b.example.com]'),
      api.replace('hosts: ["*"]', 'hosts: [a.example.com]'),
    ].join('\n---\n');
    expect(summary(envoyShadowedRoutes, text)).toEqual([]);
  });

  it("finds what core/envoy's shadowedRoutes finds across VirtualServices (this rule re-implements it)", () => {
    const other = vs(
      'other',
      '2022-01-01T00:00:00Z',
      '  - match: [{uri: {exact: /api/x}, headers: {x-a: {exact: "1"}}}, {uri: {regex: "/r.*"}}]\n    route: [{destination: {host: ratings}}]\n  - match: [{uri: {prefix: /login}}]\n    route: [{destination: {host: ratings}}]\n',
    );
    const regex = vs(
      'regex',
      '2019-06-01T00:00:00Z',
      '  - match: [{uri: {regex: "/r.*"}}, {uri: {exact: /login}, ignoreUriCase: true}]\n    route: [{destination: {host: details}}]\n',
    );
    for (const text of [
      [BOOKINFO, v2, api].join('\n---\n'),
      [BOOKINFO, v2, api, other, regex].join('\n---\n'),
    ]) {
      const { model } = derive(text);
      const proxy = { kind: 'gateway' as const, namespace: 'default', labels: { istio: 'ingressgateway' } };
      const envoy = shadowedRoutes(model, proxy)
        .filter((r) => r.source && r.bySource && r.source.ref !== r.bySource.ref)
        .map(
          (r) => `${r.source?.ref ?? ''} spec/http[${r.source?.httpIndex}]/match[${r.source?.matchIndex}]`,
        );
      const ours = runRule(envoyShadowedRoutes, text).diags.map((d) => `${d.resource ?? ''} ${d.path}`);
      expect(ours).toEqual([...new Set(envoy)]);
      expect(ours.length).toBeGreaterThan(0);
    }
  });
});
