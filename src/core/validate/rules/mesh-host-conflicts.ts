import { nodeId } from '../../graph/ids';
import type { VirtualService } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { hostIndex } from '../../model/hosts';
import { sidecarWinnerNote } from './sidecar-winner';
import { unionOf, type Bucket } from './union-count';
import { boundToMesh, cappedList, formatCount, cachedBy, NAMES_SHOWN, report } from './util';

/** Namespaces a VirtualService is exported to; undefined means all (never an empty set). */
function exportedTo(vs: VirtualService): Set<string> | undefined {
  if (vs.exportTo.length === 0 || vs.exportTo.includes('*')) return undefined;
  return new Set(vs.exportTo.map((e) => (e === '.' ? vs.namespace : e)));
}

interface Bound {
  vs: VirtualService;
  scope: Set<string> | undefined;
  hosts: Set<string>;
}

/** Who claims one host, as numbers into the bound list (ascending): all, unlimited ones, and by namespace. */
interface Claims {
  all: number[];
  unlimited: number[];
  byNs: Map<string, number[]>;
}

function claimsByHost(bound: readonly Bound[]): Map<string, Claims> {
  const out = new Map<string, Claims>();
  bound.forEach((b, i) => {
    for (const h of b.hosts) {
      let c = out.get(h);
      if (!c) out.set(h, (c = { all: [], unlimited: [], byNs: new Map() }));
      c.all.push(i);
      if (!b.scope) c.unlimited.push(i);
      for (const ns of b.scope ?? []) {
        const list = c.byNs.get(ns);
        if (list) list.push(i);
        else c.byNs.set(ns, [i]);
      }
    }
  });
  return out;
}

function message(host: string, names: string[], others: number): string {
  const who =
    others <= NAMES_SHOWN + 1
      ? `VirtualService ${names.join(', ')}`
      : `${formatCount(others)} other VirtualServices (${cappedList(names, others)})`;
  return (
    `Host ${host} is also claimed by ${who} for the mesh; sidecars will use only one of them. ` +
    `Merge their routes into one VirtualService, or limit one with \`exportTo\`.`
  );
}

function withNote(message: string, note: string | undefined): string {
  return note ? `${message} ${note}` : message;
}

/**
 * IST0109: two VirtualServices bound to the mesh claim overlapping hosts where both are visible; sidecars then
 * pick one arbitrarily (ConflictingMeshGatewayHostsAnalyzer). istioctl lists every peer in every message; with
 * thousands on one host that is quadratic, so the peers are counted once per (host, exportTo) and a message
 * names the first five.
 */
export const meshHostConflicts: Rule = (ctx) => {
  const bound: Bound[] = ctx.model.virtualServices
    .filter(boundToMesh)
    .map((vs) => ({ vs, scope: exportedTo(vs), hosts: new Set(vs.fqdns) }));
  const claims = claimsByHost(bound);
  const index = hostIndex(claims.keys());
  const claimsOf = (k: string) =>
    claims.get(k) ?? { all: [], unlimited: [], byNs: new Map<string, number[]>() };
  const claimsHost = (i: number, k: string) => bound[i]?.hosts.has(k) ?? false;
  // Two VirtualServices see each other when either is unlimited or their exportTo namespaces meet.
  const peersOf = (host: string, scope: Set<string> | undefined) =>
    unionOf(
      index.overlapping(host).flatMap((k): Bucket[] => {
        const c = claimsOf(k);
        if (!scope) return [{ items: c.all, has: (i) => claimsHost(i, k) }];
        return [
          { items: c.unlimited, has: (i) => claimsHost(i, k) && !bound[i]?.scope },
          ...[...scope].map((ns) => ({
            items: c.byNs.get(ns) ?? [],
            has: (i: number) => claimsHost(i, k) && (bound[i]?.scope?.has(ns) ?? false),
          })),
        ];
      }),
      NAMES_SHOWN + 2,
    );
  const peers = cachedBy(
    (host: string, scope: Set<string> | undefined) =>
      JSON.stringify([host, scope ? [...scope].sort() : null]),
    peersOf,
  );
  // Which one a sidecar keeps, and why (istiod's order), so the message names the winner.
  const winnerNote = sidecarWinnerNote(ctx);
  const out: Diagnostic[] = [];
  bound.forEach((a, ai) => {
    a.vs.fqdns.forEach((host, hi) => {
      const { count, head } = peers(host, a.scope);
      // `a` claims `host` and sees itself, so it is one of the `count`.
      const others = count - 1;
      if (others === 0) return;
      const names = head
        .filter((i) => i !== ai)
        .flatMap((i) => (bound[i] ? [`${bound[i].vs.namespace}/${bound[i].vs.name}`] : []));
      out.push(
        report(
          ctx,
          a.vs,
          ['spec', 'hosts', hi],
          'IST0109',
          withNote(message(host, names, others), winnerNote(a.vs, host)),
          {
            nodeId: nodeId.virtualservice(a.vs.namespace, a.vs.name),
          },
        ),
      );
    });
  });
  return out;
};
