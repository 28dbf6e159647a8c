import { describe, expect, it } from 'vitest';
import { corpus, runRule, summary } from './testing';
import { workloadSelector } from './workload-selector';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const HELLO = corpus('istio/samples/helloworld/helloworld.yaml');
const HTTPBIN = corpus('istio/samples/httpbin/httpbin.yaml');

/** helloworld-v1 with its pod template relabelled, as the form did (selector left behind). */
const relabelled = HELLO.replace(
  '  template:\n    metadata:\n      labels:\n        app: helloworld\n        version: v1',
  '  template:\n    metadata:\n      labels:\n        app: web\n        version: v1',
);

describe('workloadSelector (ITS0111)', () => {
  it('accepts real samples whose selectors match their templates', () => {
    expect(summary(workloadSelector, BOOKINFO)).toEqual([]);
    expect(summary(workloadSelector, HELLO)).toEqual([]);
    expect(summary(workloadSelector, HTTPBIN)).toEqual([]);
  });

  it('reports a selector its template no longer matches, at the template labels, with two fixes', () => {
    expect(relabelled).not.toBe(HELLO);
    const { diags, snippet } = runRule(workloadSelector, relabelled);
    expect(diags.map((d) => `${d.code} ${d.severity} ${d.resource} ${d.path} ${d.nodeId}`)).toEqual([
      'ITS0111 error Deployment default/helloworld-v1 spec/template/metadata/labels deployment:default/helloworld-v1',
    ]);
    const [d] = diags;
    expect(d && snippet(d)).toBe('labels');
    expect(d?.message).toMatch(/selector does not match template labels/);
    expect(d?.fixes?.map((f) => f.intent)).toEqual([
      { type: 'matchWorkloadSelector', ref: 'Deployment default/helloworld-v1', keep: 'selector' },
      { type: 'matchWorkloadSelector', ref: 'Deployment default/helloworld-v1', keep: 'labels' },
    ]);
  });

  it('reads matchExpressions as the API server does (In, NotIn, Exists, DoesNotExist)', () => {
    const withExpr = (expr: string) =>
      HTTPBIN.replace(
        '  selector:\n    matchLabels:\n      app: httpbin\n      version: v1\n',
        `  selector:\n    matchLabels:\n      app: httpbin\n    matchExpressions:\n${expr}`,
      );
    const ok = [
      '    - {key: version, operator: In, values: [v1, v2]}\n',
      '    - {key: version, operator: NotIn, values: [v2]}\n',
      '    - {key: tier, operator: NotIn, values: [web]}\n',
      '    - {key: version, operator: Exists}\n',
      '    - {key: tier, operator: DoesNotExist}\n',
    ];
    const bad = [
      '    - {key: version, operator: In, values: [v2]}\n',
      '    - {key: version, operator: NotIn, values: [v1]}\n',
      '    - {key: tier, operator: Exists}\n',
      '    - {key: version, operator: DoesNotExist}\n',
    ];
    for (const e of ok) expect(summary(workloadSelector, withExpr(e)), e).toEqual([]);
    for (const e of bad) {
      const { diags } = runRule(workloadSelector, withExpr(e));
      expect(
        diags.map((d) => d.code),
        e,
      ).toEqual(['ITS0111']);
      // Expressions need a person's choice of values: no automatic fix.
      expect(diags[0]?.fixes, e).toEqual([]);
    }
  });

  it('reports an empty selector, and leaves a missing one to the schema check', () => {
    const empty = HTTPBIN.replace(
      '  selector:\n    matchLabels:\n      app: httpbin\n      version: v1\n',
      '  selector: {}\n',
    );
    expect(summary(workloadSelector, empty)).toEqual([
      'ITS0111 Deployment default/httpbin spec/selector «selector»',
    ]);
    const missing = HTTPBIN.replace(
      '  selector:\n    matchLabels:\n      app: httpbin\n      version: v1\n',
      '',
    );
    expect(missing).not.toBe(HTTPBIN);
    expect(summary(workloadSelector, missing)).toEqual([]);
  });

  it('leaves a workload without a template of its own alone (its pods are defined elsewhere)', () => {
    const noTemplate = HTTPBIN.replace(/ {2}template:\n[\s\S]*?(?=\n---|$)/, '  paused: true');
    expect(noTemplate).not.toBe(HTTPBIN);
    expect(noTemplate).toContain('matchLabels');
    expect(summary(workloadSelector, noTemplate)).toEqual([]);
  });
});
