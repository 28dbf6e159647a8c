import { nodeId } from '../../graph/ids';
import { hostsOverlap } from '../../model/hosts';
import type { VirtualService } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { boundToMesh, report } from './util';

/** Namespaces a VirtualService is exported to; undefined means all. */
function exportedTo(vs: VirtualService): Set<string> | undefined {
  if (vs.exportTo.length === 0 || vs.exportTo.includes('*')) return undefined;
  return new Set(vs.exportTo.map((e) => (e === '.' ? vs.namespace : e)));
}

function shareANamespace(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return (a ?? b ?? new Set(['*'])).size > 0;
  return [...a].some((ns) => b.has(ns));
}

interface Bound {
  vs: VirtualService;
  scope: Set<string> | undefined;
}

/**
 * The bound VirtualServices that may overlap `host`, in their original order: those claiming it exactly plus
 * those with any wildcard host. A wildcard `host` may overlap anything, so it gets the whole list. Bucketing
 * keeps the check linear in practice instead of comparing every pair.
 */
function candidatesByHost(bound: Bound[]): (host: string) => Bound[] {
  const exact = new Map<string, number[]>();
  const wild: number[] = [];
  bound.forEach((b, i) => {
    if (b.vs.fqdns.some((h) => h.startsWith('*'))) wild.push(i);
    for (const h of new Set(b.vs.fqdns)) {
      if (h.startsWith('*')) continue;
      const list = exact.get(h);
      if (list) list.push(i);
      else exact.set(h, [i]);
    }
  });
  return (host) => {
    if (host.startsWith('*')) return bound;
    const at = new Set([...(exact.get(host) ?? []), ...wild]);
    return [...at].sort((x, y) => x - y).flatMap((i) => bound[i] ?? []);
  };
}

/**
 * IST0109: two VirtualServices bound to the mesh claim overlapping hosts where both are visible; sidecars then
 * pick one arbitrarily (ConflictingMeshGatewayHostsAnalyzer).
 */
export const meshHostConflicts: Rule = (ctx) => {
  const bound = ctx.model.virtualServices.filter(boundToMesh).map((vs) => ({ vs, scope: exportedTo(vs) }));
  const candidates = candidatesByHost(bound);
  const out: Diagnostic[] = [];
  for (const a of bound) {
    a.vs.fqdns.forEach((host, hi) => {
      const others = candidates(host).filter(
        (b) =>
          b.vs !== a.vs && shareANamespace(a.scope, b.scope) && b.vs.fqdns.some((h) => hostsOverlap(h, host)),
      );
      if (others.length === 0) return;
      const names = others.map((b) => `${b.vs.namespace}/${b.vs.name}`).join(', ');
      out.push(
        report(
          ctx,
          a.vs,
          ['spec', 'hosts', hi],
          'IST0109',
          `Host ${host} is also claimed by VirtualService ${names} for the mesh; sidecars will use only one of them. ` +
            `Merge their routes into one VirtualService, or limit one with \`exportTo\`.`,
          { nodeId: nodeId.virtualservice(a.vs.namespace, a.vs.name) },
        ),
      );
    });
  }
  return out;
};
