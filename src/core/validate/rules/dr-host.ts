import { nodeId } from '../../graph/ids';
import type { Rule } from '../context';
import { hostIndex } from '../../model/hosts';
import { report } from './util';

/** IST0174: a DestinationRule whose host matches no Service or ServiceEntry in the text. */
export const drHost: Rule = (ctx) => {
  const hosts = hostIndex([
    ...ctx.model.services.map((s) => s.fqdn),
    ...ctx.model.serviceEntries.flatMap((se) => se.fqdns),
  ]);
  const overlapsAny = (fqdn: string) => hosts.overlapping(fqdn).length > 0;
  return ctx.model.destinationRules.flatMap((dr) => {
    if (dr.fqdn === '') return [];
    const known = overlapsAny(dr.fqdn);
    if (known) return [];
    return [
      report(
        ctx,
        dr,
        ['spec', 'host'],
        'IST0174',
        `Host "${dr.host}" (${dr.fqdn}) matches no Service or ServiceEntry, so this DestinationRule applies to nothing. ` +
          `Fix the host, or add the Service (or a ServiceEntry for an external host).`,
        { nodeId: nodeId.destinationrule(dr.namespace, dr.name) },
      ),
    ];
  });
};
