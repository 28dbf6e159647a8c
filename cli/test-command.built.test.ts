import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useBuiltIts } from './built-its.test-helper';

// `its test` run as CI runs it: the built file (built here, as its.built.test.ts does), golden outputs.
const F = 'test/fixtures/cli';
const MESH = [
  `${F}/check/bookinfo.yaml`,
  `${F}/check/destination-rule-all.yaml`,
  `${F}/ours/bookinfo-gateway.yaml`,
  `${F}/ours/virtual-service-reviews-80-20.yaml`,
];
const its = useBuiltIts('its-test-');
const run = (args: string[], env?: Record<string, string>) => its.run(args, { env });

const golden = (name: string): string => readFileSync(join(ROOT, F, 'golden', name), 'utf8');

function casesWith(from: string, to: string): string {
  const text = readFileSync(join(ROOT, F, 'ours/bookinfo_test.yaml'), 'utf8');
  expect(text).toContain(from);
  const file = join(its.dir(), `cases-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text.replace(from, to));
  return file;
}

describe('its test (built file)', { timeout: 30_000 }, () => {
  it('runs our format (source, port, query, shares, clusters, status) to the golden report, exit 0', () => {
    const r = run(['test', '-t', `${F}/ours/bookinfo_test.yaml`, ...MESH]);
    expect(r.out).toBe(golden('ours.txt'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('a share that does not hold fails with the difference, exit 1', () => {
    const r = run([
      'test',
      '-t',
      casesWith('shares: reviews v1 80%, v2 20%', 'shares: reviews v1 80%, v2 30%'),
      ...MESH,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  productpage sees reviews v1 80%, v2 20%');
    expect(r.out).toContain('shares: expected reviews v1 80%, v2 30%, got reviews v1 80%, v2 20%');
    expect(r.out).toMatch(/5 cases, 6 requests: 4 passed, 1 failed/);
  });

  it('a status and clusters that do not hold fail, each saying what happened', () => {
    const status = run(['test', '-t', casesWith('status: 404', 'status: redirect'), ...MESH]);
    expect(status.code).toBe(1);
    expect(status.out).toContain('status: expected redirect, got no-match (404)');
    const clusters = run(['test', '-t', casesWith('|v2|reviews', '|v3|reviews'), ...MESH]);
    expect(clusters.out).toContain(
      'clusters: expected outbound|9080|v1|reviews.default.svc.cluster.local, outbound|9080|v3|reviews.default.svc.cluster.local, got',
    );
  });

  it('-o json gives each case, coverage, and each unreached rule at its file and line', () => {
    const r = run(['test', '-o', 'json', '-t', `${F}/validator/`, `${F}/validator/`]);
    const json = JSON.parse(r.out) as {
      cases: { passed: boolean }[];
      coverage: { rules: number; reached: number };
      unreached: { rule: string; file: string; line: number }[];
    };
    expect(json.cases.map((c) => c.passed)).toEqual([true, true, true, true]);
    expect(json.coverage).toEqual({ rules: 10, reached: 5 });
    expect(json.unreached[0]).toEqual({
      rule: 'example/merchants#http[2]',
      file: `${F}/validator/delegate_virtualservice.yml`,
      line: 22,
    });
    expect(json.unreached.map((u) => u.line)).toEqual([22, 55, 21, 31, 45]);
  });

  it('colours PASS/FAIL only when asked or on a terminal', () => {
    const args = ['test', '-t', `${F}/ours/bookinfo_test.yaml`, ...MESH];
    expect(run(args).out).not.toContain('\x1b[');
    expect(run([...args, '--color']).out).toContain('\x1b[32mPASS\x1b[0m');
  });

  it('says what it read on stderr when the input is big (over 1 MB), and nothing for a small one', () => {
    const big = join(its.dir(), 'big.yaml');
    const bookinfo = readFileSync(join(ROOT, F, 'check/bookinfo.yaml'), 'utf8');
    writeFileSync(big, `${bookinfo}\n# ${'x'.repeat(1_100_000)}\n`);
    const r = run(['test', '-t', `${F}/ours/bookinfo_test.yaml`, big, ...MESH.slice(1)]);
    expect(r.err).toMatch(
      /^its: reading 4 files \(1,\d{3} KB\)…\nits: read 4 files, \d+ resources; ran 5 cases\n$/,
    );
    expect(r.code).toBe(0);
  });

  it('a value of ours it cannot read is exit 2 at its file, line and column', () => {
    const file = casesWith('shares: reviews v1 80%, v2 20%', 'shares: reviews v1 v2 v3');
    const r = run(['test', '-t', file, ...MESH]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:12:5: shares: cannot read "reviews v1 v2 v3"`);
  });
});
