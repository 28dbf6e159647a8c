import { describe, expect, it } from 'vitest';
import type { EditIntent } from '../../src/core/edit/intents';
import { derive } from '../../src/core/derive';
import { everyLayer, runIntents } from './support';

const LONG = 'n'.repeat(50_000);
/** Names people (or attackers) paste; each goes in single quotes, with `'` doubled. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'; DROP TABLE vs; --",
  LONG,
  'ünïcödé-名前-🚀-\u202Eevil\u200B',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '${jndi:ldap://x}',
  '{{ .Values.x }}',
  '',
];
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Every kind the editor draws, named and labelled with `h`, plus `__proto__`/`constructor` as keys. */
function manifest(h: string): string {
  const n = q(h);
  return `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${n}
  annotations: {${n}: ${n}}
  x-extra: {__proto__: {polluted: true}, constructor: ${n}}
spec:
  selector: {istio: ingressgateway, ${n}: ${n}}
  servers:
  - port: {number: 80, name: ${n}, protocol: HTTP}
    hosts: [${n}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${n}
  labels: {__proto__: ${n}, constructor: ${n}}
spec:
  hosts: [${n}, reviews]
  gateways: [${n}]
  http:
  - name: ${n}
    match:
    - headers: {${n}: {exact: ${n}}}
      queryParams: {__proto__: {prefix: x}, constructor: {exact: y}}
      uri: {regex: ${q(`(${h})+$`)}}
    route:
    - destination: {host: ${n}, subset: ${n}}
      weight: 60
    - destination: {host: reviews, subset: __proto__}
      weight: 40
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${n}
spec:
  host: ${n}
  subsets:
  - name: ${n}
    labels: {${n}: ${n}}
  - name: __proto__
    labels: {constructor: ${n}, __proto__: ${n}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${n}
spec:
  selector: {${n}: ${n}}
  ports: [{port: 80, name: ${n}}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${n}
spec:
  selector: {matchLabels: {app: ${n}}}
  template:
    metadata:
      labels: {app: ${n}, version: ${n}, __proto__: ${n}}
    spec:
      containers: [{name: ${n}, image: ${n}}]
`;
}

function intents(h: string): EditIntent[] {
  const vs = `VirtualService default/${h}`;
  const dr = `DestinationRule default/${h}`;
  const at = { vsRef: vs, protocol: 'http' as const, routeIndex: 0 };
  return [
    { type: 'addResource', kind: 'VirtualService', name: h, host: h, target: { host: h, subset: h } },
    { type: 'addResource', kind: 'Deployment', name: h, app: h, version: h, labels: { [h]: h } },
    {
      type: 'addSubset',
      drRef: dr,
      name: h,
      labels: JSON.parse(`{"__proto__": ${JSON.stringify(h)}}`) as Record<string, string>,
    },
    { type: 'connectRoute', ...at, target: { host: h, subset: h } },
    { type: 'setWeights', ...at, weights: [50, 50] },
    { type: 'setMatch', ...at, match: [{ uri: { kind: 'prefix', value: h } }] },
    { type: 'renameSubset', drRef: dr, from: h, to: `${h}2`, updateReferences: true },
    { type: 'renameHost', ref: dr, from: h, to: `${h}.example`, updateReferences: true },
    { type: 'bindGateway', vsRef: vs, gateway: h },
    { type: 'setValue', docIndex: 1, path: ['metadata', 'labels', '__proto__'], value: h },
    { type: 'setValue', docIndex: 1, path: ['metadata', 'annotations', h], value: { __proto__: h } },
    { type: 'setTrafficPolicy', drRef: dr, subset: h, policy: { loadBalancer: { simple: 'RANDOM' } } },
    { type: 'deletePath', docIndex: 0, path: ['metadata', 'annotations', '__proto__'] },
    { type: 'deleteDestination', ...at, destIndex: 1 },
    { type: 'deleteResource', ref: dr },
    { type: 'deleteResource', ref: vs },
  ];
}

describe('hostile names and keys never throw', () => {
  it.each(HOSTILE.map((h) => [h.length > 60 ? `${h.slice(0, 20)}… (${h.length})` : h, h]))(
    '%s: parse, derive, validate, simulate, export, edit',
    (_, h) => {
      const text = manifest(h);
      const d = everyLayer(text, [h, 'reviews', `${h}.default.svc.cluster.local`]);
      expect(d.parseErrors).toEqual([]);
      // A nameless resource is a half-written document (ITS0110 says so), not a node.
      if (h === '') {
        expect(d.model.virtualServices).toEqual([]);
        expect(d.diagnostics.filter((x) => x.code === 'ITS0110').length).toBeGreaterThan(0);
      } else expect(d.model.virtualServices.map((v) => v.name)).toEqual([h]);
      // `__proto__` as a key is data, never a prototype.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(d.model.gateways[0]?.raw ?? {})).toBe(Object.prototype);
      const after = runIntents(text, intents(h));
      everyLayer(after.text, [h]);
      expect(derive(after.text).parseErrors).toEqual([]);
      // With no name, the VirtualService and DestinationRule are not in the model, so the ops naming them refuse.
      expect(after.applied.length).toBeGreaterThanOrEqual(h === '' ? 5 : 10);
    },
  );

  it('hostile text survives into messages as plain text', () => {
    const h = '<img src=x onerror=alert(1)>';
    const d = derive(manifest(h));
    const mentions = d.diagnostics.filter((x) => x.message.includes(h));
    expect(mentions.length).toBeGreaterThan(0);
    expect(d.graph.nodes.map((n) => n.id)).toContain(`virtualservice:default/${h}`);
  });
});
