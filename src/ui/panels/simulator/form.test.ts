import { describe, expect, it } from 'vitest';
import { derive } from '../../../core/derive';
import { defaultForm, formToRequest, gatewayOptions, hostOptions, requestToForm } from './form';

describe('formToRequest', () => {
  it('builds a request with headers, query and labels', () => {
    const { request, errors } = formToRequest({
      ...defaultForm('reviews'),
      path: '/api?x=1&y',
      headers: 'End-User: jason\n# comment\n',
      sourceLabels: 'app=productpage, version=v1',
      port: '9080',
    });
    expect(errors).toEqual([]);
    expect(request).toMatchObject({
      host: 'reviews',
      port: 9080,
      path: '/api',
      query: { x: '1', y: '' },
      headers: { 'end-user': 'jason' },
      sourceLabels: { app: 'productpage', version: 'v1' },
      gateway: 'mesh',
      method: 'GET',
    });
  });

  it('reports a missing host, a bad port and bad header lines', () => {
    const { request, errors } = formToRequest({ ...defaultForm(''), port: 'x', headers: 'nocolon' });
    expect(request).toBeUndefined();
    expect(errors).toHaveLength(3);
    expect(errors[1]).toContain('Port');
    expect(errors[2]).toContain('line 1');
  });

  it('round-trips through requestToForm', () => {
    const f = { ...defaultForm('a.example.com'), path: '/p?q=a%20b', headers: 'x: 1', authority: 'h' };
    const r = formToRequest(f).request;
    expect(r).toBeDefined();
    if (!r) return;
    const back = requestToForm(r);
    expect(back).toMatchObject({
      host: 'a.example.com',
      path: '/p?q=a%20b',
      headers: 'x: 1',
      authority: 'h',
    });
    expect(formToRequest(back).request).toEqual(r);
  });
});

describe('options', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: ['*.example.com', reviews], http: [{route: [{destination: {host: reviews}}]}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec: {servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]}
`;
  const { model } = derive(text);
  it('lists concrete hosts first', () => {
    expect(hostOptions(model)).toEqual(['reviews', '*.example.com']);
  });
  it('lists mesh and gateways', () => {
    expect(gatewayOptions(model)).toEqual(['mesh', 'istio-system/gw']);
  });
});
