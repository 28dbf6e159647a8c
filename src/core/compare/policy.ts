// DestinationRule changes that matter to traffic: subsets added or removed (removed while a route still
// uses them is the 503 risk, reported from the Envoy view) and policy changes (loadBalancer, connectionPool,
// outlierDetection, tls) on a cluster that receives traffic.
import { rec, type Rec } from '../model/read';
import type { DestinationRule, MeshModel } from '../model/types';
import { sameValue } from './resources';
import type { MeaningKind } from './types';

export const POLICY_FIELDS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'] as const;

export interface PolicyDraft {
  kind: MeaningKind;
  text: string;
  path: (string | number)[];
  side: 'base' | 'head';
}

const short = (host: string): string => host.split('.')[0] ?? host;

function compact(v: unknown): string {
  if (v === undefined) return 'unset';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** True when some route of the model sends traffic to the host (and subset, when given), or a Service backs it. */
export function receivesTraffic(model: MeshModel, fqdn: string, subset: string | undefined): boolean {
  const routed = model.virtualServices.some((vs) =>
    vs.routes.some((r) =>
      r.destinations.some((d) => d.fqdn === fqdn && (subset === undefined || d.subset === subset)),
    ),
  );
  if (routed || subset !== undefined) return routed;
  // Without a subset, a Service's own traffic (no VirtualService) goes to the host's cluster too.
  return (
    model.services.some((s) => s.fqdn === fqdn) || model.serviceEntries.some((s) => s.fqdns.includes(fqdn))
  );
}

function policyDiffs(where: string, a: Rec | undefined, b: Rec | undefined): string[] {
  const pa = rec(a);
  const pb = rec(b);
  return POLICY_FIELDS.filter((f) => !sameValue(pa[f], pb[f])).map(
    (f) => `${where}${f} ${compact(pa[f])} → ${compact(pb[f])}`,
  );
}

/** Meanings of one DestinationRule between versions (both present). */
export function policyMeanings(
  base: DestinationRule,
  head: DestinationRule,
  headModel: MeshModel,
): PolicyDraft[] {
  const out: PolicyDraft[] = [];
  const host = short(head.host);
  const baseSubsets = new Map(base.subsets.map((s) => [s.name, s]));
  const headSubsets = new Map(head.subsets.map((s) => [s.name, s]));
  for (const s of head.subsets) {
    if (!baseSubsets.has(s.name))
      out.push({
        kind: 'subset-added',
        text: `${host}: subset ${s.name} added`,
        path: ['spec', 'subsets', s.index],
        side: 'head',
      });
  }
  for (const s of base.subsets) {
    if (headSubsets.has(s.name)) continue;
    // Renamed: a new subset with the same labels.
    const renamed = head.subsets.find((h) => !baseSubsets.has(h.name) && sameValue(h.labels, s.labels));
    out.push({
      kind: 'subset-removed',
      text: renamed
        ? `${host}: subset ${s.name} renamed to ${renamed.name}`
        : `${host}: subset ${s.name} removed`,
      path: ['spec', 'subsets'],
      side: 'head',
    });
  }
  if (receivesTraffic(headModel, head.fqdn, undefined)) {
    const diffs = policyDiffs('', base.trafficPolicy, head.trafficPolicy);
    const portA = JSON.stringify(rec(base.trafficPolicy).portLevelSettings ?? null);
    const portB = JSON.stringify(rec(head.trafficPolicy).portLevelSettings ?? null);
    if (!sameValue(JSON.parse(portA), JSON.parse(portB))) diffs.push('portLevelSettings changed');
    if (diffs.length)
      out.push({
        kind: 'policy',
        text: `${host}: ${diffs.join('; ')} (the host receives traffic)`,
        path: ['spec', 'trafficPolicy'],
        side: 'head',
      });
  }
  for (const s of head.subsets) {
    const b = baseSubsets.get(s.name);
    if (!b || !receivesTraffic(headModel, head.fqdn, s.name)) continue;
    const diffs = policyDiffs('', b.trafficPolicy, s.trafficPolicy);
    if (diffs.length)
      out.push({
        kind: 'policy',
        text: `${host} ${s.name}: ${diffs.join('; ')} (the subset receives traffic)`,
        path: ['spec', 'subsets', s.index, 'trafficPolicy'],
        side: 'head',
      });
  }
  return out;
}
