import { describe, expect, it } from 'vitest';
import { createDeriver } from '../derive';
import { rec } from '../model/read';
import { workloadSelector } from '../validate/rules/workload-selector';
import { apply, BOOKINFO, corpus, expectCommentsKept, refusal } from './test-support';

const KUBE = corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`);
const HELLO = corpus('istio/samples/helloworld/helloworld.yaml');
const HTTPBIN = corpus('istio/samples/httpbin/httpbin.yaml');

/** metadata.labels, selector.matchLabels and the pod labels of a workload, as kubectl reads them. */
function places(text: string, ref: string) {
  const w = apply(text, { type: 'setValue', docIndex: 0, path: ['x-probe'], value: 1 }).model.workloads.find(
    (x) => x.ref === ref,
  );
  const spec = rec(w?.raw.spec);
  return {
    meta: rec(w?.raw.metadata).labels,
    selector: rec(spec.selector).matchLabels,
    pods: rec(rec(spec.template).metadata).labels,
  };
}

/** ITS0111's findings on a text: what the API server would reject. */
function selectorFindings(text: string): string[] {
  const d = createDeriver()(text);
  return workloadSelector(d).map((x) => `${x.code} ${x.resource}`);
}

describe('setWorkloadLabels', () => {
  it('keeps metadata, selector and template in step when they were the same (bookinfo reviews-v1)', () => {
    const labels = { app: 'reviews', version: 'v9', tier: 'web' };
    const a = apply(KUBE, { type: 'setWorkloadLabels', ref: 'Deployment default/reviews-v1', labels });
    expect(places(a.text, 'Deployment default/reviews-v1')).toEqual({
      meta: labels,
      selector: labels,
      pods: labels,
    });
    expect(selectorFindings(a.text)).toEqual([]);
    expectCommentsKept(a);
    // Key by key: the unchanged `app: reviews` lines stay where they were, no anchors appear.
    expect(a.text).not.toMatch(/[&*]a\d/);
    expect(a.edits.every((e) => !e.text.includes('app: reviews'))).toBe(true);
  });

  it('narrows nothing it need not: a selector narrower than the pods follows renames and removals only', () => {
    const narrow = HTTPBIN.replace(
      '    matchLabels:\n      app: httpbin\n      version: v1\n',
      '    matchLabels:\n      app: httpbin\n',
    );
    expect(narrow).not.toBe(HTTPBIN);
    const ref = 'Deployment default/httpbin';
    const a = apply(narrow, {
      type: 'setWorkloadLabels',
      ref,
      labels: { app: 'bin', version: 'v2', team: 'x' },
    });
    // httpbin has no metadata.labels: none is written.
    expect(places(a.text, ref)).toEqual({
      meta: undefined,
      selector: { app: 'bin' },
      pods: { app: 'bin', version: 'v2', team: 'x' },
    });
    // Removing the one label the selector had leaves it empty: it then selects all pod labels.
    const b = apply(a.text, { type: 'setWorkloadLabels', ref, labels: { version: 'v2', team: 'x' } });
    expect(places(b.text, ref).selector).toEqual({ version: 'v2', team: 'x' });
    expect(selectorFindings(b.text)).toEqual([]);
  });

  it('writes label values kubectl would misread quoted (on, 0777)', () => {
    const a = apply(HELLO, {
      type: 'setWorkloadLabels',
      ref: 'Deployment default/helloworld-v2',
      labels: { app: 'helloworld', version: 'v2', canary: 'on', mode: '0777' },
    });
    expect(places(a.text, 'Deployment default/helloworld-v2').pods).toEqual({
      app: 'helloworld',
      version: 'v2',
      canary: 'on',
      mode: '0777',
    });
    expect(a.text).toContain('canary: "on"');
  });

  it('refuses labels the API server would not take, and a workload without pod labels', () => {
    const ref = 'Deployment default/helloworld-v1';
    expect(refusal(HELLO, { type: 'setWorkloadLabels', ref, labels: { 'tier web': 'x' } })).toMatch(
      /label key/,
    );
    expect(refusal(HELLO, { type: 'setWorkloadLabels', ref, labels: { app: 'a b' } })).toMatch(/label value/);
    expect(refusal(HELLO, { type: 'setWorkloadLabels', ref, labels: {} })).toMatch(/at least one label/);
    expect(
      refusal(HELLO, { type: 'setWorkloadLabels', ref: 'Deployment default/nope', labels: { a: 'b' } }),
    ).toMatch(/does not exist/);
  });
});

describe('matchWorkloadSelector (ITS0111 quick fix)', () => {
  const ref = 'Deployment default/helloworld-v1';
  const relabelled = HELLO.replace(
    '  template:\n    metadata:\n      labels:\n        app: helloworld\n        version: v1',
    '  template:\n    metadata:\n      labels:\n        app: web\n        version: v1',
  );

  it('keeps the pod labels: the selector takes their values', () => {
    expect(selectorFindings(relabelled)).toEqual([`ITS0111 ${ref}`]);
    const a = apply(relabelled, { type: 'matchWorkloadSelector', ref, keep: 'labels' });
    expect(places(a.text, ref)).toMatchObject({
      selector: { app: 'web', version: 'v1' },
      pods: { app: 'web', version: 'v1' },
    });
    expect(selectorFindings(a.text)).toEqual([]);
  });

  it('keeps the selector: the pods get its labels', () => {
    const a = apply(relabelled, { type: 'matchWorkloadSelector', ref, keep: 'selector' });
    expect(places(a.text, ref)).toMatchObject({
      selector: { app: 'helloworld', version: 'v1' },
      pods: { app: 'helloworld', version: 'v1' },
    });
    expect(selectorFindings(a.text)).toEqual([]);
  });
});
