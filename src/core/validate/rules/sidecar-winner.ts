import { byCreation, DEFAULT_ENV } from '../../envoy/env';
import { visibilityTier } from '../../envoy/vs-select';
import { rec, str } from '../../model/read';
import type { VirtualService } from '../../model/types';
import type { ValidationContext } from '../context';
import { boundToMesh, cachedBy } from './util';

const createdAt = (vs: VirtualService) => str(rec(vs.raw.metadata).creationTimestamp);
const key = (vs: VirtualService) => `${vs.namespace}/${vs.name}`;

/** Why istiod puts `w` before `l` for a proxy in `ns` (the order envoy/vs-select.ts and envoy/env.ts implement). */
function reason(w: VirtualService, l: VirtualService, ns: string): string {
  const tw = visibilityTier(w, ns) ?? 2;
  const tl = visibilityTier(l, ns) ?? 2;
  if (tw !== tl)
    return `${key(w)} is exported ${tw === 0 ? 'privately (`exportTo: ["."]`)' : `to ${ns} by name`}, which istiod prefers over a wider exportTo`;
  const cw = createdAt(w);
  const cl = createdAt(l);
  if (cw !== undefined && cl !== undefined && cw !== cl)
    return `${key(w)} was created first (creationTimestamp ${cw}, before ${cl})`;
  if (cw !== undefined && cl === undefined)
    return `${key(w)} has a creationTimestamp and ${key(l)} has none, so ${key(l)} counts as created later`;
  if (cw === undefined && cl === undefined)
    return `neither has a creationTimestamp, so they count as applied top to bottom and ${key(w)} comes first in the text`;
  return `they share a creationTimestamp, so istiod orders them by name, then namespace`;
}

/**
 * For IST0109: which of the VirtualServices claiming exactly one host a sidecar in the VirtualService's own
 * namespace keeps (istiod's order: visibility tier, creationTimestamp, name, namespace; untimed ones after, in
 * text order), as a sentence for the message. Undefined when fewer than two claim the host exactly (a wildcard
 * overlap is decided per service, by the most specific host). One sort per rule run; answers cached per host
 * and namespace, so thousands of VirtualServices on one host stay linear.
 */
export function sidecarWinnerNote(
  ctx: ValidationContext,
): (vs: VirtualService, host: string) => string | undefined {
  // Built on the first conflict only: most texts have none, and then this costs nothing.
  let byHost: Map<string, VirtualService[]> | undefined;
  const hostMap = (): Map<string, VirtualService[]> => {
    if (byHost) return byHost;
    byHost = new Map();
    for (const vs of byCreation(ctx.model.virtualServices.filter(boundToMesh), DEFAULT_ENV)) {
      for (const h of new Set(vs.fqdns)) {
        const list = byHost.get(h);
        if (list) list.push(vs);
        else byHost.set(h, [vs]);
      }
    }
    return byHost;
  };
  // The first two a sidecar in `ns` sees for `host`, in istiod's order (a stable sort keeps creation order per tier).
  const firstTwo = cachedBy(
    (host: string, ns: string) => `${ns}\u0000${host}`,
    (host: string, ns: string): VirtualService[] =>
      (hostMap().get(host) ?? [])
        .filter((v) => visibilityTier(v, ns) !== undefined)
        .sort((a, b) => (visibilityTier(a, ns) ?? 2) - (visibilityTier(b, ns) ?? 2))
        .slice(0, 2),
  );
  return (vs, host) => {
    const ns = vs.namespace;
    if (visibilityTier(vs, ns) === undefined) return undefined;
    const [winner, second] = firstTwo(host, ns);
    if (!winner || !second) return undefined;
    if (winner === vs)
      return `Sidecars in namespace ${ns} keep this one for ${host} and ignore ${key(second)}${(hostMap().get(host)?.length ?? 0) > 2 ? ' and the others' : ''}: ${reason(vs, second, ns)}.`;
    return `Sidecars in namespace ${ns} keep VirtualService ${key(winner)} for ${host} and ignore this one: ${reason(winner, vs, ns)}.`;
  };
}
