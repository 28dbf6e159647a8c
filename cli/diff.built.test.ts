import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useBuiltIts } from './built-its.test-helper';

// `its diff` through the built file, as CI runs it (see built-its.test-helper.ts).
const F = 'test/fixtures/compare';
const its = useBuiltIts('its-diff-');
const run = (args: string[], input?: string) => its.run(['diff', ...args], { input });

const golden = (name: string): string => readFileSync(join(ROOT, F, 'golden', name), 'utf8');
const SHOP = [`${F}/shop-base.yaml`, `${F}/shop-head.yaml`];

describe('its diff (built file)', { timeout: 30_000 }, () => {
  it('text: the review scenario, risks first, with file:line', () => {
    const r = run(SHOP);
    expect(r.out).toBe(golden('shop.txt'));
    expect(r.code).toBe(0);
  });

  it('markdown: the share change with both numbers, the 503 risk, the new rule, the moved requests', () => {
    const r = run([...SHOP, '-o', 'markdown']);
    expect(r.out).toBe(golden('shop.md'));
    expect(r.out).toContain('| checkout | all other requests | v1 | 70% | 50% |');
    expect(r.out).toMatch(
      /#### Risks\n\n- ⚠️ \*\*DestinationRule shop\/checkout\*\*: .*subset canary removed.*503/,
    );
    expect(r.out).toContain('new rule "premium" for requests with header x-tier = premium');
    expect(r.out).toContain('| checkout v1 70%, checkout v2 30% | checkout v2 100% |');
  });

  it('json: the documented shape, without large text fields', () => {
    const r = run([...SHOP, '-o', 'json']);
    const j = JSON.parse(r.out);
    expect(j).toEqual(JSON.parse(golden('shop.json')));
    expect(Object.keys(j)).toEqual([
      'summary',
      'risk',
      'resources',
      'meanings',
      'behaviour',
      'findings',
      'phases',
      'notes',
      'requestsTraced',
    ]);
    expect(r.out).not.toContain('baseText');
    expect(r.out).not.toContain('"yaml"');
    expect(j.risk).toBe(true);
    const share = j.meanings.find((m: { kind: string }) => m.kind === 'share');
    expect(share.share.deltas).toEqual([
      { destination: 'v1', before: 70, after: 50 },
      { destination: 'v2', before: 30, after: 50 },
    ]);
    expect(share.file).toBe(`${F}/shop-head.yaml`);
  });

  it('-t adds the requests of routing test cases to the behaviour table', () => {
    const cases = join(its.dir(), 'cart_test.yaml');
    writeFileSync(
      cases,
      'testCases:\n  - description: a beta tester opens the cart\n    request: { authority: [checkout], method: [GET], uri: [/cart], headers: { x-beta: "yes" } }\n    status: 200\n',
    );
    const r = run([...SHOP, '-t', cases]);
    expect(r.out).toContain(
      '! a beta tester opens the cart: GET http://checkout/cart (x-beta: yes) from shop',
    );
    expect(run(SHOP).out).not.toContain('a beta tester opens the cart');
    expect(run([...SHOP, '-t', join(its.dir(), 'none.yaml')]).code).toBe(2);
  });

  it('--fail-on risk exits 1 on a risk, 0 without one', () => {
    expect(run([...SHOP, '--fail-on', 'risk']).code).toBe(1);
    const safe = [`${F}/virtual-service-reviews-80-20.yaml`, `${F}/virtual-service-reviews-50-v3.yaml`];
    const r = run([...safe, '--fail-on', 'risk']);
    expect([r.code, r.out.split('\n')[0]]).toEqual([
      0,
      'OK: 1 resource changed, 0 added, 0 removed; 1 request now goes elsewhere.',
    ]);
  });

  it('unusable input exits 2 and names the file and line', () => {
    const r = run([`${F}/shop-base.yaml`, '-'], 'kind: Service\nmetadata: [unclosed\n');
    expect(r.code).toBe(2);
    // The parser reports the unclosed flow sequence where the input ends (line 3).
    expect(r.err).toMatch(/^its: <stdin>:3:1: cannot read this YAML/);
    expect(run([`${F}/shop-base.yaml`]).code).toBe(2);
    expect(run([...SHOP, '-o', 'yaml']).err).toContain('expected text, markdown or json');
    expect(run([...SHOP, '--fail-on', 'warning']).code).toBe(2);
  });

  it('--help describes the command and exits 0', () => {
    const r = run(['--help']);
    expect([r.code, r.out.split('\n')[0]]).toEqual([0, 'Usage: its diff <base> <head> [flags]']);
  });
});
