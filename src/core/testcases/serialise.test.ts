import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { createRequest } from '../simulate/request';
import { casesToRequests } from './import';
import { parseTestCases } from './parse';
import { runCases } from './run';
import { serialiseCases, type RequestCase } from './serialise';
import { unfold } from './unfold';

const B = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const read = (p: string) => readFileSync(join(B, p), 'utf8');
const text = [
  read('platform/kube/bookinfo.yaml'),
  read('networking/destination-rule-all.yaml'),
  read('networking/bookinfo-gateway.yaml'),
  read('networking/virtual-service-reviews-80-20.yaml'),
].join('\n---\n');

const saved: RequestCase[] = [
  {
    name: 'productpage sees the 80/20 split',
    request: createRequest({
      host: 'reviews',
      port: 9080,
      path: '/reviews/1?x=1',
      headers: { 'end-user': 'jason' },
      sourceLabels: { app: 'productpage' },
    }),
    expect: {
      shares: [
        { host: 'reviews', subset: 'v1', percent: 80 },
        { host: 'reviews', subset: 'v2', percent: 20 },
      ],
    },
  },
  {
    name: 'gateway 404',
    request: createRequest({ host: 'bookinfo.com', path: '/admin', gateway: 'default/bookinfo-gateway' }),
    expect: { status: 404 },
  },
  { name: 'no expectation', request: createRequest({ host: 'reviews' }), expect: undefined },
  {
    name: 'tcp',
    request: createRequest({ host: 'mongo', protocol: 'tcp' }),
    expect: { status: 'routed' },
  },
];

describe('serialiseCases', () => {
  it('writes our format; reading it back gives the same requests, and its test runs them to pass', () => {
    const { text: file, skipped } = serialiseCases(saved);
    expect(skipped).toEqual([
      'no expectation: no expectation',
      'tcp: tcp requests cannot be written as test cases',
    ]);
    expect(file).toContain('shares: reviews v1 80%, v2 20%');
    expect(file).toContain('gateway: default/bookinfo-gateway');
    const { cases, errors } = parseTestCases('t.yaml', file);
    expect(errors).toEqual([]);
    const { model } = derive(text);
    // The case stands for exactly the saved request: same host, path, query, headers, port, source.
    expect(unfold(model, cases[0]!, 'elsewhere').requests).toEqual([saved[0]!.request]);
    expect(unfold(model, cases[1]!, 'elsewhere').requests).toEqual([saved[1]!.request]);
    const report = runCases(model, cases, 'default');
    expect(report.cases.map((c) => [c.testCase.description, c.passed])).toEqual([
      ['productpage sees the 80/20 split', true],
      ['gateway 404', true],
    ]);
  });

  it('import reads the cases back as saved requests, their route as shares, and says what it skips', () => {
    const { model } = derive(text);
    const theirs = `testCases:
  - description: theirs
    wantMatch: true
    request: { authority: [reviews, ratings], method: [GET], uri: [/] }
    route:
      - destination: { host: reviews, subset: v1 }
        weight: 75
      - destination: { host: reviews, subset: v2 }
        weight: 25
  - description: negative
    request: { authority: [reviews], method: [GET], uri: [/] }
    route: [{ destination: { host: reviews, subset: v3 } }]
  - description: rewrite only
    wantMatch: true
    request: { authority: [reviews], method: [GET], uri: [/] }
    rewrite: { uri: /x }
`;
    const { requests, skipped } = casesToRequests(model, parseTestCases('x', theirs).cases, 'default');
    expect(requests.map((r) => [r.name, r.request.host, r.expect])).toEqual([
      [
        'theirs',
        'reviews',
        {
          shares: [
            { host: 'reviews', subset: 'v1', percent: 75 },
            { host: 'reviews', subset: 'v2', percent: 25 },
          ],
        },
      ],
    ]);
    expect(skipped).toEqual([
      'negative: wantMatch false (a saved request expects what should happen)',
      'rewrite only: no expectation the simulator can show',
    ]);
  });
});
