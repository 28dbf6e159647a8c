// The part of a mesh a change can affect, so a 2,000-resource pair is compared at the cost of the change,
// not of the mesh: requests to hosts outside it get the same answer in both versions, and the Envoy view's
// facts about the changed hosts need only the resources that name them.
import { indexModel, type MeshIndex } from '../graph/build-graph';
import { hostMatches } from '../model/hosts';
import type { MeshModel } from '../model/types';

/** FQDNs a change can move requests of, or `all` when it can move any (a Gateway, a delegate, a workload…). */
export type Touched = Set<string> | 'all';

/**
 * The touched hosts plus every host whose VirtualService (in either version) routes to one of them: a
 * request to such a host can change its answer. Hosts outside this set keep theirs.
 */
export function reach(touched: Set<string>, models: readonly MeshModel[]): Set<string> {
  const out = new Set(touched);
  for (const m of models) {
    for (const vs of m.virtualServices) {
      const dests = vs.routes.flatMap((r) => r.destinations.map((d) => d.fqdn));
      if (vs.fqdns.some((f) => touched.has(f)) || dests.some((f) => touched.has(f))) {
        vs.fqdns.forEach((f) => out.add(f));
        dests.forEach((f) => out.add(f));
      }
    }
  }
  return out;
}

const covers = (hosts: readonly string[], set: Set<string>): boolean =>
  hosts.some((h) => set.has(h) || (h.includes('*') && [...set].some((f) => hostMatches(h, f))));

/**
 * The model cut to the resources that name a host of `hosts` (wildcards included), the workloads of their
 * namespaces and every Gateway, with its own index. Small models are returned whole.
 */
export function neighbourhood(
  model: MeshModel,
  index: MeshIndex,
  hosts: Set<string>,
): { model: MeshModel; index: MeshIndex } {
  if (model.resources.length < 200) return { model, index };
  const virtualServices = model.virtualServices.filter(
    (vs) => vs.hosts.length === 0 || covers(vs.fqdns, hosts),
  );
  const destinationRules = model.destinationRules.filter((d) => covers([d.fqdn], hosts));
  const services = model.services.filter((s) => hosts.has(s.fqdn));
  const serviceEntries = model.serviceEntries.filter((s) => covers(s.fqdns, hosts));
  const namespaces = new Set([...services, ...serviceEntries].map((s) => s.namespace));
  const workloads = model.workloads.filter((w) => namespaces.has(w.namespace));
  const cut: MeshModel = { ...model, virtualServices, destinationRules, services, serviceEntries, workloads };
  return { model: cut, index: indexModel(cut) };
}
