import { nodeId } from '../../graph/ids';
import type { DestinationRule } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

function groupByHost(drs: readonly DestinationRule[]): Map<string, DestinationRule[]> {
  const out = new Map<string, DestinationRule[]>();
  // A DR scoped to some workloads does not compete with the host-wide one.
  for (const dr of drs) {
    if (dr.fqdn === '' || dr.workloadSelector) continue;
    out.set(dr.fqdn, [...(out.get(dr.fqdn) ?? []), dr]);
  }
  return out;
}

/**
 * KIA0201: one host+subset defined by two DestinationRules (Istio merges them unpredictably), or two host-level
 * DestinationRules without subsets; and the same subset name twice in one DestinationRule.
 */
export const duplicateSubsets: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const dr of ctx.model.destinationRules) {
    const seen = new Set<string>();
    for (const s of dr.subsets) {
      if (seen.has(s.name)) {
        out.push(
          report(
            ctx,
            dr,
            ['spec', 'subsets', s.index, 'name'],
            'KIA0201',
            `Subset "${s.name}" is defined twice in this DestinationRule; only one definition takes effect. Rename or remove one.`,
            { nodeId: nodeId.subset(dr.namespace, dr.name, s.name) },
          ),
        );
      }
      seen.add(s.name);
    }
  }
  for (const [fqdn, drs] of groupByHost(ctx.model.destinationRules)) {
    if (drs.length < 2) continue;
    for (const dr of drs) {
      const others = drs.filter((o) => o !== dr);
      if (dr.subsets.length === 0 && others.some((o) => o.subsets.length === 0)) {
        const names = others.filter((o) => o.subsets.length === 0).map((o) => `${o.namespace}/${o.name}`);
        out.push(
          report(
            ctx,
            dr,
            ['spec', 'host'],
            'KIA0201',
            `DestinationRule ${names.join(', ')} also applies to host ${fqdn}; only one of them takes effect. Merge them into one DestinationRule.`,
            { nodeId: nodeId.destinationrule(dr.namespace, dr.name) },
          ),
        );
      }
      for (const s of dr.subsets) {
        const clash = others.filter((o) => o.subsets.some((x) => x.name === s.name));
        if (clash.length === 0) continue;
        out.push(
          report(
            ctx,
            dr,
            ['spec', 'subsets', s.index, 'name'],
            'KIA0201',
            `Subset "${s.name}" of host ${fqdn} is also defined by DestinationRule ${clash.map((o) => `${o.namespace}/${o.name}`).join(', ')}; only one definition takes effect. Keep it in one DestinationRule.`,
            { nodeId: nodeId.subset(dr.namespace, dr.name, s.name) },
          ),
        );
      }
    }
  }
  return out;
};
