import { nodeId } from '../../graph/ids';
import { formatLabels } from '../../model/labels';
import type { Rule } from '../context';
import { cachedBy, report, selectorKey } from './util';

/**
 * ITS0104: a Service whose selector matches no workload of its namespace. Only checked when the text has
 * workloads at all; a routing-only text leaves them out on purpose.
 */
export const serviceSelector: Rule = (ctx) => {
  if (ctx.model.workloads.length === 0) return [];
  // Services sharing a selector share the answer: thousands of them cost one match against the pods.
  const selectsNone = cachedBy(
    selectorKey,
    (ns: string, selector: Record<string, string>) => ctx.index.workloadsMatching(ns, selector).length === 0,
  );
  return ctx.model.services
    .filter((s) => Object.keys(s.selector).length > 0)
    .filter((s) => selectsNone(s.namespace, s.selector))
    .map((s) =>
      report(
        ctx,
        s,
        ['spec', 'selector'],
        'ITS0104',
        `Selector ${formatLabels(s.selector)} of Service ${s.namespace}/${s.name} matches no workload in namespace ${s.namespace}, so it has no endpoints. Fix the selector or the pod template labels.`,
        { nodeId: nodeId.service(s.namespace, s.name) },
      ),
    );
};
