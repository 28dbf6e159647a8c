import { nodeId } from '../../graph/ids';
import type { DestinationRule } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { cappedList, formatCount, NAMES_SHOWN, report } from './util';

function groupByHost(drs: readonly DestinationRule[]): Map<string, DestinationRule[]> {
  const out = new Map<string, DestinationRule[]>();
  // A DR scoped to some workloads does not compete with the host-wide one.
  for (const dr of drs) {
    if (dr.fqdn === '' || dr.workloadSelector) continue;
    const list = out.get(dr.fqdn);
    if (list) list.push(dr);
    else out.set(dr.fqdn, [dr]);
  }
  return out;
}

/** `ns/name` of the first few of `drs` other than `dr`, for a message that names at most a handful. */
function namesBesides(drs: readonly DestinationRule[], dr: DestinationRule): string[] {
  const out: string[] = [];
  for (const o of drs) {
    if (out.length > NAMES_SHOWN) break;
    if (o !== dr) out.push(`${o.namespace}/${o.name}`);
  }
  return out;
}

/** `DestinationRule a, b`, or `2,999 other DestinationRules (a, b, c, d, e and 2,994 more)`. */
function drList(names: string[], total: number): string {
  return total <= NAMES_SHOWN + 1
    ? `DestinationRule ${names.join(', ')}`
    : `${formatCount(total)} other DestinationRules (${cappedList(names, total)})`;
}

/** Each subset name of a host's rules, with the rules that define it (each once, in model order). */
function definersByName(drs: readonly DestinationRule[]): Map<string, DestinationRule[]> {
  const out = new Map<string, DestinationRule[]>();
  for (const dr of drs) {
    for (const s of dr.subsets) {
      const list = out.get(s.name);
      if (!list) out.set(s.name, [dr]);
      else if (list[list.length - 1] !== dr) list.push(dr);
    }
  }
  return out;
}

/**
 * KIA0201: one host+subset defined by two DestinationRules (Istio merges them unpredictably), or two host-level
 * DestinationRules without subsets; and the same subset name twice in one DestinationRule. Rules are grouped by
 * host and subset name once, so thousands of rules for one host cost linear time and short messages.
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
    const bare = drs.filter((o) => o.subsets.length === 0);
    const definers = definersByName(drs);
    for (const dr of drs) {
      if (dr.subsets.length === 0 && bare.length > 1) {
        out.push(
          report(
            ctx,
            dr,
            ['spec', 'host'],
            'KIA0201',
            `${drList(namesBesides(bare, dr), bare.length - 1)} also ${bare.length - 1 > NAMES_SHOWN + 1 ? 'apply' : 'applies'} to host ${fqdn}; only one of them takes effect. Merge them into one DestinationRule.`,
            { nodeId: nodeId.destinationrule(dr.namespace, dr.name) },
          ),
        );
      }
      for (const s of dr.subsets) {
        // `dr` defines `s`, so it is among the definers.
        const clash = definers.get(s.name) ?? [];
        if (clash.length < 2) continue;
        out.push(
          report(
            ctx,
            dr,
            ['spec', 'subsets', s.index, 'name'],
            'KIA0201',
            `Subset "${s.name}" of host ${fqdn} is also defined by ${drList(namesBesides(clash, dr), clash.length - 1)}; only one definition takes effect. Keep it in one DestinationRule.`,
            { nodeId: nodeId.subset(dr.namespace, dr.name, s.name) },
          ),
        );
      }
    }
  }
  return out;
};
