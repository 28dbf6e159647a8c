import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTestCases } from './parse';

const F = join(__dirname, '../../../test/fixtures/cli');
const read = (p: string) => readFileSync(join(F, p), 'utf8');

describe('parseTestCases', () => {
  it("reads istio-config-validator's files as they are: wantMatch missing is false when theirs are stated", () => {
    const { cases, errors } = parseTestCases('v.yml', read('validator/virtualservice_test.yml'));
    expect(errors).toEqual([]);
    expect(cases.map((c) => [c.description, c.line, c.wantMatch])).toEqual([
      ['happy path users', 2, true],
      ['Partner service only accepts GET or OPTIONS', 15, false],
    ]);
    expect(cases[0]?.request).toMatchObject({
      authority: ['www.example.com', 'example.com'],
      method: ['GET', 'POST'],
      uri: ['/users', '/users/'],
      headers: { 'x-user-id': 'abc123' },
      source: undefined,
    });
    expect(cases[0]?.their.route).toEqual([
      { destination: { host: 'users.users.svc.cluster.local', port: { number: 80 } } },
    ]);
    const reviews = parseTestCases('r.yml', read('routing/reviews_test.yml')).cases;
    expect(reviews[2]?.wantMatch).toBe(false);
  });

  it('reads their first format: one destination, isMatch, and a match wanted when isMatch is left out', () => {
    const text = `testCases:
  - description: users
    request: { authority: [example.com], method: [GET], uri: [/users] }
    destination: { host: users.users.svc.cluster.local, port: { number: 80 } }
  - description: partners refuse PUT
    request: { authority: [example.com], method: [PUT], uri: [/partners] }
    destination: { host: partner.partner.svc.cluster.local }
    isMatch: false
`;
    const { cases, errors } = parseTestCases('old.yml', text);
    expect(errors).toEqual([]);
    expect(cases.map((c) => [c.description, c.wantMatch, c.their.route])).toEqual([
      ['users', true, [{ destination: { host: 'users.users.svc.cluster.local', port: { number: 80 } } }]],
      ['partners refuse PUT', false, [{ destination: { host: 'partner.partner.svc.cluster.local' } }]],
    ]);
  });

  it('refuses a case that states nothing to check, at its line (it would pass whatever the mesh does)', () => {
    const text = `testCases:
  - description: nothing
    request: { authority: [example.com], method: [GET], uri: [/] }
`;
    const { errors } = parseTestCases('empty.yml', text);
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('states no expectation') }),
    ]);
  });

  it('reads our keys: source, port, query, shares, clusters, status; wantMatch missing is true with ours only', () => {
    const text = `testCases:
  - description: jason from productpage
    source: Deployment default/productpage-v1
    request: { authority: [reviews], method: [GET], uri: ["/r?x=1"], headers: { end-user: jason } }
    port: 9080
    query: { a: b }
    shares: reviews v1 80%, v2 20%
    clusters: [outbound|9080|v1|reviews.default.svc.cluster.local]
  - description: through the gateway
    source: istio-system/ingress
    request: { authority: [bookinfo.com], method: [GET], uri: [/nope] }
    status: 404
  - description: labels
    source: { namespace: shop, labels: { app: web } }
    request: { authority: [reviews], method: [GET], uri: [/] }
    status: redirect
    wantMatch: false
`;
    const { cases, errors } = parseTestCases('ours.yml', text);
    expect(errors).toEqual([]);
    expect(cases[0]).toMatchObject({
      wantMatch: true,
      request: {
        port: 9080,
        query: { a: 'b' },
        source: { kind: 'workload', ref: 'Deployment default/productpage-v1' },
      },
      ours: {
        shares: [
          { host: 'reviews', subset: 'v1', percent: 80 },
          { host: 'reviews', subset: 'v2', percent: 20 },
        ],
        clusters: ['outbound|9080|v1|reviews.default.svc.cluster.local'],
      },
    });
    expect(cases[1]?.request.source).toEqual({ kind: 'gateway', gateway: 'istio-system/ingress' });
    expect(cases[1]?.ours.status).toBe(404);
    expect(cases[2]?.request.source).toEqual({ kind: 'labels', namespace: 'shop', labels: { app: 'web' } });
    expect(cases[2]?.wantMatch).toBe(false);
  });

  it('reads older files of ours (request.gateway, sourceNamespace, sourceLabels, port)', () => {
    const text = `testCases:
  - description: a
    request: { authority: [x], method: [GET], uri: [/], gateway: istio-system/gw, port: 80 }
  - description: b
    request: { authority: [x], method: [GET], uri: [/], sourceNamespace: shop, sourceLabels: { app: web } }
`;
    const { cases } = parseTestCases('old.yml', text);
    expect(cases[0]?.request.source).toEqual({ kind: 'gateway', gateway: 'istio-system/gw' });
    expect(cases[0]?.request.port).toBe(80);
    expect(cases[1]?.request.source).toEqual({ kind: 'labels', namespace: 'shop', labels: { app: 'web' } });
  });

  it('an unreadable value of ours is an error at its key, and the other cases are kept', () => {
    const text = `testCases:
  - description: bad shares
    request: { authority: [x], method: [GET], uri: [/] }
    shares: reviews v1 v2 v3
  - description: bad status
    request: { authority: [x], method: [GET], uri: [/] }
    status: teapot
  - description: bad source
    source: somewhere
    request: { authority: [x], method: [GET], uri: [/] }
  - description: fine
    request: { authority: [x], method: [GET], uri: [/] }
    status: 404
`;
    const { cases, errors } = parseTestCases('bad.yml', text);
    expect(errors.map((e) => [e.line, e.column, e.message.split(':')[0]])).toEqual([
      [4, 5, 'shares'],
      [7, 5, 'status'],
      [9, 5, 'source'],
    ]);
    expect(cases.map((c) => c.description)).toContain('fine');
  });

  it('a syntax error is an error at its line; documents without testCases are skipped', () => {
    const { cases, errors } = parseTestCases('s.yml', 'testCases:\n  - description: a\n   bad: [\n');
    expect(cases).toEqual([]);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parseTestCases('m.yml', read('validator/virtualservice.yml'))).toEqual({ cases: [], errors: [] });
  });
});
