import { arr, isRec, rec, str, strList, strMap, type Rec } from './read';
import type { Workload } from './types';

/** Argo Rollouts' API group: a `Rollout` there runs pods like a Deployment and steers Istio routing. */
export const ARGO_ROLLOUTS_GROUP = 'argoproj.io';

/** An Istio VirtualService a Rollout rewrites the weights of, and the named routes it rewrites. */
export interface RolloutVirtualService {
  name: string;
  /** `routes` (http); empty when the VirtualService has a single route, as Argo Rollouts allows. */
  routes: string[];
  tlsRoutes: number;
  tcpRoutes: number;
}

/**
 * What a Rollout references for Istio traffic shifting, as written in `spec.strategy` (Argo Rollouts' Istio
 * docs): host-level splitting names a canary and a stable Service; subset-level splitting names a
 * DestinationRule and its canary and stable subsets; both name the VirtualService(s) whose weights it rewrites.
 */
export interface RolloutRefs {
  strategy: 'canary' | 'blueGreen' | undefined;
  canaryService: string | undefined;
  stableService: string | undefined;
  /** Blue-green's Services. */
  activeService: string | undefined;
  previewService: string | undefined;
  virtualServices: RolloutVirtualService[];
  destinationRule: { name: string; canarySubsetName: string; stableSubsetName: string } | undefined;
  /** `spec.workloadRef`: the Deployment whose pod template this Rollout runs (then it has no template of its own). */
  workloadRef: string | undefined;
}

/** A Rollout in the model's workloads, with its traffic references. */
export interface RolloutWorkload extends Workload {
  kind: 'Rollout';
  rollout: RolloutRefs;
}

/** True for an Argo Rollouts Rollout object (any version of the group). */
export function isRolloutObject(kind: string, apiVersion: string): boolean {
  return kind === 'Rollout' && apiVersion.startsWith(`${ARGO_ROLLOUTS_GROUP}/`);
}

export function isRollout(w: Workload): w is RolloutWorkload {
  return w.kind === 'Rollout' && 'rollout' in w;
}

function virtualServicesOf(istio: Rec): RolloutVirtualService[] {
  // `virtualService` (one) is the older form; `virtualServices` (a list) the newer. Both may be read.
  const one = isRec(istio.virtualService) ? [istio.virtualService] : [];
  return [...one, ...arr(istio.virtualServices).filter(isRec)].flatMap((v) => {
    const name = str(v.name);
    if (!name) return [];
    return [
      {
        name,
        routes: strList(v.routes),
        tlsRoutes: arr(v.tlsRoutes).length,
        tcpRoutes: arr(v.tcpRoutes).length,
      },
    ];
  });
}

/** Reads a Rollout's Istio references; never throws, a wrong type reads as absent. */
export function rolloutRefsOf(spec: Rec): RolloutRefs {
  const strategy = rec(spec.strategy);
  const canary = isRec(strategy.canary) ? strategy.canary : undefined;
  const blueGreen = isRec(strategy.blueGreen) ? strategy.blueGreen : undefined;
  const istio = rec(rec(canary?.trafficRouting).istio);
  const dr = rec(istio.destinationRule);
  const drName = str(dr.name);
  return {
    strategy: canary ? 'canary' : blueGreen ? 'blueGreen' : undefined,
    canaryService: str(canary?.canaryService),
    stableService: str(canary?.stableService),
    activeService: str(blueGreen?.activeService),
    previewService: str(blueGreen?.previewService),
    virtualServices: virtualServicesOf(istio),
    destinationRule: drName
      ? {
          name: drName,
          canarySubsetName: str(dr.canarySubsetName) ?? '',
          stableSubsetName: str(dr.stableSubsetName) ?? '',
        }
      : undefined,
    workloadRef: isRec(spec.workloadRef) ? str(spec.workloadRef.name) : undefined,
  };
}

/**
 * The labels a Rollout's pods carry: its template's, or (with `workloadRef` and no template) its selector's,
 * which every pod it runs must match. Argo adds `rollouts-pod-template-hash` at run time, which no manifest
 * selects on, so it is left out.
 */
export function rolloutPodLabels(spec: Rec): Record<string, string> {
  const template = strMap(rec(rec(spec.template).metadata).labels);
  if (Object.keys(template).length > 0) return template;
  return strMap(rec(spec.selector).matchLabels);
}

/** One line for a node or an inspector: what the Rollout shifts traffic between, and where. */
export function describeRollout(r: RolloutRefs): string {
  const parts: string[] = [];
  if (r.destinationRule) {
    const { name, canarySubsetName, stableSubsetName } = r.destinationRule;
    parts.push(`subsets ${stableSubsetName || '?'}/${canarySubsetName || '?'} of ${name}`);
  } else if (r.canaryService || r.stableService) {
    parts.push(`services ${r.stableService ?? '?'}/${r.canaryService ?? '?'}`);
  } else if (r.activeService || r.previewService) {
    parts.push(`active ${r.activeService ?? '?'}, preview ${r.previewService ?? '?'}`);
  }
  const vs = r.virtualServices.map((v) => (v.routes.length ? `${v.name}[${v.routes.join(',')}]` : v.name));
  if (vs.length) parts.push(`via ${vs.join(', ')}`);
  return parts.join(' ') || (r.strategy ?? 'no strategy');
}
