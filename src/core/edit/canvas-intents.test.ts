import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive, type Derived } from '../derive';
import { applyIntent } from './apply';
import { connectIntent, deleteIntent, dropIntent } from './canvas-intents';
import type { EditIntent } from './intents';

const svc = (name: string, ns?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  selector: { app: ${name} }\n`;
const vs = (ns: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  hosts: [web]\n  http: [{ route: [{ destination: { host: web } }] }]\n`;

function namespaceOfDrop(text: string, options = {}) {
  const d = derive(text, options);
  const near = d.graph.nodes.find((n) => n.kind === 'service');
  const intent = dropIntent(d, 'service', near);
  return intent && 'namespace' in intent ? intent.namespace : 'no intent';
}

describe('dropIntent: the namespace of a new resource', () => {
  it('does not write the inferred namespace beside resources that name none', () => {
    expect(namespaceOfDrop(`${svc('web')}---\n${vs('travel')}`)).toBeUndefined();
  });

  it('does not write the namespace set for resources without one', () => {
    expect(namespaceOfDrop(svc('web'), { defaultNamespace: 'shop' })).toBeUndefined();
  });

  it('writes it where every resource names it, or where it differs from the one resources without one get', () => {
    expect(namespaceOfDrop(`${svc('web', 'travel')}---\n${vs('travel')}`)).toBe('travel');
    expect(namespaceOfDrop(`${svc('web', 'travel')}---\n${svc('api')}`, { defaultNamespace: 'shop' })).toBe(
      'travel',
    );
  });
});

// The gestures people make every day, on the canary example and on Istio's bookinfo samples; each intent is
// also applied, so a mapping that names the wrong thing fails on what the text becomes.
const canary = readFileSync(resolve(__dirname, '../../examples/bookinfo-canary.yaml'), 'utf8');
const BOOKINFO = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const sample = (...files: string[]) =>
  files.map((f) => readFileSync(resolve(BOOKINFO, f), 'utf8')).join('\n---\n');

const node = (d: Derived, id: string) => d.graph.nodes.find((n) => n.id === id);

/** Applies an intent the mapping produced; fails on a reason instead of an intent. */
function applied(d: Derived, intent: EditIntent | string | undefined): Derived {
  if (typeof intent !== 'object') throw new Error(`no intent: ${intent}`);
  const r = applyIntent(d.parsed, d.model, intent);
  if (!r.ok) throw new Error(r.reason);
  return derive(r.text);
}

const routesOf = (d: Derived, ref: string) =>
  d.model.virtualServices
    .find((v) => v.ref === ref)
    ?.routes.map((r) => r.destinations.map((x) => `${x.host}/${x.subset ?? ''}:${x.weight ?? ''}`));

describe('dropIntent: a palette item dropped on the canvas', () => {
  const d = derive(canary);
  it('a Deployment near one of an app is its next version', () => {
    expect(dropIntent(d, 'deployment', node(d, 'deployment:default/reviews-v1'))).toEqual({
      type: 'addResource',
      kind: 'Deployment',
      namespace: undefined,
      name: 'reviews-v4',
      app: 'reviews',
      version: 'v4',
    });
  });
  it('a subset on a DestinationRule (or on one of its subsets) takes the next free vN', () => {
    const want: EditIntent = {
      type: 'addSubset',
      drRef: 'DestinationRule default/reviews',
      name: 'v4',
      labels: { version: 'v4' },
    };
    expect(dropIntent(d, 'subset', node(d, 'destinationrule:default/reviews'))).toEqual(want);
    expect(dropIntent(d, 'subset', node(d, 'subset:default/reviews/v2'))).toEqual(want);
    const after = applied(d, want);
    expect(after.model.destinationRules[0]?.subsets.map((s) => s.name)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });
  it('a subset with no DestinationRule anywhere means nothing', () => {
    const bare = derive(sample('platform/kube/bookinfo.yaml'));
    expect(dropIntent(bare, 'subset', undefined)).toBeUndefined();
  });
  it('names never clash: a second VirtualService or DestinationRule for reviews gets a new name', () => {
    const near = node(d, 'service:default/reviews');
    for (const kind of ['virtualservice', 'destinationrule', 'service', 'gateway'] as const) {
      const i = dropIntent(d, kind, near);
      const after = applied(d, i);
      expect(after.model.resources).toHaveLength(d.model.resources.length + 1);
      expect(after.diagnostics.filter((x) => x.code === 'ITS0001')).toEqual([]);
      const name = i && 'name' in i ? i.name : '';
      expect(d.model.resources.some((r) => r.name === name && r.kind.toLowerCase() === kind)).toBe(false);
    }
  });
});

describe('connectIntent: dragging between two handles', () => {
  const d = derive(canary);
  const VS = 'virtualservice:default/reviews';
  it('a route row to a subset adds the subset to that route and rebalances, in either direction', () => {
    const forward = connectIntent(d, VS, 'http-0', 'subset:default/reviews/v3', null);
    expect(forward).toEqual({
      type: 'connectRoute',
      vsRef: 'VirtualService default/reviews',
      protocol: 'http',
      routeIndex: 0,
      target: { host: 'reviews', subset: 'v3' },
    });
    expect(connectIntent(d, 'subset:default/reviews/v3', null, VS, 'http-0')).toEqual(forward);
    // The new destination gets an equal share (1/3); the others keep their 90:10 proportion in the rest.
    expect(routesOf(applied(d, forward), 'VirtualService default/reviews')).toEqual([
      ['reviews/v1:60', 'reviews/v2:7', 'reviews/v3:33'],
    ]);
  });
  it('the "new route" handle (or a VirtualService without routes) adds a route', () => {
    const i = connectIntent(d, VS, 'new-route', 'subset:default/reviews/v3', null);
    expect(i).toMatchObject({
      type: 'addRoute',
      protocol: 'http',
      target: { host: 'reviews', subset: 'v3' },
    });
    expect(routesOf(applied(d, i), 'VirtualService default/reviews')).toEqual([
      ['reviews/v1:90', 'reviews/v2:10'],
      ['reviews/v3:'],
    ]);
  });
  it('a route to the bare Service of the host is narrowed to the subset, not split', () => {
    const b = derive(
      sample(
        'platform/kube/bookinfo.yaml',
        'networking/destination-rule-all.yaml',
        'networking/virtual-service-reviews-v3.yaml',
      ),
    );
    const plain = applied(b, {
      type: 'deletePath',
      docIndex: b.model.virtualServices[0]?.docIndex ?? -1,
      path: ['spec', 'http', 0, 'route', 0, 'destination', 'subset'],
    });
    const i = connectIntent(
      plain,
      'virtualservice:default/reviews',
      'http-0',
      'subset:default/reviews/v2',
      null,
    );
    expect(i).toMatchObject({ type: 'setValue', value: 'v2' });
    expect(routesOf(applied(plain, i), 'VirtualService default/reviews')).toEqual([['reviews/v2:']]);
  });
  it('to a Service in another namespace the host is written as an FQDN', () => {
    const t = `${canary}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ratings, namespace: other}\nspec: {selector: {app: ratings}}\n`;
    // Set, not inferred: with one namespace named in the text, resources without one would be read in it.
    const o = derive(t, { defaultNamespace: 'default' });
    expect(connectIntent(o, VS, 'http-0', 'service:other/ratings', null)).toMatchObject({
      type: 'connectRoute',
      target: { host: 'ratings.other.svc.cluster.local' },
    });
  });
  it('a Gateway onto a VirtualService binds it; a Deployment onto a DestinationRule adds its subset', () => {
    const b = derive(
      sample(
        'platform/kube/bookinfo.yaml',
        'networking/bookinfo-gateway.yaml',
        'networking/destination-rule-reviews.yaml',
      ),
    );
    const gw = b.graph.nodes.find((n) => n.kind === 'gateway');
    const vs = b.graph.nodes.find((n) => n.kind === 'virtualservice');
    expect(gw && vs).toBeTruthy();
    const bind = connectIntent(b, vs?.id ?? '', null, gw?.id ?? '', null);
    expect(bind).toMatchObject({ type: 'bindGateway', gateway: 'bookinfo-gateway' });
    const noV3 = applied(d, deleteIntent(d, { nodeId: 'subset:default/reviews/v3' }));
    const dr = connectIntent(
      noV3,
      'deployment:default/reviews-v3',
      null,
      'destinationrule:default/reviews',
      null,
    );
    expect(dr).toEqual({
      type: 'addSubsetForDeployment',
      drRef: 'DestinationRule default/reviews',
      deploymentRef: 'Deployment default/reviews-v3',
    });
    expect(applied(noV3, dr).model.destinationRules[0]?.subsets.map((s) => s.name)).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
  });
  it('says why a pair means nothing', () => {
    expect(connectIntent(d, 'service:default/reviews', null, 'deployment:default/reviews-v1', null)).toBe(
      'connecting a service to a deployment has no meaning here',
    );
    expect(connectIntent(d, VS, 'http-0', 'deployment:default/reviews-v1', null)).toBe(
      'a route goes to a subset, a Service or a ServiceEntry',
    );
    expect(connectIntent(d, VS, 'http-0', 'nope', null)).toBe('those nodes are not in the graph');
  });
});

describe('deleteIntent: Delete on the selection', () => {
  const d = derive(canary);
  it('a route edge removes that destination and rebalances', () => {
    const i = deleteIntent(d, { edgeId: 'route:default/reviews/http/0/1' });
    expect(i).toEqual({
      type: 'deleteDestination',
      vsRef: 'VirtualService default/reviews',
      protocol: 'http',
      routeIndex: 0,
      destIndex: 1,
    });
    expect(routesOf(applied(d, i), 'VirtualService default/reviews')).toEqual([['reviews/v1:100']]);
  });
  it('a subset node removes the subset; a resource node its resource', () => {
    const sub = applied(d, deleteIntent(d, { nodeId: 'subset:default/reviews/v2' }));
    expect(sub.model.destinationRules[0]?.subsets.map((s) => s.name)).toEqual(['v1', 'v3']);
    const dep = applied(d, deleteIntent(d, { nodeId: 'deployment:default/reviews-v3' }));
    expect(dep.model.workloads.map((w) => w.name)).toEqual(['reviews-v1', 'reviews-v2']);
  });
  it('a gateway binding edge removes that gateway from the VirtualService', () => {
    const b = derive(sample('networking/bookinfo-gateway.yaml'));
    const e = b.graph.edges.find((x) => x.kind === 'binds');
    const after = applied(b, deleteIntent(b, { edgeId: e?.id ?? '' }));
    expect(after.model.virtualServices[0]?.gateways).toEqual([]);
  });
  it('says why labels, missing nodes and nothing cannot be deleted', () => {
    const sel = d.graph.edges.find((x) => x.kind === 'selects');
    expect(deleteIntent(d, { edgeId: sel?.id ?? '' })).toMatch(/follows from labels/);
    const miss = derive(sample('networking/virtual-service-reviews-v3.yaml'));
    const m = miss.graph.nodes.find((n) => n.kind === 'missing');
    expect(deleteIntent(miss, { nodeId: m?.id ?? '' })).toMatch(/does not exist/);
    expect(deleteIntent(d, {})).toBe('nothing selected');
  });
});
