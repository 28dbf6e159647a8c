import { byCreation, DEFAULT_ENV } from '../envoy/env';
import type { MeshIndex } from '../graph/build-graph';
import { DOMAIN_SUFFIX, hostMatches, resolveHost } from '../model/hosts';
import type { MeshModel, VirtualService } from '../model/types';
import { normaliseGatewayRef } from './gateways';

/**
 * Resolves the host a client calls as its DNS would: a short name in the client's namespace, `name.ns` under
 * `svc.cluster.local` when such a Service exists, anything else as written (lower-cased, port stripped).
 */
export function resolveRequestHost(index: MeshIndex, host: string, sourceNamespace: string): string {
  const bare = host.trim().replace(/:\d+$/, '');
  const fqdn = resolveHost(bare, sourceNamespace);
  const svcForm = `${fqdn}.svc.${DOMAIN_SUFFIX}`;
  if (fqdn.split('.').length === 2 && !index.servicesByFqdn.has(fqdn) && index.servicesByFqdn.has(svcForm)) {
    return svcForm;
  }
  return fqdn;
}

/** True when `exportTo` lets a proxy in `viewerNs` see a resource of namespace `ownNs`. */
export function isVisible(exportTo: readonly string[], ownNs: string, viewerNs: string): boolean {
  if (exportTo.length === 0) return true;
  return exportTo.some((e) => e === '*' || (e === '.' && ownNs === viewerNs) || e === viewerNs);
}

/** The gateways a VirtualService binds to, as `mesh` / `ns/name`; none written means `mesh`. */
export function vsGateways(vs: VirtualService): string[] {
  if (vs.gateways.length === 0) return ['mesh'];
  return vs.gateways.map((g) => normaliseGatewayRef(g, vs.namespace));
}

/** How specific a host pattern is for a host: exact beats any wildcard, a longer wildcard beats a shorter. */
function specificity(pattern: string, fqdn: string): number | undefined {
  if (pattern === fqdn) return Number.MAX_SAFE_INTEGER;
  return hostMatches(pattern, fqdn) ? pattern.length : undefined;
}

export interface VsSelection {
  /** The VirtualServices whose rules apply, in order (merged at a gateway). */
  applied: VirtualService[];
  /** Same-host VirtualServices a sidecar ignores because an earlier one wins. */
  shadowed: VirtualService[];
  /** The VS host pattern that won, when any did. */
  host: string | undefined;
}

/**
 * Picks the VirtualServices that route a request for `fqdn` entering by `gateway` (`mesh` or `ns/name`): bound
 * to that gateway, visible there (exportTo), and with the most specific matching host. A gateway merges
 * VirtualServices that share the winning host, in istiod's order (creationTimestamp, then name and namespace;
 * untimed ones after, in text order); a sidecar takes the first and ignores the rest (Istio's IST0109). VirtualServices without hosts are delegates and never picked here.
 */
export function selectVirtualServices(
  model: MeshModel,
  fqdn: string,
  gateway: string,
  viewerNamespace: string,
): VsSelection {
  let best = -1;
  let host: string | undefined;
  let picked: VirtualService[] = [];
  for (const vs of byCreation(model.virtualServices, DEFAULT_ENV)) {
    if (vs.hosts.length === 0 || !vsGateways(vs).includes(gateway)) continue;
    if (!isVisible(vs.exportTo, vs.namespace, viewerNamespace)) continue;
    let score = -1;
    let pattern: string | undefined;
    for (const h of vs.fqdns) {
      const s = specificity(h, fqdn);
      if (s !== undefined && s > score) [score, pattern] = [s, h];
    }
    if (pattern === undefined) continue;
    if (score > best) [best, host, picked] = [score, pattern, [vs]];
    else if (score === best && pattern === host) picked.push(vs);
  }
  if (gateway === 'mesh' && picked.length > 1) {
    return { applied: picked.slice(0, 1), shadowed: picked.slice(1), host };
  }
  return { applied: picked, shadowed: [], host };
}
