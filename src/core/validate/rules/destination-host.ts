import { edgeId, nodeId } from '../../graph/ids';
import type { Route, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import { sameNameInOtherNamespace } from '../../model/presence';
import { isPartial, type Rule, type ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';
import { AbsentGroups, ELSEWHERE_HINT, hostInText, referencedBy } from './absent';
import { changeScalarFix, closestName } from './did-you-mean';
import { cachedBy, hostTargetFinder, listOf, report, rulePath } from './util';

interface Target {
  host: string;
  fqdn: string;
  port: number | undefined;
  /** Path of the `destination` (or `mirror`) object inside the VirtualService. */
  path: YamlPath;
  edgeId: string;
  what: string;
  /** The destination's index in its route (0 for a mirror). */
  index: number;
}

function targetsOf(vs: VirtualService, r: Route): Target[] {
  const base = rulePath(r);
  const out: Target[] = r.destinations.map((d) => ({
    host: d.host,
    fqdn: d.fqdn,
    port: d.port,
    path: [...base, 'route', d.index, 'destination'],
    edgeId: edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index),
    what: 'Route destination',
    index: d.index,
  }));
  if (r.mirror) {
    out.push({
      host: r.mirror.host,
      fqdn: r.mirror.fqdn,
      port: r.mirror.port,
      path: [...base, 'mirror'],
      edgeId: edgeId.mirror(vs.namespace, vs.name, r.index),
      what: 'Mirror',
      index: 0,
    });
  }
  return out;
}

/** A missing host reference: which host, and the subsets routes ask of it. */
interface AbsentHost {
  host: string;
  fqdn: string;
  subsets: Set<string>;
}

/** `name` and `ns` of a cluster host `name.ns.svc.cluster.local`, for "Create Service". */
function clusterName(fqdn: string): { name: string; namespace: string } | undefined {
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local$/.exec(
    fqdn,
  );
  return m?.[1] && m[3] ? { name: m[1], namespace: m[3] } : undefined;
}

/** Hosts a reference could have meant, as written from the VirtualService's namespace: Services, ServiceEntry hosts. */
function hostCandidates(ctx: ValidationContext, vsNamespace: string): string[] {
  return [
    ...ctx.model.services.map((s) => (s.namespace === vsNamespace ? s.name : `${s.name}.${s.namespace}`)),
    ...ctx.model.serviceEntries.flatMap((se) => se.hosts),
  ];
}

interface Lookups {
  findTarget: ReturnType<typeof hostTargetFinder>;
  /** The closest host to a missing one, per (written host, namespace). */
  closest(host: string, vsNamespace: string): string | undefined;
  absent: AbsentGroups<AbsentHost>;
}

/** "Change to `reviews`" (the closest host), then "Create Service reviews": the first is the preferred fix. */
function hostFixes(
  ctx: ValidationContext,
  look: Lookups,
  vs: VirtualService,
  t: Target,
  at: Diagnostic,
): QuickFix[] {
  const out: QuickFix[] = [];
  // A Service of that name in another namespace is what a short host read in the wrong namespace meant.
  const other = sameNameInOtherNamespace(ctx.model, t.fqdn);
  const near = other ? `${other.name}.${other.namespace}` : look.closest(t.host, vs.namespace);
  const change = near === undefined ? undefined : changeScalarFix(ctx, at.range, near);
  if (change) out.push(change);
  const svc = clusterName(t.fqdn);
  if (svc) {
    out.push({
      title: `Create Service ${svc.name}${svc.namespace === vs.namespace ? '' : ` in ${svc.namespace}`}`,
      intent: {
        type: 'addResource',
        kind: 'Service',
        name: svc.name,
        ...(svc.namespace === vs.namespace && !vs.namespaceExplicit ? {} : { namespace: svc.namespace }),
        ...(t.port !== undefined ? { port: t.port } : {}),
      },
    });
  }
  return out;
}

function check(ctx: ValidationContext, look: Lookups, vs: VirtualService, r: Route, t: Target): Diagnostic[] {
  const ids = { edgeId: t.edgeId, nodeId: nodeId.virtualservice(vs.namespace, vs.name) };
  if (t.host === '') {
    return [
      report(
        ctx,
        vs,
        t.path,
        'IST0101',
        `${t.what} names no host. Set \`host\` to a Service or ServiceEntry host.`,
        ids,
      ),
    ];
  }
  const target = look.findTarget(vs, t.fqdn);
  if (!target) {
    const inText = hostInText(ctx, t.fqdn);
    if (!inText && isPartial(ctx)) {
      // One finding per missing host, on the missing node: every reference to it is listed there.
      const ref = report(ctx, vs, [...t.path, 'host'], 'IST0101', '', {
        ...ids,
        nodeId: nodeId.missing(t.fqdn),
      });
      ref.fixes = hostFixes(ctx, look, vs, t, ref);
      const group = look.absent.add(t.fqdn, ref, () => ({ host: t.host, fqdn: t.fqdn, subsets: new Set() }));
      const subset = t.what === 'Mirror' ? r.mirror?.subset : r.destinations[t.index]?.subset;
      if (subset !== undefined) group.subsets.add(subset);
      return [];
    }
    const other = sameNameInOtherNamespace(ctx.model, t.fqdn);
    const d = report(
      ctx,
      vs,
      [...t.path, 'host'],
      'IST0101',
      `Host "${t.host}" (${t.fqdn}) matches no Service or ServiceEntry visible from namespace ${vs.namespace}. ` +
        (other
          ? `Service ${other.name} is in namespace ${other.namespace}: write \`${other.name}.${other.namespace}\` to reach it, or check the namespace resources without one are read in.`
          : `Add the Service (or a ServiceEntry for an external host), fix the name, or check their exportTo.`),
      ids,
    );
    const fixes = hostFixes(ctx, look, vs, t, d);
    return [fixes.length ? { ...d, fixes } : d];
  }
  const ports =
    target.kind === 'service'
      ? target.service.ports
      : target.kind === 'serviceentry'
        ? target.entry.ports
        : [];
  const owner = target.kind === 'service' ? target.service.ref : target.entry.ref;
  const numbers = ports.map((p) => p.port).filter((p): p is number => p !== undefined);
  if (t.port === undefined) {
    // A mirror's port defaults like a route's, but istioctl only asks routes to disambiguate.
    if (t.what === 'Mirror' || target.kind !== 'service' || numbers.length <= 1) return [];
    return [
      report(
        ctx,
        vs,
        t.path,
        'IST0112',
        `${owner} exposes several ports (${listOf(numbers.map(String))}); this destination must say which one. ` +
          `Add \`port: {number: ${numbers[0]}}\` (or another of its ports).`,
        ids,
      ),
    ];
  }
  if (numbers.length === 0 || numbers.includes(t.port)) return [];
  return [
    report(
      ctx,
      vs,
      [...t.path, 'port', 'number'],
      'IST0101',
      `Port ${t.port} is not exposed by ${owner} (ports: ${listOf(numbers.map(String))}). Use one of those ports.`,
      ids,
    ),
  ];
}

function absentMessage(h: AbsentHost, refs: readonly Diagnostic[]): string {
  const subsets = [...h.subsets];
  return (
    `Host "${h.host}" (${h.fqdn}) is not in this text: no Service or ServiceEntry for it here` +
    (subsets.length ? `, nor the DestinationRule of its subsets ${listOf(subsets)}. ` : '. ') +
    `${referencedBy(refs)} ${ELSEWHERE_HINT}`
  );
}

/**
 * IST0101 (destination and mirror hosts, ports) and IST0112 (port required), as istioctl's DestinationHostAnalyzer.
 * A host with nothing for it in the text is, while the text is part of a mesh, one info finding listing every
 * reference (DestinationRules for it too); otherwise an error per reference. Fixes: the closest host, then create.
 */
export const destinationHost: Rule = (ctx) => {
  const look: Lookups = {
    findTarget: hostTargetFinder(ctx),
    closest: cachedBy(
      (host, ns) => JSON.stringify([host, ns]),
      (host: string, ns: string) => closestName(host, hostCandidates(ctx, ns)),
    ),
    absent: new AbsentGroups<AbsentHost>(),
  };
  const out = ctx.model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) => targetsOf(vs, r).flatMap((t) => check(ctx, look, vs, r, t))),
  );
  if (!isPartial(ctx)) return out;
  for (const dr of ctx.model.destinationRules) {
    if (!look.absent.has(dr.fqdn)) continue;
    const ref = report(ctx, dr, ['spec', 'host'], 'IST0101', '');
    look.absent.add(dr.fqdn, ref, () => ({ host: dr.host, fqdn: dr.fqdn, subsets: new Set() }));
  }
  return [...out, ...look.absent.findings(absentMessage)];
};
