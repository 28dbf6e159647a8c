import { nodeId } from '../../graph/ids';
import { hostsOverlap } from '../../model/hosts';
import type { Rule } from '../context';
import { report } from './util';

/** IST0174: a DestinationRule whose host matches no Service or ServiceEntry in the text. */
export const drHost: Rule = (ctx) =>
  ctx.model.destinationRules.flatMap((dr) => {
    if (dr.fqdn === '') return [];
    const known =
      ctx.model.services.some((s) => hostsOverlap(dr.fqdn, s.fqdn)) ||
      ctx.model.serviceEntries.some((se) => se.fqdns.some((h) => hostsOverlap(dr.fqdn, h)));
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
