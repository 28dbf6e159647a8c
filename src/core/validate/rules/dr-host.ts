import { nodeId } from '../../graph/ids';
import { hostsOverlap } from '../../model/hosts';
import type { Rule } from '../context';
import { report } from './util';

/** IST0174: a DestinationRule whose host matches no Service or ServiceEntry in the text. */
export const drHost: Rule = (ctx) => {
  // A concrete host overlaps only an equal host or a wildcard; wildcards are few, so they are scanned.
  const exact = new Set<string>();
  const wild: string[] = [];
  for (const h of [
    ...ctx.model.services.map((s) => s.fqdn),
    ...ctx.model.serviceEntries.flatMap((se) => se.fqdns),
  ]) {
    if (h.startsWith('*')) wild.push(h);
    else exact.add(h);
  }
  const overlapsAny = (fqdn: string) =>
    fqdn.startsWith('*')
      ? [...exact, ...wild].some((h) => hostsOverlap(fqdn, h))
      : exact.has(fqdn) || wild.some((h) => hostsOverlap(fqdn, h));
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
