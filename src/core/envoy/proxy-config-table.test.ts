import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusters, buildRoutes, type EnvoyRoute } from './index';
import { derive } from '../derive';
import { clusterAttr, clusterRows, clustersTable, describeMatch, routeRows } from './proxy-config-table';

const d = derive(readFileSync('src/examples/ab-header.yaml', 'utf8'));
const proxy = { kind: 'sidecar' as const, namespace: 'default', labels: { app: 'productpage' } };
const fqdn = 'reviews.default.svc.cluster.local';

describe('routeRows', () => {
  const rows = routeRows(buildRoutes(d.model, proxy)).filter((r) => r.vhost === `${fqdn}:9080`);
  it('lists the reviews routes in order with istioctl columns', () => {
    expect(rows.map((r) => [r.routeConfig, r.match, r.virtualService, r.cluster])).toEqual([
      ['9080', '/* end-user=jason', 'reviews.default', `outbound|9080|v2|${fqdn}`],
      ['9080', '/*', 'reviews.default', `outbound|9080|v1|${fqdn}`],
    ]);
    expect(rows[0]?.domains.split(', ')).toContain('reviews');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

describe('describeMatch', () => {
  it('writes exact paths, regexes, inverted headers and query parameters', () => {
    expect(describeMatch({ path: '/login' })).toBe('/login');
    expect(describeMatch({ safeRegex: '/api/v[0-9]+' })).toBe('/api/v[0-9]+ (regex)');
    expect(
      describeMatch({
        prefix: '/a',
        headers: [
          { name: 'x', prefix: 'b', invertMatch: true },
          { name: 'y', present: true },
        ],
        queryParameters: [{ name: 'q', safeRegex: 'z.*' }],
      }),
    ).toBe('/a* !x^=b y ?q~=z.*');
  });
});

describe('clusterAttr', () => {
  const base: EnvoyRoute = { name: 'r', match: { prefix: '/' } };
  it('joins weighted clusters as name:weight', () => {
    const r = {
      ...base,
      route: {
        weightedClusters: [
          { name: 'a', weight: 90 },
          { name: 'b', weight: 10 },
        ],
      },
    };
    expect(clusterAttr(r)).toBe('a:90,b:10');
  });
  it('is empty for a route without a cluster (redirect, direct response)', () => {
    expect(clusterAttr({ ...base, directResponse: { status: 404 } })).toBe('');
  });
});

it('clusterRows sorts by FQDN, port and subset as istioctl lists them', () => {
  const rows = clusterRows(buildClusters(d.model, proxy)).filter((c) => c.serviceFqdn === fqdn);
  expect(rows.map((c) => c.subset)).toEqual(['', 'v1', 'v2']);
});

it('gives a virtual host without routes one line, as istioctl prints it (/*, 404)', () => {
  const rows = routeRows([
    { name: 'http.80', virtualHosts: [{ name: 'blackhole:80', domains: ['*'], routes: [] }] },
  ]);
  expect(rows.map((r) => [r.routeConfig, r.vhost, r.match, r.virtualService, r.cluster, r.route])).toEqual([
    ['http.80', 'blackhole:80', '/*', '404', '', undefined],
  ]);
});

it("prints Envoy's own clusters and the inbound ones as istioctl does (name in SERVICE FQDN, '-' columns)", () => {
  // istioctl's PrintClusterSummary: a name without `|` fills SERVICE FQDN and gets '-' for PORT, SUBSET and
  // DIRECTION; `inbound|9080||` is parsed as a subset key, so its FQDN is empty.
  const reviews = { ...proxy, labels: { app: 'reviews', version: 'v1' } };
  const lines = clustersTable(buildClusters(d.model, reviews)).split('\n');
  const cells = (prefix: string) =>
    lines.filter((l) => l.startsWith(prefix)).map((l) => l.trim().split(/\s{3,}/));
  expect(cells('SERVICE FQDN')).toEqual([
    ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'],
  ]);
  expect(cells('BlackHoleCluster')).toEqual([['BlackHoleCluster', '-', '-', '-', 'STATIC']]);
  expect(cells('InboundPassthroughCluster')).toEqual([
    ['InboundPassthroughCluster', '-', '-', '-', 'ORIGINAL_DST'],
  ]);
  expect(cells('PassthroughCluster')).toEqual([['PassthroughCluster', '-', '-', '-', 'ORIGINAL_DST']]);
  // Sorted as Go compares strings, the empty FQDN of the inbound cluster comes first, right after the header.
  expect(lines[1]?.trim().split(/\s{3,}/)).toEqual(['9080', '-', 'inbound', 'ORIGINAL_DST']);
  expect(lines[1]?.startsWith(' ')).toBe(true);
});
