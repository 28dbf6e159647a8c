import { describe, expect, it } from 'vitest';
import { runRule, summary } from './testing';
import { unreachableRules } from './unreachable-rules';

const vs = (body: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r}
spec:
  hosts: [reviews]
${body}`;

describe('unreachableRules (IST0130, IST0131)', () => {
  it('reports a rule after a catch-all and offers to move the catch-all last', () => {
    const text = vs(`  http:
  - route:
    - destination: {host: reviews, subset: v1}
  - match:
    - headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews, subset: v2}`);
    const { diags, snippet } = runRule(unreachableRules, text);
    expect(diags.map((d) => [d.code, d.path, snippet(d)])).toEqual([
      ['IST0130', 'spec/http[1]/match', 'match'],
    ]);
    expect(diags[0]?.fixes?.[0]?.intent).toEqual({
      type: 'moveRuleLast',
      vsRef: 'VirtualService default/r',
      protocol: 'http',
      routeIndex: 0,
    });
  });

  it('reports duplicate matches (ignoring names) and prefixes covered by a shorter one', () => {
    const text = vs(`  http:
  - match:
    - name: a
      uri: {prefix: /api}
    route:
    - destination: {host: reviews}
  - match:
    - uri: {prefix: /api}
    - uri: {prefix: /api/v2}
      method: {exact: GET}
    - uri: {exact: /other}
    route:
    - destination: {host: reviews}`);
    expect(summary(unreachableRules, text)).toEqual([
      'IST0131 VirtualService default/r spec/http[1]/match[0] «uri: {prefix: /api}\n»',
      'IST0131 VirtualService default/r spec/http[1]/match[1]/uri/prefix «/api/v2»',
    ]);
  });

  it('reports a tcp rule whose only match was used before', () => {
    const text = vs(`  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: reviews}}]
  - match: [{port: 31400}]
    route: [{destination: {host: reviews}}]`);
    expect(summary(unreachableRules, text).map((s) => s.split(' «')[0])).toEqual([
      'IST0131 VirtualService default/r spec/tcp[1]/match[0]',
      'IST0130 VirtualService default/r spec/tcp[1]/match',
    ]);
  });

  it('accepts specific rules before a last catch-all (bookinfo jason)', () => {
    const text = vs(`  http:
  - match:
    - headers: {end-user: {exact: jason}}
    route: [{destination: {host: reviews, subset: v2}}]
  - match:
    - uri: {prefix: /}
      method: {exact: GET}
    - uri: {exact: /}
    route: [{destination: {host: reviews, subset: v3}}]
  - route: [{destination: {host: reviews, subset: v1}}]`);
    expect(summary(unreachableRules, text)).toEqual([]);
  });
});
