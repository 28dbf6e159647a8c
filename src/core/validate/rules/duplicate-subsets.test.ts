import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import type { MeshModel } from '../../model/types';
import { duplicateSubsets } from './duplicate-subsets';
import { corpus, runRule, summary } from './testing';

const dr = (name: string, subsets: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}}
spec:
  host: reviews
  subsets:
${subsets}`;

describe('duplicateSubsets (KIA0201)', () => {
  it('reports a subset name twice in one DestinationRule', () => {
    const text = dr(
      'a',
      `  - name: v1
    labels: {version: v1}
  - name: v1
    labels: {version: v2}`,
    );
    expect(summary(duplicateSubsets, text)).toEqual([
      'KIA0201 DestinationRule default/a spec/subsets[1]/name «v1»',
    ]);
  });

  it('reports one host+subset defined by two DestinationRules, on both', () => {
    const text = `${dr('a', '  - {name: v1, labels: {version: v1}}')}\n---\n${dr('b', '  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}')}`;
    expect(summary(duplicateSubsets, text)).toEqual([
      'KIA0201 DestinationRule default/a spec/subsets[0]/name «v1»',
      'KIA0201 DestinationRule default/b spec/subsets[0]/name «v1»',
    ]);
  });

  it('accepts the bookinfo DestinationRules', () => {
    expect(
      summary(duplicateSubsets, corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')),
    ).toEqual([]);
  });

  it('agrees with comparing every pair of rules, on random hosts, subsets and workload selectors', () => {
    const spec = fc.record({
      ns: fc.constantFrom('default', 'a'),
      host: fc.constantFrom('reviews', 'ratings', 'reviews.default.svc.cluster.local', ''),
      subsets: fc.array(fc.constantFrom('v1', 'v2', 'v3'), { maxLength: 3 }),
      scoped: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 20 }), (specs) => {
        const d = derive(
          specs.map((x, i) => `---\n${doc(`dr-${i}`, x.ns, x.host, x.subsets, x.scoped)}`).join(''),
        );
        const fast = duplicateSubsets(d).map((x) => `${x.resource} ${x.path} ${x.message}`);
        expect(fast).toEqual(bruteForce(d.model));
      }),
      { seed: 20261124, numRuns: 200 },
    );
  }, 60_000);

  it('names six other rules in full, and seven as five and a count', () => {
    const text = (n: number) =>
      Array.from({ length: n }, (_, i) => `---\n${doc(`r-${i}`, 'default', 'reviews', ['v1'])}`).join('');
    expect(runRule(duplicateSubsets, text(7)).diags[0]?.message).toContain(
      'defined by DestinationRule default/r-1, default/r-2, default/r-3, default/r-4, default/r-5, default/r-6;',
    );
    expect(runRule(duplicateSubsets, text(8)).diags[0]?.message).toContain(
      'defined by 7 other DestinationRules (default/r-1, default/r-2, default/r-3, default/r-4, default/r-5 and 2 more);',
    );
  });

  it('gives 2,000 DestinationRules for one host one finding per subset, naming five others and counting the rest', () => {
    const text = Array.from(
      { length: 2000 },
      (_, i) => `---\n${doc(`r-${i}`, 'default', 'reviews', ['v1', 'v2'])}`,
    ).join('');
    const { diags } = runRule(duplicateSubsets, text);
    expect(diags).toHaveLength(4000);
    expect(diags.filter((d) => d.path === 'spec/subsets[1]/name')).toHaveLength(2000);
    expect(diags[0]?.message).toBe(
      'Subset "v1" of host reviews.default.svc.cluster.local is also defined by 1,999 other DestinationRules (default/r-1, default/r-2, default/r-3, default/r-4, default/r-5 and 1,994 more); only one definition takes effect. Keep it in one DestinationRule.',
    );
    expect(Math.max(...diags.map((d) => d.message.length))).toBeLessThan(400);
  }, 60_000);

  it('reports 1,000 host-level DestinationRules without subsets once each', () => {
    const text = Array.from(
      { length: 1000 },
      (_, i) => `---\n${doc(`r-${i}`, 'default', 'reviews', [])}`,
    ).join('');
    const { diags } = runRule(duplicateSubsets, text);
    expect(diags.map((d) => d.resource)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `DestinationRule default/r-${i}`),
    );
    expect(diags[999]?.message).toBe(
      '999 other DestinationRules (default/r-0, default/r-1, default/r-2, default/r-3, default/r-4 and 994 more) also apply to host reviews.default.svc.cluster.local; only one of them takes effect. Merge them into one DestinationRule.',
    );
  }, 60_000);
});

function doc(name: string, ns: string, host: string, subsets: readonly string[], scoped = false): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${name}, namespace: ${ns}}
spec:
  host: "${host}"${scoped ? '\n  workloadSelector: {matchLabels: {app: reviews}}' : ''}
  subsets: ${JSON.stringify(subsets.map((s) => ({ name: s, labels: { version: s } })))}
`;
}

/** KIA0201 by brute force: each rule compared with every other rule of its host, as documented. */
function bruteForce(model: MeshModel): string[] {
  const out: string[] = [];
  const list = (names: string[]) =>
    names.length <= 6
      ? `DestinationRule ${names.join(', ')}`
      : `${names.length} other DestinationRules (${names.slice(0, 5).join(', ')} and ${names.length - 5} more)`;
  for (const dr of model.destinationRules) {
    dr.subsets.forEach((s, i) => {
      if (dr.subsets.slice(0, i).some((x) => x.name === s.name)) {
        out.push(
          `${dr.ref} spec/subsets[${i}]/name Subset "${s.name}" is defined twice in this DestinationRule; only one definition takes effect. Rename or remove one.`,
        );
      }
    });
  }
  const wide = model.destinationRules.filter((dr) => dr.fqdn !== '' && !dr.workloadSelector);
  const hosts = [...new Set(wide.map((dr) => dr.fqdn))];
  for (const fqdn of hosts) {
    const drs = wide.filter((dr) => dr.fqdn === fqdn);
    for (const dr of drs) {
      const others = drs.filter((o) => o !== dr);
      const bare = others.filter((o) => o.subsets.length === 0).map((o) => `${o.namespace}/${o.name}`);
      if (dr.subsets.length === 0 && bare.length > 0) {
        out.push(
          `${dr.ref} spec/host ${list(bare)} also ${bare.length > 6 ? 'apply' : 'applies'} to host ${fqdn}; only one of them takes effect. Merge them into one DestinationRule.`,
        );
      }
      for (const s of dr.subsets) {
        const clash = others
          .filter((o) => o.subsets.some((x) => x.name === s.name))
          .map((o) => `${o.namespace}/${o.name}`);
        if (clash.length === 0) continue;
        out.push(
          `${dr.ref} spec/subsets[${s.index}]/name Subset "${s.name}" of host ${fqdn} is also defined by ${list(clash)}; only one definition takes effect. Keep it in one DestinationRule.`,
        );
      }
    }
  }
  return out;
}
