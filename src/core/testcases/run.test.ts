import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { parseTestCases } from './parse';
import { runCases } from './run';

const B = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const read = (p: string) => readFileSync(join(B, p), 'utf8');
const { model } = derive(
  [
    read('platform/kube/bookinfo.yaml'),
    read('networking/destination-rule-all.yaml'),
    read('networking/virtual-service-reviews-jason-v2-v3.yaml'),
  ].join('\n---\n'),
);
const run = (text: string) => runCases(model, parseTestCases('c.yaml', text).cases, 'default');

describe('runCases with our keys', () => {
  it('a workload source sends its pod labels and namespace; one not in the manifests is the case error', () => {
    const r = run(`testCases:
  - description: from productpage
    source: Deployment default/productpage-v1
    request: { authority: [reviews], method: [GET], uri: [/], headers: { end-user: jason } }
    shares: reviews v2
  - description: from nowhere
    source: Deployment default/nope
    request: { authority: [reviews], method: [GET], uri: [/] }
    shares: reviews v3
`);
    expect(r.cases.map((c) => [c.passed, c.error])).toEqual([
      [true, undefined],
      [false, 'source Deployment default/nope is not in the manifests'],
    ]);
    expect(r.cases[0]?.requests[0]?.went).toBe('reviews v2 100%');
  });

  it('wantMatch false inverts each of our expectations', () => {
    const r = run(`testCases:
  - description: jason does not see v3
    wantMatch: false
    request: { authority: [reviews], method: [GET], uri: [/], headers: { end-user: jason } }
    shares: reviews v3
  - description: jason does not see v2
    wantMatch: false
    request: { authority: [reviews], method: [GET], uri: [/], headers: { end-user: jason } }
    shares: reviews v2
`);
    expect(r.cases.map((c) => c.passed)).toEqual([true, false]);
    expect(r.cases[1]?.requests[0]?.problems).toEqual([
      'shares: expected not reviews v2 100%, got reviews v2 100%',
    ]);
  });

  it('coverage: every http rule with its document and path, reached or not', () => {
    const r = run(`testCases:
  - description: jason
    request: { authority: [reviews], method: [GET], uri: [/], headers: { end-user: jason } }
    status: 200
`);
    expect(r.rules.map((x) => [x.id, x.path.join('/'), x.reached])).toEqual([
      ['default/reviews#http[0]', 'spec/http/0', true],
      ['default/reviews#http[1]', 'spec/http/1', false],
    ]);
    expect(r.unreached).toEqual(['default/reviews#http[1]']);
  });
});
