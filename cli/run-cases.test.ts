import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFiles } from './run-cases';
import { readTestCases } from './test-cases';

const F = join(__dirname, '../test/fixtures/cli');
const file = (p: string) => ({ name: p, text: readFileSync(join(F, p), 'utf8') });

function run(manifests: string[], cases: { name: string; text: string }[]) {
  return runFiles(manifests.map(file), readTestCases(cases)).report;
}

const verdicts = (r: ReturnType<typeof run>) => r.cases.map((c) => [c.testCase.description, c.passed]);

describe('runCases', () => {
  // bookinfo's Services: `reviews.default` reaches reviews through the DNS search path only when it exists.
  const mesh = ['check/bookinfo.yaml', 'routing/virtual-service-reviews-test-v2.yaml'];

  it('reads hosts with Istio semantics: short names, name.ns and FQDN are one host; wantMatch missing is false', () => {
    const r = run(mesh, [file('routing/reviews_test.yml')]);
    expect(verdicts(r)).toEqual([
      ['jason sees reviews v2, by short name or FQDN', true],
      ['everyone else sees v1', true],
      ['nobody but jason sees v2', true],
    ]);
    expect(r.cases[0]?.requests.map((q) => q.outcome)).toEqual([
      'default/reviews#http[0]',
      'default/reviews#http[0]',
      'default/reviews#http[0]',
    ]);
    expect(r.unreached).toEqual([]);
  });

  it('fails a case whose expectation does not hold, saying what was expected and what matched', () => {
    const text = readFileSync(join(F, 'routing/reviews_test.yml'), 'utf8').replace(
      'subset: v1',
      'subset: v3',
    );
    const r = run(mesh, [{ name: 'cases.yml', text }]);
    expect(verdicts(r)[1]).toEqual(['everyone else sees v1', false]);
    const bad = r.cases[1]?.requests[0];
    expect(bad?.outcome).toBe('default/reviews#http[1]');
    expect(bad?.problems[0]).toMatch(/^route: expected match with .*"subset":"v3".*, got .*"subset":"v1"/);
  });

  it('follows delegates and checks the delegate a root rule names', () => {
    const r = run(
      ['validator/delegate_virtualservice.yml'],
      [file('validator/virtualservice_delegate_test.yml')],
    );
    expect(verdicts(r)).toEqual([
      ['Delegate to merchants', true],
      ['Delegate to seller', true],
    ]);
    expect(r.cases[0]?.requests[0]?.outcome).toBe('example/merchants-delegate#http[0]');
  });

  it('a headers expectation that differs fails the delegated case', () => {
    const text = readFileSync(join(F, 'validator/virtualservice_delegate_test.yml'), 'utf8').replace(
      'x-custom-header: ok',
      'x-custom-header: no',
    );
    const r = run(['validator/delegate_virtualservice.yml'], [{ name: 't.yml', text }]);
    expect(verdicts(r)[0]).toEqual(['Delegate to merchants', false]);
    expect(r.cases[0]?.requests[0]?.problems[0]).toMatch(/^headers: /);
  });

  it('of two resources with one name, routes with the last applied (as kubectl apply leaves it)', () => {
    // multidocument_virtualservice.yml holds two VirtualServices example/example; the second has the fallback.
    const cases = {
      name: 'c.yml',
      text: `testCases:
  - description: fallback to the monolith
    wantMatch: true
    request: { authority: [example.com], method: [GET], uri: [/anything] }
    route: [{ destination: { host: monolith.monolith.svc.cluster.local } }]
`,
    };
    expect(verdicts(run(['validator/multidocument_virtualservice.yml'], [cases]))).toEqual([
      ['fallback to the monolith', true],
    ]);
  });

  it('reports an empty request list instead of passing it', () => {
    const r = run(mesh, [
      {
        name: 'e.yml',
        text: 'testCases:\n  - description: no uri\n    request: { authority: [reviews], method: [GET] }\n    status: 404\n',
      },
    ]);
    expect(r.cases[0]).toMatchObject({ passed: false, error: 'request.uri list is empty' });
  });
});
