import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rec } from '../model/read';
import {
  apply,
  BOOKINFO,
  corpus,
  docRange,
  expectCommentsKept,
  expectOnlyChanged,
  refusal,
} from './test-support';

const KUBE = corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`);
const LIST = corpus('istio-analyzer-testdata/analyze-list-type.yaml');
const GATEWAY = corpus(`${BOOKINFO}/networking/bookinfo-gateway.yaml`);
const FRONTEND = corpus('wild/GoogleCloudPlatform__microservices-demo__istio-manifests_frontend.yaml');
const VS_ALL = corpus(`${BOOKINFO}/networking/virtual-service-all-v1.yaml`);
const DR_ALL = corpus(`${BOOKINFO}/networking/destination-rule-all.yaml`);
// Kiali's travel agency (no namespaces) with this project's routing for it, which names travel-agency: the
// text reads as `kubectl apply -n travel-agency`.
const TRAVELS = ['travel_agency.yaml', 'travels-routing.yaml']
  .map((f) => readFileSync(join(__dirname, '../../../test/fixtures/kiali-travels', f), 'utf8'))
  .join('');

describe('addResource', () => {
  it('appends each kind as a document the model reads back', () => {
    const a = apply(FRONTEND, {
      type: 'addResource',
      kind: 'Deployment',
      name: 'frontend-v2',
      app: 'frontend',
      version: 'v2',
    });
    const w = a.model.workloads[0];
    expect(w).toMatchObject({ name: 'frontend-v2', app: 'frontend', version: 'v2', replicas: 1 });
    expect(a.text.startsWith(`${FRONTEND}---\napiVersion: apps/v1`)).toBe(true);
    expect(a.select).toBe('deployment:default/frontend-v2');
    const b = apply(a.text, {
      type: 'addResource',
      kind: 'Service',
      name: 'frontend',
      namespace: 'shop',
      port: 80,
    });
    expect(b.model.services[0]).toMatchObject({ namespace: 'shop', selector: { app: 'frontend' } });
    const c = apply(b.text, { type: 'addResource', kind: 'Gateway', name: 'gw' });
    expect(c.model.gateways[0]?.servers[0]?.hosts).toEqual(['*']);
    const d = apply(c.text, {
      type: 'addResource',
      kind: 'ServiceEntry',
      name: 'wiki',
      hosts: ['en.wikipedia.org'],
    });
    expect(d.model.serviceEntries[0]?.hosts).toEqual(['en.wikipedia.org']);
    const e = apply(d.text, {
      type: 'addResource',
      kind: 'VirtualService',
      name: 'frontend-vs',
      host: 'frontend',
      gateways: ['gw'],
    });
    // New Istio resources use the apiVersion the text already uses.
    expect(e.model.virtualServices[1]).toMatchObject({
      apiVersion: 'networking.istio.io/v1alpha3',
      gateways: ['gw'],
    });
    const f = apply(e.text, {
      type: 'addResource',
      kind: 'DestinationRule',
      name: 'frontend',
      host: 'frontend',
    });
    expect(f.model.destinationRules[0]?.host).toBe('frontend');
    expect(f.text.startsWith(FRONTEND)).toBe(true);
  });

  it('lands without a namespace in the namespace the text is read in, and selects the node there', () => {
    const a = apply(TRAVELS, {
      type: 'addResource',
      kind: 'Deployment',
      name: 'travels-v9',
      app: 'travels',
      version: 'v9',
    });
    expect(a.model.defaultNamespace).toMatchObject({ name: 'travel-agency', source: 'inferred' });
    expect(a.select).toBe('deployment:travel-agency/travels-v9');
    expect(a.model.workloads.find((w) => w.name === 'travels-v9')?.namespace).toBe('travel-agency');
    // Nothing about the namespace is written: the new document names none.
    expect(a.text.slice(TRAVELS.length)).not.toMatch(/namespace/);
    // travels already exists there (named by no manifest, read in travel-agency): a second one is refused.
    expect(refusal(TRAVELS, { type: 'addResource', kind: 'Service', name: 'travels' })).toMatch(
      'Service travel-agency/travels already exists',
    );
    expect(
      apply(TRAVELS, { type: 'addResource', kind: 'Service', name: 'travels', namespace: 'default' }).select,
    ).toBe('service:default/travels');
  });

  it('writes a Deployment without anchors, its selector matching its pods', () => {
    const a = apply(FRONTEND, {
      type: 'addResource',
      kind: 'Deployment',
      name: 'web-v1',
      app: 'web',
      version: 'v1',
    });
    const added = a.text.slice(FRONTEND.length);
    expect(added).not.toMatch(/[&*]a\d|: [&*]/);
    const w = a.model.workloads.find((x) => x.name === 'web-v1');
    expect(rec(rec(w?.raw.spec).selector).matchLabels).toEqual({ app: 'web', version: 'v1' });
    expect(w?.podLabels).toEqual({ app: 'web', version: 'v1' });
  });

  it('refuses duplicates and bad names', () => {
    expect(
      refusal(FRONTEND, { type: 'addResource', kind: 'VirtualService', name: 'frontend', host: 'x' }),
    ).toMatch(/exists/);
    expect(refusal(FRONTEND, { type: 'addResource', kind: 'Gateway', name: 'Bad Name' })).toMatch(
      /valid name/,
    );
  });
});

describe('deleteResource', () => {
  it('removes a document and nothing else', () => {
    const a = apply(GATEWAY, { type: 'deleteResource', ref: 'VirtualService default/bookinfo' });
    expect(a.model.virtualServices).toHaveLength(0);
    expect(a.text).toBe(GATEWAY.slice(0, docRange(GATEWAY, 1)[0]));
    expectCommentsKept(a);
  });

  it('removes a Deployment from the commented bookinfo file', () => {
    const range = docRange(KUBE, 10);
    const a = apply(KUBE, { type: 'deleteResource', ref: 'Deployment default/reviews-v1' });
    expect(a.model.workloads.map((w) => w.name)).not.toContain('reviews-v1');
    expect(a.model.resources).toHaveLength(
      apply(KUBE, { type: 'setValue', docIndex: 0, path: ['x'], value: 1 }).model.resources.length - 1,
    );
    expectCommentsKept(a, [range]);
  });

  it('removes one item of a kind: List', () => {
    const a = apply(LIST, { type: 'deleteResource', ref: 'Gateway default/beta-l' });
    expect(a.model.gateways.map((g) => g.name)).toEqual(['alpha', 'alpha-l']);
    expectOnlyChanged(a, ...docRange(LIST, 1));
  });
});

describe('setValue and deletePath', () => {
  it('sets a nested value, creating parents, and deletes it again', () => {
    const a = apply(GATEWAY, {
      type: 'setValue',
      docIndex: 0,
      path: ['metadata', 'labels', 'team'],
      value: 'web',
    });
    expect(a.model.gateways[0]?.raw.metadata).toEqual({ name: 'bookinfo-gateway', labels: { team: 'web' } });
    expectOnlyChanged(a, ...docRange(GATEWAY, 0));
    const b = apply(a.text, { type: 'deletePath', docIndex: 0, path: ['metadata', 'labels'] });
    expect(b.text).toBe(GATEWAY);
    const c = apply(a.text, {
      type: 'setValue',
      docIndex: 0,
      path: ['metadata', 'labels'],
      value: undefined,
    });
    expect(c.text).toBe(GATEWAY);
  });

  it('refuses a broken document', () => {
    const broken = `${GATEWAY}---\nkind: [oops\n`;
    expect(refusal(broken, { type: 'setValue', docIndex: 2, path: ['a'], value: 1 })).toMatch(
      /does not parse/,
    );
  });
});

describe('renameHost', () => {
  const text = `${KUBE}${DR_ALL}\n---\n${VS_ALL}`;

  it('renames a Service and every reference to it', () => {
    const a = apply(text, {
      type: 'renameHost',
      ref: 'Service default/ratings',
      from: 'ratings',
      to: 'stars',
      updateReferences: true,
    });
    expect(a.model.services.map((s) => s.name)).toContain('stars');
    expect(a.model.destinationRules.find((d) => d.name === 'ratings')?.host).toBe('stars');
    const vs = a.model.virtualServices.find((v) => v.name === 'ratings');
    expect(vs?.hosts).toEqual(['stars']);
    expect(vs?.routes[0]?.destinations[0]?.host).toBe('stars');
    expectCommentsKept(a);
  });

  it('renames only the owner without updateReferences', () => {
    const a = apply(text, {
      type: 'renameHost',
      ref: 'DestinationRule default/ratings',
      from: 'ratings',
      to: 'stars',
      updateReferences: false,
    });
    expect(a.model.destinationRules.find((d) => d.name === 'ratings')?.host).toBe('stars');
    expect(a.model.virtualServices.find((v) => v.name === 'ratings')?.routes[0]?.destinations[0]?.host).toBe(
      'ratings',
    );
    expect(a.edits).toHaveLength(1);
  });
});
