import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { isVisible, resolveRequestHost, selectVirtualServices, vsGateways } from './select-vs';

const CORPUS = resolve(__dirname, '../../../test/fixtures/corpus');
const conflicting = derive(
  readFileSync(
    resolve(CORPUS, 'istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml'),
    'utf8',
  ),
);
const refs = (s: ReturnType<typeof selectVirtualServices>) => ({
  applied: s.applied.map((v) => v.ref),
  shadowed: s.shadowed.map((v) => v.ref),
});

describe('selectVirtualServices (analyzer conflicting-hosts data)', () => {
  it('takes the first of two same-host VirtualServices in the mesh and reports the other', () => {
    const s = selectVirtualServices(conflicting.model, 'x.productpage', 'mesh', 'foo');
    expect(refs(s)).toEqual({
      applied: ['VirtualService foo/productpage'],
      shadowed: ['VirtualService bar/productpage'],
    });
    expect(s.host).toBe('*.productpage');
  });
  it('honours exportTo: "." and a namespace list', () => {
    expect(refs(selectVirtualServices(conflicting.model, 'x.productpage.b', 'mesh', 'bar')).applied).toEqual([
      'VirtualService bar/productpage-b',
    ]);
    expect(refs(selectVirtualServices(conflicting.model, 'x.productpage.b', 'mesh', 'foo')).applied).toEqual([
      'VirtualService foo/productpage-b',
    ]);
    expect(selectVirtualServices(conflicting.model, 'x.productpage.b', 'mesh', 'baz').applied).toEqual([]);
  });
});

const text = `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: ['*.example.com'], gateways: [gw], http: [{route: [{destination: {host: a}}]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: b}
spec: {hosts: [api.example.com], gateways: [gw], http: [{route: [{destination: {host: b}}]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: c, namespace: edge}
spec: {hosts: [api.example.com], gateways: [default/gw, mesh], http: [{route: [{destination: {host: c}}]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: d}
spec: {hosts: ['*.com'], http: [{route: [{destination: {host: d}}]}]}
`;
// Applied without `-n`: the resources that name no namespace are in `default` (not the `edge` the text names).
const m = derive(text, { defaultNamespace: 'default' });

describe('selectVirtualServices (host specificity and gateway binding)', () => {
  it('prefers the exact host and merges same-host VirtualServices at a gateway', () => {
    expect(refs(selectVirtualServices(m.model, 'api.example.com', 'default/gw', 'default'))).toEqual({
      applied: ['VirtualService default/b', 'VirtualService edge/c'],
      shadowed: [],
    });
  });
  it('falls back to the wildcard for other hosts at the gateway', () => {
    expect(refs(selectVirtualServices(m.model, 'www.example.com', 'default/gw', 'default')).applied).toEqual([
      'VirtualService default/a',
    ]);
  });
  it('binds VirtualServices without gateways to mesh only', () => {
    expect(refs(selectVirtualServices(m.model, 'www.example.com', 'mesh', 'default')).applied).toEqual([
      'VirtualService default/d',
    ]);
    expect(refs(selectVirtualServices(m.model, 'api.example.com', 'mesh', 'default')).applied).toEqual([
      'VirtualService edge/c',
    ]);
    expect(selectVirtualServices(m.model, 'www.example.org', 'mesh', 'default').applied).toEqual([]);
  });
  it('normalises gateway references', () => {
    expect(m.model.virtualServices.map(vsGateways)).toEqual([
      ['default/gw'],
      ['default/gw'],
      ['default/gw', 'mesh'],
      ['mesh'],
    ]);
  });
});

describe('helpers', () => {
  it('isVisible', () => {
    expect(isVisible([], 'a', 'b')).toBe(true);
    expect(isVisible(['*'], 'a', 'b')).toBe(true);
    expect(isVisible(['.'], 'a', 'b')).toBe(false);
    expect(isVisible(['.'], 'a', 'a')).toBe(true);
    expect(isVisible(['b'], 'a', 'b')).toBe(true);
  });
  it('resolveRequestHost', () => {
    const d = derive(
      'apiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: shop}\nspec: {ports: [{port: 80}]}',
    );
    expect(resolveRequestHost(d.index, 'reviews', 'shop')).toBe('reviews.shop.svc.cluster.local');
    expect(resolveRequestHost(d.index, 'reviews.shop', 'x')).toBe('reviews.shop.svc.cluster.local');
    expect(resolveRequestHost(d.index, 'Example.COM:8443', 'x')).toBe('example.com');
  });
});
