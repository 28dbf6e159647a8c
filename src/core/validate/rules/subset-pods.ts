import { nodeId } from '../../graph/ids';
import { formatLabels } from '../../model/labels';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { cachedBy, report, selectorKey } from './util';

// Node labels: pods get them from where they are scheduled, which a manifest cannot tell.
const TOPOLOGY_KEYS = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
  'kubernetes.io/hostname',
]);

/** Drops topology labels with a value: they select nodes, not pods. An empty value never matches. */
function podSelector(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([k, v]) => !(TOPOLOGY_KEYS.has(k) && v !== '')));
}

/**
 * IST0173: a subset whose labels, merged with its Service's selector, select no pod of the text's workloads
 * (PodNotSelectedAnalyzer). Only checked when the host's Service is in the text.
 */
export const subsetPods: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  // Thousands of DestinationRules for one host repeat the same selectors: each is matched against the pods once.
  const selectsSome = cachedBy(
    selectorKey,
    (ns: string, sel: Record<string, string>) => ctx.index.workloadsMatching(ns, sel).length > 0,
  );
  for (const dr of ctx.model.destinationRules) {
    const services = (ctx.index.servicesByFqdn.get(dr.fqdn) ?? []).filter(
      (s) => Object.keys(s.selector).length,
    );
    if (services.length === 0) continue;
    for (const sub of dr.subsets) {
      const selected = services.some((s) => {
        const sel = podSelector({ ...s.selector, ...sub.labels });
        return Object.keys(sel).length === 0
          ? ctx.index.workloadsIn(s.namespace).length > 0
          : selectsSome(s.namespace, sel);
      });
      if (selected) continue;
      const sel = { ...services[0]?.selector, ...sub.labels };
      out.push(
        report(
          ctx,
          dr,
          ['spec', 'subsets', sub.index, Object.keys(sub.labels).length ? 'labels' : 'name'],
          'IST0173',
          `Subset "${sub.name}" selects no pods: no workload in namespace ${services[0]?.namespace} has labels ${formatLabels(sel)} ` +
            `(the Service selector merged with the subset labels). Traffic to it fails with 503 (no healthy upstream). ` +
            `Fix the subset labels or add a Deployment with those pod labels.`,
          { nodeId: nodeId.subset(dr.namespace, dr.name, sub.name) },
        ),
      );
    }
  }
  return out;
};
