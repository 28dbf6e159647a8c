import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useBuiltIts } from './built-its.test-helper';

// These tests run the built file, as CI does (see built-its.test-helper.ts).
const F = 'test/fixtures/cli';
const its = useBuiltIts('its-cli-');
const run = (args: string[], input?: string) => its.run(args, { input });

const golden = (name: string): string => readFileSync(join(ROOT, F, 'golden', name), 'utf8');

describe('its (built file)', { timeout: 30_000 }, () => {
  it('is one executable ES module with a node shebang', () => {
    const text = readFileSync(its.file(), 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Only Node built-ins are imported: the file runs without node_modules.
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.filter((m) => !m?.startsWith('node:'))).toEqual([]);
  });

  it('check -o text prints what istioctl analyze would, one finding a line, and exits 1 on an error', () => {
    const r = run(['check', `${F}/check`]);
    expect(r.out).toBe(golden('check.txt'));
    expect(r.code).toBe(1);
  });

  it('check -o json gives the contract fields at the right file and line', () => {
    const r = run(['check', `${F}/check`, '-o', 'json']);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(golden('check.json')));
    expect(r.code).toBe(1);
  });

  it('check -o sarif has one result per finding at the JSON output line', () => {
    const json = JSON.parse(run(['check', `${F}/check`, '-o', 'json']).out) as {
      line: number;
      code: string;
    }[];
    const sarif = JSON.parse(run(['check', `${F}/check`, '-o', 'sarif']).out);
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    expect(results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine])).toEqual(
      json.map((f) => [f.code, f.line]),
    );
    expect(results.length).toBe(5);
  });

  it('--failure-threshold decides the exit code', () => {
    const clean = [`${F}/check/bookinfo.yaml`, `${F}/check/destination-rule-all.yaml`]; // warnings only
    expect(run(['check', ...clean]).code).toBe(0);
    expect(run(['check', ...clean, '--failure-threshold', 'warning']).code).toBe(1);
    expect(run(['check', ...clean, '--failure-threshold', 'info']).code).toBe(1);
    expect(run(['check', `${F}/check/bookinfo.yaml`, '--failure-threshold', 'warning']).code).toBe(0);
    expect(run(['check', ...clean, '--failure-threshold', 'fatal']).code).toBe(2);
  });

  it('-S suppresses a code on a resource, in our naming or istioctl’s, with wildcards', () => {
    for (const s of [
      'IST0101=VirtualService default/reviews',
      'IST0101=VirtualService reviews.default',
      'IST0101=*',
    ]) {
      const r = run(['check', `${F}/check`, '-o', 'json', '-S', s]);
      expect(JSON.parse(r.out).map((f: { code: string }) => f.code)).not.toContain('IST0101');
      expect(r.code).toBe(0);
    }
    expect(run(['check', `${F}/check`, '-S', 'IST0101=VirtualService travel/reviews']).code).toBe(1);
    const unknown = run(['check', `${F}/check`, '-S', 'IST9999=VirtualService default/reviews']);
    expect(unknown.err).toContain("'IST9999' is an unknown message code");
  });

  it('honours the analyze-suppress annotation', () => {
    const r = run([
      'check',
      `${F}/check/bookinfo.yaml`,
      `${F}/check/destination-rule-all.yaml`,
      `${F}/suppress/reviews-v4-annotated.yaml`,
    ]);
    expect(r.out).not.toContain('IST0101');
    expect(r.code).toBe(0);
  });

  it('reads stdin, a kubectl -o json List, and -n for resources without a namespace', () => {
    const list = readFileSync(join(ROOT, F, 'list/reviews-list.json'), 'utf8');
    const r = run(['check', '-', '-n', 'travel', '-o', 'json'], list);
    const rows = JSON.parse(r.out) as { resource: string; file: string; line: number }[];
    expect(rows.map((f) => [f.resource, f.file, f.line])).toEqual([
      ['VirtualService travel/reviews', '<stdin>', 19],
    ]);
  });

  it('unusable input exits 2 and names the file (and line)', () => {
    const missing = run(['check', `${F}/nope.yaml`]);
    expect([missing.code, missing.err.trim()]).toEqual([2, `its: ${F}/nope.yaml: no such file or directory`]);

    const bin = join(its.dir(), 'binary.yaml');
    writeFileSync(bin, Buffer.from('kind: Service\nname: a\n\0\x01\x02'));
    const binary = run(['check', bin]);
    expect([binary.code, binary.err.trim()]).toEqual([
      2,
      `its: ${bin}:3: binary content (a NUL byte); expected YAML or JSON text`,
    ]);

    const broken = run(['check', `${F}/broken`]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain(`its: ${F}/broken/reviews-bad-indent.yaml:12:1: cannot read this YAML`);
    expect(broken.out).toContain('Error [ITS0001]');
  });

  it('says on stderr what it reads when the input is big (over 1 MB), and nothing for everyday files', () => {
    const svc = (i: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: big}\nspec:\n  selector: {app: s${i}}\n  ports: [{name: http, port: 80}]\n`;
    const big = join(its.dir(), 'cluster.yaml');
    writeFileSync(big, Array.from({ length: 12_000 }, (_, i) => svc(i)).join('---\n'));
    const r = run(['check', big, '-o', 'json']);
    expect(r.err).toMatch(
      /^its: reading 1 file \(1,\d{3} KB\)…\nits: read 1 file, 12,000 resources; 0 findings\n$/,
    );
    expect(JSON.parse(r.out)).toEqual([]);
    expect(run(['check', `${F}/check/bookinfo.yaml`, '-o', 'json']).err).toBe('');
  });

  it('a syntax error with other errors exits 1, as istioctl lets findings win', () => {
    expect(run(['check', `${F}/broken`, `${F}/check`]).code).toBe(1);
  });

  it('test runs istio-config-validator’s example suite as they run it (-t examples/ examples/)', () => {
    const r = run(['test', '-t', `${F}/validator/`, `${F}/validator/`]);
    expect(r.out).toBe(golden('validator.txt'));
    expect(r.code).toBe(0);
  });

  it('test exits 1 with a readable report when a case fails', () => {
    const cases = readFileSync(join(ROOT, F, 'validator/virtualservice_test.yml'), 'utf8').replace(
      'host: users.users.svc.cluster.local',
      'host: monolith.monolith.svc.cluster.local',
    );
    const file = join(its.dir(), 'failing_test.yml');
    writeFileSync(file, cases);
    const r = run(['test', '-t', file, `${F}/validator/virtualservice.yml`]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  happy path users');
    expect(r.out).toContain('GET www.example.com/users → example/example#http[0]');
    expect(r.out).toMatch(/2 cases, 14 requests: 1 passed, 1 failed/);
  });

  it('trace follows a request through the Envoy config built from all files', () => {
    const proxy = '{"kind":"sidecar","namespace":"default","labels":{"app":"productpage"}}';
    const request = '{"host":"reviews","port":9080,"path":"/","protocol":"http"}';
    const base = [`${F}/check/bookinfo.yaml`, `${F}/check/destination-rule-all.yaml`];
    const plain = run(['trace', ...base, '--proxy', proxy, '--request', request]);
    expect([plain.code, JSON.parse(plain.out).cluster]).toEqual([
      0,
      'outbound|9080||reviews.default.svc.cluster.local',
    ]);
    const routed = run([
      'trace',
      ...base,
      `${F}/check/reviews-v4.yaml`,
      '--proxy',
      proxy,
      '--request',
      request,
    ]);
    expect(JSON.parse(routed.out).cluster).toBe('outbound|9080|v4|reviews.default.svc.cluster.local');
    expect(run(['trace', ...base, '--proxy', proxy]).code).toBe(2); // --request missing
  });

  it('proxy-config routes and clusters print the proxy config', () => {
    const proxy = '{"kind":"sidecar","namespace":"default","labels":{"app":"productpage"}}';
    const routes = run(['proxy-config', 'routes', `${F}/check`, '--proxy', proxy, '-o', 'table']);
    const header = routes.out.split('\n')[0] ?? '';
    expect(header.split(/ {3,}/)).toEqual(['NAME', 'VHOST NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE']);
    expect(routes.out).toMatch(
      /^9080 +reviews\.default\.svc\.cluster\.local:9080 +reviews\.default\.svc\.cluster\.local, reviews\.default\.svc\.cluster\.local\. \+ 3 more\.\.\. +\/\* +reviews\.default$/m,
    );
    const table = run(['proxy-config', 'clusters', `${F}/check`, '--proxy', proxy, '-o', 'table']).out;
    expect(table).toMatch(/^BlackHoleCluster +- +- +- +STATIC$/m);
    expect(table).toMatch(
      /^reviews\.default\.svc\.cluster\.local +9080 +v3 +outbound +EDS +reviews\.default$/m,
    );
    const clusters = JSON.parse(run(['proxy-config', 'clusters', `${F}/check`, '--proxy', proxy]).out) as {
      name: string;
    }[];
    expect(clusters.map((c) => c.name)).toContain('outbound|9080|v3|reviews.default.svc.cluster.local');
  });

  it('diff names a missing input (exit 2); its own tests are in diff.built.test.ts', () => {
    const r = run(['diff', 'a.yaml', 'b.yaml']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('a.yaml: no such file or directory')]);
  });
});
