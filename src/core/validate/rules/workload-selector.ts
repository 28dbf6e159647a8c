import { nodeIdOf } from '../../graph/reveal';
import { formatLabels } from '../../model/labels';
import { arr, isRec, rec, str, strList, strMap } from '../../model/read';
import type { Workload } from '../../model/types';
import type { Rule } from '../context';
import type { QuickFix } from '../types';
import { report } from './util';

type Labels = Record<string, string>;

/** One `matchExpressions` entry, as apimachinery's LabelSelectorAsSelector reads it. */
function expressionHolds(e: Record<string, unknown>, labels: Labels): boolean {
  const key = str(e.key) ?? '';
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const values = strList(e.values);
  switch (str(e.operator)) {
    case 'In':
      return has && values.includes(labels[key] ?? '');
    case 'NotIn':
      return !has || !values.includes(labels[key] ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // An unknown operator is the schema check's finding; do not add a second one here.
      return true;
  }
}

function fixesFor(w: Workload, matchLabels: Labels | undefined, expressions: number): QuickFix[] {
  // Expressions need a person's judgement (which values?): only a plain matchLabels selector gets fixes.
  if (!matchLabels || expressions > 0) return [];
  const fixes: QuickFix[] = [
    {
      title: `Add the selector's labels (${formatLabels(matchLabels)}) to the pod template`,
      intent: { type: 'matchWorkloadSelector', ref: w.ref, keep: 'selector' },
    },
  ];
  if (Object.keys(w.podLabels).length > 0)
    fixes.push({
      title: 'Change the selector to match the pod labels (a selector is immutable once the workload exists)',
      intent: { type: 'matchWorkloadSelector', ref: w.ref, keep: 'labels' },
    });
  return fixes;
}

/**
 * ITS0111: a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, ...) whose `spec.selector` does not
 * select its own pod template, or is empty. The API server rejects both ("`selector` does not match template
 * `labels`", "empty selector is invalid"), at spec.template.metadata.labels as reported here. A missing
 * selector is left to the schema check (`spec.selector` is required).
 */
export const workloadSelector: Rule = (ctx) =>
  ctx.model.workloads.flatMap((w) => {
    if (w.kind === 'Pod') return [];
    const spec = rec(w.raw.spec);
    // No template of its own (an Argo Rollout's workloadRef): its pods' labels are written elsewhere.
    if (!isRec(spec.template)) return [];
    const selector = spec.selector;
    if (!isRec(selector)) return [];
    const matchLabels = isRec(selector.matchLabels) ? strMap(selector.matchLabels) : undefined;
    const expressions = arr(selector.matchExpressions).filter(isRec);
    const node = nodeIdOf(w);
    const extra = { ...(node ? { nodeId: node } : {}), fixes: fixesFor(w, matchLabels, expressions.length) };
    const what = `${w.kind} ${w.namespace}/${w.name}`;
    if (Object.keys(matchLabels ?? {}).length === 0 && expressions.length === 0)
      return [
        report(
          ctx,
          w,
          ['spec', 'selector'],
          'ITS0111',
          `The selector of ${what} is empty; the API server rejects an empty selector. Select the pods by their labels, e.g. matchLabels ${formatLabels(w.podLabels) || 'app=…'}.`,
          { ...extra, fixes: [] },
        ),
      ];
    const labelsOk = Object.entries(matchLabels ?? {}).every(([k, v]) => w.podLabels[k] === v);
    if (labelsOk && expressions.every((e) => expressionHolds(e, w.podLabels))) return [];
    const pods = formatLabels(w.podLabels);
    return [
      report(
        ctx,
        w,
        ['spec', 'template', 'metadata', 'labels'],
        'ITS0111',
        `The selector of ${what} does not match its pod template labels (${pods || 'none'}); the API server rejects it ("selector does not match template labels"). Make spec.selector select the labels in spec.template.metadata.labels.`,
        extra,
      ),
    ];
  });
