import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { corpus, runRule } from './testing';
import { yaml11Scalars } from './yaml11-scalars';

const HEADER = readFileSync('test/fixtures/yaml11/header-exact-yes.yaml', 'utf8');

describe('yaml11Scalars (ITS0120)', () => {
  it('errors on a header match `exact: yes`, says what kubectl reads and offers to quote it', () => {
    const { diags, snippet } = runRule(yaml11Scalars, HEADER);
    const exact = diags.find((d) => snippet(d) === 'yes');
    expect(exact?.severity).toBe('error');
    expect(exact?.resource).toBe('VirtualService default/reviews');
    expect(exact?.path).toBe('spec/http[0]/match[0]/headers/x-canary/exact');
    expect(exact?.message).toBe(
      'kubectl reads `yes` as the boolean true (YAML 1.1), not the text "yes"; ' +
        'spec/http[0]/match[0]/headers/x-canary/exact must be a string, not boolean true, ' +
        'so kubectl apply rejects it. Quote it: "yes".',
    );
    expect(exact?.fixes).toEqual([
      {
        title: 'Quote it: "yes"',
        edit: { start: exact?.range[0], end: exact?.range[1], text: '"yes"', replaces: 'yes' },
      },
    ]);
  });
  it('applying the fix leaves valid YAML that kubectl reads as the text, and nothing else changed', () => {
    const d = runRule(yaml11Scalars, HEADER).diags.find((x) => x.path.endsWith('exact'));
    const e = d?.fixes?.[0]?.edit;
    expect(e).toBeDefined();
    if (!e) return;
    const fixed = HEADER.slice(0, e.start) + e.text + HEADER.slice(e.end);
    expect(fixed).toBe(HEADER.replace('  exact: yes', '  exact: "yes"'));
    const after = derive(fixed);
    const vs = JSON.stringify(after.model.resources.find((r) => r.kind === 'VirtualService')?.raw);
    expect(vs).toContain('"x-canary":{"exact":"yes"}');
    expect(after.diagnostics.filter((x) => x.path.endsWith('exact'))).toEqual([]);
  });
  it('says it once: no IST0106 type error beside it for the same field', () => {
    const all = derive(HEADER).diagnostics.filter((d) => d.path.endsWith('exact'));
    expect(all.map((d) => d.code)).toEqual(['ITS0120']);
  });
  it('errors on a label value kubectl reads as a boolean, warns where the field takes a number', () => {
    const { diags, snippet } = runRule(yaml11Scalars, HEADER);
    const rows = diags.map((d) => [snippet(d), d.severity, d.resource, d.path]);
    expect(rows).toEqual([
      ['on', 'error', 'VirtualService default/reviews', 'metadata/labels/canary'],
      ['yes', 'error', 'VirtualService default/reviews', 'spec/http[0]/match[0]/headers/x-canary/exact'],
      // ConfigMap data is a string map too: kubectl apply rejects numbers there.
      ['0777', 'error', 'ConfigMap default/settings', 'data/umask'],
      ['1_000', 'error', 'ConfigMap default/settings', 'data/retries'],
    ]);
  });
  it('warns where kubectl takes the other reading, with both ways out', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 8080\n    targetPort: 0777\n';
    const { diags, snippet } = runRule(yaml11Scalars, text);
    expect(diags.map((d) => [snippet(d), d.severity, d.message])).toEqual([
      [
        '0777',
        'warning',
        'kubectl reads `0777` as the octal number 511 (YAML 1.1), not 777. If you mean the text, quote it: "0777"; ' +
          'if you mean the number 511, write 511.',
      ],
    ]);
  });
  it('warns on a key kubectl reads as a boolean, and does not crash', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    on: "x"\n';
    const { diags, snippet } = runRule(yaml11Scalars, text);
    expect(diags.map((d) => [snippet(d), d.severity, d.path])).toEqual([
      ['on', 'warning', 'metadata/annotations/true'],
    ]);
    expect(diags[0]?.message).toContain('so the key is "true"');
  });
  it('finds nothing in quoted values or comments', () => {
    const text = HEADER.replace('  exact: yes', '  exact: "yes"  # yes')
      .replace('canary: on', "canary: 'on'")
      .replace('umask: 0777', 'umask: "0777"')
      .replace('retries: 1_000', 'retries: "1_000"');
    expect(runRule(yaml11Scalars, text).diags).toEqual([]);
  });
  it("gives Istio's serviceentry-valid vector no error at all", () => {
    const text = corpus('istio/pkg/config/validation/testdata/crds/serviceentry-valid.yaml');
    expect(derive(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
