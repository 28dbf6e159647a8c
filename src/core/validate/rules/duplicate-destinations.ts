import { edgeId } from '../../graph/ids';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report, rulePath } from './util';

/** KIA1105: the same host+subset (and port) twice in one route; their weights add up, which hides the intent. */
export const duplicateDestinations: Rule = (ctx) =>
  ctx.model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) => {
      const out: Diagnostic[] = [];
      const seen = new Map<string, number>();
      for (const d of r.destinations) {
        if (d.host === '') continue;
        const key = `${d.fqdn}|${d.subset ?? ''}|${d.port ?? ''}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, d.index);
          continue;
        }
        const what = d.subset ? `${d.host} subset ${d.subset}` : d.host;
        out.push(
          report(
            ctx,
            vs,
            [...rulePath(r), 'route', d.index, 'destination'],
            'KIA1105',
            `Destination ${what} is already route[${first}] of this rule. Merge the two into one destination with the summed weight.`,
            { edgeId: edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index) },
          ),
        );
      }
      return out;
    }),
  );
