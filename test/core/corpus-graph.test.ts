import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/core/derive';
import { layoutGraph } from '../../src/core/graph/layout';

const root = 'test/fixtures/corpus';
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(join(root, p)).isDirectory()) return yamlFiles(p);
    return /\.(ya?ml|tmpl)$/.test(f) ? [p] : [];
  });
}

describe('every corpus file', () => {
  const files = [...yamlFiles('istio'), ...yamlFiles('wild'), ...yamlFiles('istio-analyzer-testdata')];
  it('finds the corpus', () => expect(files.length).toBeGreaterThan(100));
  it.each(files)('%s derives and lays out without a crash', (f) => {
    const d = derive(read(f));
    const positions = layoutGraph(d.graph);
    for (const n of d.graph.nodes) expect(positions.has(n.id)).toBe(true);
    const ids = new Set(d.graph.nodes.map((n) => n.id));
    for (const e of d.graph.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
  });
});

const bookinfo = (p: string) => read(`istio/samples/bookinfo/${p}`);

describe('bookinfo + destination-rule-all + reviews 80/20', () => {
  const d = derive(
    [
      bookinfo('platform/kube/bookinfo.yaml'),
      bookinfo('networking/destination-rule-all.yaml'),
      bookinfo('networking/virtual-service-reviews-80-20.yaml'),
    ].join('\n---\n'),
  );
  it('models Services, Deployments, rules; other kinds kept', () => {
    expect(d.model.services.map((s) => s.name).sort()).toEqual([
      'details',
      'productpage',
      'ratings',
      'reviews',
    ]);
    expect(d.model.workloads).toHaveLength(6);
    expect(d.model.destinationRules).toHaveLength(4);
    expect(d.model.virtualServices).toHaveLength(1);
    expect(new Set(d.model.others.map((o) => o.kind))).toEqual(new Set(['ServiceAccount']));
  });
  it('gives the three reviews subsets, each selecting its Deployment', () => {
    for (const v of ['v1', 'v2', 'v3']) {
      const sub = `subset:default/reviews/${v}`;
      expect(d.graph.nodes.find((n) => n.id === sub)?.parentId).toBe('destinationrule:default/reviews');
      const selects = d.graph.edges
        .filter((e) => e.kind === 'selects' && e.source === sub)
        .map((e) => e.target);
      expect(selects).toEqual([`deployment:default/reviews-${v}`]);
    }
  });
  it('draws two route edges, 80% and 20%', () => {
    const routes = d.graph.edges.filter((e) => e.kind === 'route');
    expect(routes.map((e) => [e.id, e.target, e.percent])).toEqual([
      ['route:default/reviews/http/0/0', 'subset:default/reviews/v1', 80],
      ['route:default/reviews/http/0/1', 'subset:default/reviews/v2', 20],
    ]);
  });
  it('the Service selects every version', () => {
    const t = d.graph.edges.filter((e) => e.source === 'service:default/reviews').map((e) => e.target);
    expect(t.sort()).toEqual([
      'deployment:default/reviews-v1',
      'deployment:default/reviews-v2',
      'deployment:default/reviews-v3',
    ]);
  });
});

describe('other real inputs', () => {
  it('flattens kind: List into its items', () => {
    const d = derive(read('istio-analyzer-testdata/analyze-list-type.yaml'));
    expect(d.model.gateways.map((g) => g.name).sort()).toEqual(['alpha', 'alpha-l', 'beta-l']);
    const item = d.model.gateways.find((g) => g.name === 'beta-l');
    expect(item?.basePath).toEqual(['items', 0]);
  });
  it('binds a VirtualService to its Gateway', () => {
    const d = derive(bookinfo('networking/bookinfo-gateway.yaml'));
    expect(d.graph.edges.filter((e) => e.kind === 'binds').map((e) => e.id)).toEqual([
      'binds:gateway:default/bookinfo-gateway->virtualservice:default/bookinfo',
    ]);
  });
  it('draws a subset nobody defines as a red missing node', () => {
    const vs = bookinfo('networking/virtual-service-reviews-v3.yaml').replace('subset: v3', 'subset: v9');
    const d = derive([bookinfo('networking/destination-rule-reviews.yaml'), vs].join('\n---\n'));
    const e = d.graph.edges.find((x) => x.id === 'route:default/reviews/http/0/0');
    expect(e?.target).toBe('missing:reviews.default.svc.cluster.local/v9');
    expect(d.graph.nodes.find((n) => n.id === e?.target)?.kind).toBe('missing');
  });
  it('draws tcp routes with weights and mirror edges', () => {
    const tcp = derive(
      [
        read('istio/samples/tcp-echo/tcp-echo-services.yaml'),
        read('istio/samples/tcp-echo/tcp-echo-20-v2.yaml'),
      ].join('\n---\n'),
    );
    const routes = tcp.graph.edges.filter((e) => e.kind === 'route').map((e) => [e.id, e.percent]);
    expect(routes).toEqual([
      ['route:default/tcp-echo/tcp/0/0', 80],
      ['route:default/tcp-echo/tcp/0/1', 20],
    ]);
    const mirror = derive(
      read(
        'wild/redhat-scholars__istio-tutorial__istiofiles_virtual-service-recommendation-v1-mirror-v2.yml',
      ),
    );
    expect(mirror.graph.edges.some((e) => e.kind === 'mirror')).toBe(true);
  });
  it('treats Gateway API Gateways as other kinds, not Istio Gateways', () => {
    const d = derive(read('wild/GoogleCloudPlatform__microservices-demo__release_istio-manifests.yaml'));
    expect(
      d.model.others.some(
        (o) => o.kind === 'Gateway' && o.apiVersion.startsWith('gateway.networking.k8s.io'),
      ),
    ).toBe(true);
    expect(d.model.gateways.every((g) => g.apiVersion.startsWith('networking.istio.io'))).toBe(true);
  });
  it('reads v1alpha3, v1beta1 and v1 alike', () => {
    const vs = (v: string) =>
      `apiVersion: networking.istio.io/${v}\nkind: VirtualService\nmetadata: {name: r}\nspec:\n  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r}\n`;
    for (const v of ['v1alpha3', 'v1beta1', 'v1'])
      expect(derive(vs(v)).model.virtualServices).toHaveLength(1);
  });
});
