import type { MeshModel, ResourceBase } from '../src/core/model/types';

function lastOf<T extends ResourceBase>(list: readonly T[]): T[] {
  const last = new Map<string, T>();
  for (const r of list) last.set(`${r.apiVersion.split('/')[0] ?? ''} ${r.ref}`, r);
  const keep = new Set(last.values());
  return list.filter((r) => keep.has(r));
}

/**
 * The model as the cluster holds it after `kubectl apply -f` of every file: of several resources with one kind,
 * namespace and name, the last applied is the one that exists. `its check` reports such duplicates (ITS0105);
 * `its test` routes with what would be live.
 */
export function lastApplied(model: MeshModel): MeshModel {
  return {
    ...model,
    resources: lastOf(model.resources),
    services: lastOf(model.services),
    workloads: lastOf(model.workloads),
    destinationRules: lastOf(model.destinationRules),
    virtualServices: lastOf(model.virtualServices),
    gateways: lastOf(model.gateways),
    serviceEntries: lastOf(model.serviceEntries),
    others: lastOf(model.others),
  };
}
