import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { selectorMatches } from '../../model/labels';
import type { ValidationContext } from '../context';
import { corpus, runRule, summary } from './testing';
import { workloadLabels } from './workload-labels';

const doc = {
  service: (name: string, selector: Record<string, string>) =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: ${JSON.stringify(selector)}\n  ports: [{port: 80}]\n`,
  deployment: (name: string, labels: Record<string, string>) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    metadata:\n      labels: ${JSON.stringify(labels)}\n`,
  dr: (name: string, host: string, subsets: Record<string, string>[]) =>
    `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}}\nspec:\n  host: ${host}\n  subsets: ${JSON.stringify(subsets.map((labels, i) => ({ name: `s${i}`, labels })))}\n`,
};

/** ITS0103 by brute force: every Service selecting the pod, every subset of its host tried in turn. */
function bruteForce(ctx: ValidationContext): string[] {
  return ctx.model.workloads.flatMap((w) => {
    if (w.kind !== 'Deployment' || !w.version) return [];
    const services = ctx.model.services.filter(
      (s) => s.namespace === w.namespace && selectorMatches(s.selector, w.podLabels),
    );
    for (const s of services) {
      const drs = ctx.model.destinationRules.filter((dr) => dr.fqdn === s.fqdn && dr.subsets.length > 0);
      if (drs.length === 0) continue;
      const covered = drs.some((dr) =>
        dr.subsets.some((sub) => selectorMatches({ ...s.selector, ...sub.labels }, w.podLabels)),
      );
      if (!covered) return [`${w.ref} ${s.name} ${drs[0]?.name}`];
    }
    return [];
  });
}

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

  it('agrees with trying every Service and subset, on random labels', () => {
    const LABELS: Record<string, string>[] = [
      { app: 'a' },
      { app: 'a', version: 'v1' },
      { version: 'v2' },
      { app: 'b', version: 'v1' },
      { tier: 'x' },
      {},
    ];
    const labels = fc.constantFrom(...LABELS);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), labels), { maxLength: 4 }),
        fc.array(fc.tuple(labels, labels), { maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.array(labels, { maxLength: 4 })), { maxLength: 4 }),
        (services, pods, drs) => {
          const text = [
            ...services.map(([name, sel]) => doc.service(name, sel)),
            ...pods.map(([x, y], i) => doc.deployment(`d${i}`, { ...x, ...y })),
            ...drs.map(([host, subsets], i) => doc.dr(`r${i}`, host, subsets)),
          ]
            .map((x) => `---\n${x}`)
            .join('');
          const d = derive(text);
          const fast = workloadLabels(d)
            .filter((x) => x.code === 'ITS0103')
            .map((x) => {
              const m = /of (\S+) is in no subset of DestinationRule default\/(\S+),/.exec(x.message);
              return `${x.resource} ${m?.[1]} ${m?.[2]}`;
            });
          expect(fast).toEqual(bruteForce(d));
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
  }, 60_000);

  it('names the first Service in the text when several select the pod and none of their subsets covers it', () => {
    const text = [
      doc.service('b', { app: 'a' }),
      doc.service('a', { app: 'a' }),
      doc.dr('ra', 'a', [{ version: 'v9' }]),
      doc.dr('rb', 'b', [{ version: 'v8' }]),
      doc.deployment('d', { app: 'a', version: 'v1' }),
    ].join('---\n');
    expect(runRule(workloadLabels, text).diags.map((d) => d.message)).toEqual([
      'Version v1 of b is in no subset of DestinationRule default/rb, so routes by subset never send it traffic. Add a subset for it if it should get traffic.',
    ]);
  });

  it('checks 2,000 versions against one DestinationRule with 2,000 subsets', () => {
    const subsets = Array.from({ length: 2000 }, (_, i) => ({ version: `v${i}` }));
    const pods = Array.from({ length: 2000 }, (_, i) =>
      doc.deployment(`reviews-${i}`, { app: 'reviews', version: i % 2 ? `x${i}` : `v${i}` }),
    );
    const text = [
      doc.service('reviews', { app: 'reviews' }),
      doc.dr('reviews', 'reviews', subsets),
      ...pods,
    ].join('---\n');
    const found = runRule(workloadLabels, text).diags;
    expect(found.map((d) => d.resource)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `Deployment default/reviews-${2 * i + 1}`),
    );
  }, 60_000);
});
