import { edgeId, nodeId } from '../../graph/ids';
import type { Route, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { hostTargetFinder, listOf, report, rulePath } from './util';

interface Target {
  host: string;
  fqdn: string;
  port: number | undefined;
  /** Path of the `destination` (or `mirror`) object inside the VirtualService. */
  path: YamlPath;
  edgeId: string;
  what: string;
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
  }));
  if (r.mirror) {
    out.push({
      host: r.mirror.host,
      fqdn: r.mirror.fqdn,
      port: r.mirror.port,
      path: [...base, 'mirror'],
      edgeId: edgeId.mirror(vs.namespace, vs.name, r.index),
      what: 'Mirror',
    });
  }
  return out;
}

function check(
  ctx: ValidationContext,
  findTarget: ReturnType<typeof hostTargetFinder>,
  vs: VirtualService,
  t: Target,
): Diagnostic[] {
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
  const target = findTarget(vs, t.fqdn);
  if (!target) {
    return [
      report(
        ctx,
        vs,
        [...t.path, 'host'],
        'IST0101',
        `Host "${t.host}" (${t.fqdn}) matches no Service or ServiceEntry visible from namespace ${vs.namespace}. ` +
          `Add the Service (or a ServiceEntry for an external host), fix the name, or check their exportTo.`,
        ids,
      ),
    ];
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

/** IST0101 (destination and mirror hosts, ports) and IST0112 (port required), as istioctl's DestinationHostAnalyzer. */
export const destinationHost: Rule = (ctx) => {
  const findTarget = hostTargetFinder(ctx);
  return ctx.model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) => targetsOf(vs, r).flatMap((t) => check(ctx, findTarget, vs, t))),
  );
};
