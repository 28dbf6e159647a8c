import { nodeId } from '../../graph/ids';
import type { Rule } from '../context';
import { report } from './util';

/** KIA0209: a subset without labels selects every pod of the host, which is rarely meant. */
export const subsetLabels: Rule = (ctx) =>
  ctx.model.destinationRules.flatMap((dr) =>
    dr.subsets
      .filter((s) => Object.keys(s.labels).length === 0)
      .map((s) =>
        report(
          ctx,
          dr,
          ['spec', 'subsets', s.index, 'name'],
          'KIA0209',
          `Subset "${s.name}" has no labels, so it selects every pod of ${dr.host} like the host itself does. Add labels (e.g. \`version: ${s.name || 'v1'}\`).`,
          { nodeId: nodeId.subset(dr.namespace, dr.name, s.name) },
        ),
      ),
  );
