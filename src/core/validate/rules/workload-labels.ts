import { nodeId } from '../../graph/ids';
import { selectorMatches } from '../../model/labels';
import type { DestinationRule, Service, Workload } from '../../model/types';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { cachedBy, report, selectorKey } from './util';

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

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Answers "does any of these selectors select these labels?" without trying each: a selector is filed under its
 * rarest label pair, and labels only look in the buckets of their own pairs. One DestinationRule with thousands
 * of version subsets then costs each pod one lookup per label.
 */
function anySelects(
  selectors: readonly Record<string, string>[],
): (labels: Record<string, string>) => boolean {
  // NUL-joined like the mesh index's keys: JSON.stringify here was a third of this rule's time per keystroke.
  const pair = (k: string, v: string) => `${k}\u0000${v}`;
  const freq = new Map<string, number>();
  for (const sel of selectors) {
    for (const [k, v] of Object.entries(sel)) freq.set(pair(k, v), (freq.get(pair(k, v)) ?? 0) + 1);
  }
  const buckets = new Map<string, Record<string, string>[]>();
  for (const sel of selectors) {
    let rarest: string | undefined;
    for (const [k, v] of Object.entries(sel)) {
      const p = pair(k, v);
      if (rarest === undefined || (freq.get(p) ?? 0) < (freq.get(rarest) ?? 0)) rarest = p;
    }
    // An empty selector selects nothing, so it is not filed.
    if (rarest !== undefined) push(buckets, rarest, sel);
  }
  return (labels) =>
    Object.entries(labels).some(([k, v]) =>
      (buckets.get(pair(k, v)) ?? []).some((sel) => selectorMatches(sel, labels)),
    );
}

interface Routed {
  service: Service;
  /** Its host's DestinationRules that have subsets (at least one). */
  drs: DestinationRule[];
  covers: (labels: Record<string, string>) => boolean;
}

/**
 * For each workload, the Services selecting it whose host has subsets, in model order, each with a test of
 * whether a subset covers the pod. Services without subsets are never looked at, so thousands of Services with
 * one selector cost nothing here.
 */
function routedServices(ctx: ValidationContext): (w: Workload) => Routed[] {
  const withSubsets = cachedBy(String, (fqdn: string) =>
    ctx.index.drsFor(fqdn).filter((dr) => dr.subsets.length > 0),
  );
  const coverFor = cachedBy(
    (s: Service) => JSON.stringify([s.fqdn, selectorKey('', s.selector)]),
    (s: Service) =>
      anySelects(
        withSubsets(s.fqdn).flatMap((dr) => dr.subsets.map((sub) => ({ ...s.selector, ...sub.labels }))),
      ),
  );
  // Filed under the first pair of the selector, as the mesh index does: a workload finds them by its labels.
  const byFirstPair = new Map<string, Routed[]>();
  const order = new Map<Service, number>();
  ctx.model.services.forEach((s, i) => {
    const first = Object.entries(s.selector)[0];
    const drs = withSubsets(s.fqdn);
    if (!first || drs.length === 0) return;
    const key = `${s.namespace}\u0000${first[0]}\u0000${first[1]}`;
    const routed = { service: s, drs, covers: coverFor(s) };
    push(byFirstPair, key, routed);
    order.set(s, i);
  });
  return (w) =>
    Object.entries(w.podLabels)
      .flatMap(([k, v]) => byFirstPair.get(`${w.namespace}\u0000${k}\u0000${v}`) ?? [])
      .filter((r) => selectorMatches(r.service.selector, w.podLabels))
      .sort((a, b) => (order.get(a.service) ?? 0) - (order.get(b.service) ?? 0));
}

/** Info when a workload's version is routed by subsets but no subset of its host selects it. */
function uncoveredVersion(
  ctx: ValidationContext,
  routed: (w: Workload) => Routed[],
  w: Workload,
): Diagnostic[] {
  if (!w.version) return [];
  const r = routed(w).find((x) => !x.covers(w.podLabels));
  if (!r) return [];
  const s = r.service;
  const dr = r.drs[0];
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

/** ITS0102 (Deployment without app/version labels) and ITS0103 (a version no subset covers, info). */
export const workloadLabels: Rule = (ctx) => {
  const routed = routedServices(ctx);
  return ctx.model.workloads
    .filter((w) => CHECKED_KINDS.has(w.kind))
    .flatMap((w) => [...missingLabels(ctx, w), ...uncoveredVersion(ctx, routed, w)]);
};
