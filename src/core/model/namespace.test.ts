import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { buildModel } from './build-model';
import { isClusterScoped, resolveDefaultNamespace, type DeriveOptions } from './namespace';

const TRAVELS = join(__dirname, '../../../test/fixtures/kiali-travels');
const travelAgency = readFileSync(join(TRAVELS, 'travel_agency.yaml'), 'utf8');
const travelsRouting = readFileSync(join(TRAVELS, 'travels-routing.yaml'), 'utf8');

function model(text: string, options?: DeriveOptions) {
  const parsed = parseText(text);
  return buildModel(
    parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: false })),
    options,
  );
}

const doc = (kind: string, name: string, ns?: string, apiVersion = 'v1') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;

const svc = (name: string, ns?: string) => doc('Service', name, ns);

describe('namespace for resources without one', () => {
  it('is `default` (fallback) when the text names no namespace', () => {
    const m = model(travelAgency);
    expect(m.defaultNamespace).toEqual({ name: 'default', source: 'fallback', named: [] });
    expect(m.services.map((s) => s.ref)).toContain('Service default/travels');
  });

  it('is the one namespace the other resources name (kiali travels applied with -n travel-agency)', () => {
    const m = model(`${travelAgency}${travelsRouting}`);
    expect(m.defaultNamespace).toEqual({
      name: 'travel-agency',
      source: 'inferred',
      named: ['travel-agency'],
    });
    const travels = m.services.find((s) => s.name === 'travels');
    expect(travels?.namespace).toBe('travel-agency');
    expect(travels?.namespaceExplicit).toBe(false);
    expect(travels?.fqdn).toBe('travels.travel-agency.svc.cluster.local');
    expect(m.workloads.find((w) => w.name === 'travels-v1')?.ref).toBe('Deployment travel-agency/travels-v1');
    // The Secret is namespaced too: it goes with the rest.
    expect(m.others.find((o) => o.kind === 'Secret')?.namespace).toBe('travel-agency');
  });

  it('is `default` when the text names two namespaces, and says which', () => {
    const m = model([svc('a'), svc('b', 'travel'), svc('c', 'shop')].join('---\n'));
    expect(m.defaultNamespace).toEqual({ name: 'default', source: 'fallback', named: ['shop', 'travel'] });
    expect(m.services.map((s) => s.ref)).toEqual(['Service default/a', 'Service travel/b', 'Service shop/c']);
  });

  it('does not count cluster-scoped kinds (a Namespace names a namespace without being in one)', () => {
    const text = [
      doc('Namespace', 'other'),
      doc('ClusterRole', 'reader', 'ignored', 'rbac.authorization.k8s.io/v1'),
      svc('a'),
      svc('b', 'travel'),
    ].join('---\n');
    const m = model(text);
    expect(m.defaultNamespace).toEqual({ name: 'travel', source: 'inferred', named: ['travel'] });
    expect(m.services[0]?.namespace).toBe('travel');
    expect(isClusterScoped('ClusterRole')).toBe(true);
    expect(isClusterScoped('Service')).toBe(false);
  });

  it('reads the items of a kind: List', () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: a }
  - apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: a, namespace: travel }
    spec: { hosts: [a], http: [{ route: [{ destination: { host: a } }] }] }
`;
    const m = model(list);
    expect(m.defaultNamespace.name).toBe('travel');
    expect(m.services[0]?.ref).toBe('Service travel/a');
    expect(m.virtualServices[0]?.routes[0]?.destinations[0]?.fqdn).toBe('a.travel.svc.cluster.local');
  });

  it('takes the person’s setting over inference, and a blank setting infers again', () => {
    const text = `${travelAgency}${travelsRouting}`;
    const set = model(text, { defaultNamespace: 'default' });
    expect(set.defaultNamespace).toEqual({ name: 'default', source: 'set', named: ['travel-agency'] });
    expect(set.services.find((s) => s.name === 'travels')?.ref).toBe('Service default/travels');
    // Resources that name a namespace keep it whatever the setting.
    expect(set.virtualServices[0]?.ref).toBe('VirtualService travel-agency/travels');
    expect(model(text, { defaultNamespace: '  ' }).defaultNamespace.source).toBe('inferred');
    expect(model(svc('a'), { defaultNamespace: ' shop ' }).services[0]?.ref).toBe('Service shop/a');
  });

  it('rebuilds cached resources when the namespace changes between builds of the same values', () => {
    const parsed = parseText(`${svc('a')}---\n${svc('b', 'travel')}`);
    const inputs = parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: false }));
    expect(buildModel(inputs).services[0]?.namespace).toBe('travel');
    expect(buildModel(inputs, { defaultNamespace: 'x' }).services[0]?.namespace).toBe('x');
    expect(buildModel(inputs).services[0]?.namespace).toBe('travel');
  });

  it('ignores values that are not objects', () => {
    expect(resolveDefaultNamespace([null, 'text', 3, [1], undefined]).name).toBe('default');
  });
});
