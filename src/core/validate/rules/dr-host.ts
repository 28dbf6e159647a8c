import { nodeId } from '../../graph/ids';
import { sameNameInOtherNamespace } from '../../model/presence';
import { at, isPartial, type Rule } from '../context';
import { hostIndex } from '../../model/hosts';
import { ELSEWHERE_HINT } from './absent';
import { report } from './util';

/**
 * IST0174: a DestinationRule whose host matches no Service or ServiceEntry in the text. While the text is part
 * of a mesh, that Service is "not in this text" (info); when a VirtualService routes to the same host, its
 * IST0101 finding already lists this DestinationRule, so nothing more is said here.
 */
export const drHost: Rule = (ctx) => {
  const hosts = hostIndex([
    ...ctx.model.services.map((s) => s.fqdn),
    ...ctx.model.serviceEntries.flatMap((se) => se.fqdns),
  ]);
  const overlapsAny = (fqdn: string) => hosts.overlapping(fqdn).length > 0;
  const partial = isPartial(ctx);
  let routed: Set<string> | undefined;
  const isRouted = (fqdn: string) => {
    routed ??= new Set(
      ctx.model.virtualServices.flatMap((vs) =>
        vs.routes.flatMap((r) => [
          ...r.destinations.map((d) => d.fqdn),
          ...(r.mirror ? [r.mirror.fqdn] : []),
        ]),
      ),
    );
    return routed.has(fqdn);
  };
  return ctx.model.destinationRules.flatMap((dr) => {
    if (dr.fqdn === '') return [];
    const known = overlapsAny(dr.fqdn);
    if (known) return [];
    const node = { nodeId: nodeId.destinationrule(dr.namespace, dr.name) };
    if (partial && !sameNameInOtherNamespace(ctx.model, dr.fqdn)) {
      if (isRouted(dr.fqdn)) return [];
      return [
        at(
          ctx,
          dr,
          ['spec', 'host'],
          'IST0174',
          'info',
          `Host "${dr.host}" (${dr.fqdn}) is not in this text: no Service or ServiceEntry for it here. ${ELSEWHERE_HINT}`,
          node,
        ),
      ];
    }
    return [
      report(
        ctx,
        dr,
        ['spec', 'host'],
        'IST0174',
        `Host "${dr.host}" (${dr.fqdn}) matches no Service or ServiceEntry, so this DestinationRule applies to nothing. ` +
          `Fix the host, or add the Service (or a ServiceEntry for an external host).`,
        node,
      ),
    ];
  });
};
