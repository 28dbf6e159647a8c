import { nodeId } from '../../graph/ids';
import { selectorMatches } from '../../model/labels';
import type { Workload } from '../../model/types';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

const CHECKED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function labelsPath(w: Workload): (string | number)[] {
  return w.kind === 'Pod' ? ['metadata', 'labels'] : ['spec', 'template', 'metadata', 'labels'];
}

function missingLabels(ctx: ValidationContext, w: Workload): Diagnostic[] {
  const missing = [w.app ? undefined : 'app', w.version ? undefined : 'version'].filter(
    (s): s is string => !!s,
  );
  if (missing.length === 0) return [];
  return [
    report(
      ctx,
      w,
      labelsPath(w),
      'ITS0102',
      `Pod template of ${w.kind} ${w.name} has no ${missing.join(' or ')} label. Istio telemetry and version routing rely on \`app\` and \`version\`; add ${missing.map((k) => `\`${k}: ...\``).join(' and ')} to spec.template.metadata.labels.`,
      { nodeId: nodeId.deployment(w.namespace, w.name) },
    ),
  ];
}

/** Info when a workload's version is routed by subsets but no subset of its host selects it. */
function uncoveredVersion(ctx: ValidationContext, w: Workload): Diagnostic[] {
  if (!w.version) return [];
  for (const s of ctx.index.servicesSelecting(w)) {
    const drs = ctx.index.drsFor(s.fqdn).filter((dr) => dr.subsets.length > 0);
    if (drs.length === 0) continue;
    const covered = drs.some((dr) =>
      dr.subsets.some((sub) => selectorMatches({ ...s.selector, ...sub.labels }, w.podLabels)),
    );
    if (covered) continue;
    const dr = drs[0];
    return [
      report(
        ctx,
        w,
        [...labelsPath(w), w.podLabels.version !== undefined ? 'version' : 'app.kubernetes.io/version'],
        'ITS0103',
        `Version ${w.version} of ${s.name} is in no subset of DestinationRule ${dr?.namespace}/${dr?.name}, so routes by subset never send it traffic. Add a subset for it if it should get traffic.`,
        { nodeId: nodeId.deployment(w.namespace, w.name) },
      ),
    ];
  }
  return [];
}

/** ITS0102 (Deployment without app/version labels) and ITS0103 (a version no subset covers, info). */
export const workloadLabels: Rule = (ctx) =>
  ctx.model.workloads
    .filter((w) => CHECKED_KINDS.has(w.kind))
    .flatMap((w) => [...missingLabels(ctx, w), ...uncoveredVersion(ctx, w)]);
