import { DOMAIN_SUFFIX } from './hosts';
import type { MeshModel, Service } from './types';

// Per model: built on first ask, so a text with no unresolved host never pays for it.
const byName = new WeakMap<MeshModel, Map<string, Service[]>>();

function servicesNamed(m: MeshModel, name: string): readonly Service[] {
  let index = byName.get(m);
  if (!index) {
    index = new Map();
    for (const s of m.services) {
      const k = s.name.toLowerCase();
      const list = index.get(k);
      if (list) list.push(s);
      else index.set(k, [s]);
    }
    byName.set(m, index);
  }
  return index.get(name) ?? [];
}

/**
 * For a cluster host (`name.ns.svc.cluster.local`) with no Service of its own: a Service of the same name in
 * another namespace of the text. Then the reference is not "elsewhere" but most likely a namespace mix-up
 * (a short host read in the wrong namespace), so it stays an error even when the text is part of a mesh.
 */
export function sameNameInOtherNamespace(m: MeshModel, fqdn: string): Service | undefined {
  const suffix = `.svc.${DOMAIN_SUFFIX}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const [name, ns, ...rest] = fqdn.slice(0, -suffix.length).split('.');
  if (!name || !ns || rest.length > 0) return undefined;
  return servicesNamed(m, name).find((s) => s.namespace !== ns);
}
