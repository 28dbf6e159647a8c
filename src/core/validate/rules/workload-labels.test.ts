import { describe, expect, it } from 'vitest';
import { corpus, runRule, summary } from './testing';
import { workloadLabels } from './workload-labels';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const deployment = (labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {run: web}}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: web, image: nginx}]`;

describe('workloadLabels (ITS0102, ITS0103)', () => {
  it('reports a Deployment without app and version labels, at the pod template labels', () => {
    const { diags, snippet } = runRule(workloadLabels, deployment('{run: web}'));
    expect(diags.map((d) => [d.code, d.resource, d.path, snippet(d), d.nodeId])).toEqual([
      [
        'ITS0102',
        'Deployment default/web',
        'spec/template/metadata/labels',
        'labels',
        'deployment:default/web',
      ],
    ]);
    expect(diags[0]?.message).toContain('no app or version label');
  });

  it('reports (info) a version that no subset of its host covers', () => {
    const text = `${BOOKINFO}\n---\n${corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml').replace('  - name: v3\n    labels:\n      version: v3\n', '')}`;
    const found = runRule(workloadLabels, text).diags;
    expect(found.map((d) => [d.code, d.severity, d.resource, d.path])).toEqual([
      ['ITS0103', 'info', 'Deployment default/reviews-v3', 'spec/template/metadata/labels/version'],
    ]);
  });

  it('accepts bookinfo with all its subsets', () => {
    const text = `${BOOKINFO}\n---\n${corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')}`;
    expect(summary(workloadLabels, text)).toEqual([]);
  });
});
