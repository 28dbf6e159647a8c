import { edgeId, nodeId } from '../../graph/ids';
import type { DestinationRule, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';
import { listOf, report, rulePath } from './util';

/** Labels for a new subset: the `version` label, or a label key the host's pods already use for that value. */
function guessLabels(ctx: ValidationContext, fqdn: string, subset: string): Record<string, string> {
  const services = ctx.index.servicesByFqdn.get(fqdn) ?? [];
  for (const s of services) {
    for (const w of ctx.index.workloadsMatching(s.namespace, s.selector)) {
      const key = Object.keys(w.podLabels).find((k) => w.podLabels[k] === subset && !(k in s.selector));
      if (key) return { [key]: subset };
    }
  }
  return { version: subset };
}

function fixesFor(
  ctx: ValidationContext,
  vs: VirtualService,
  host: string,
  fqdn: string,
  subset: string,
  drs: DestinationRule[],
): QuickFix[] {
  const labels = guessLabels(ctx, fqdn, subset);
  const dr = drs[0];
  if (dr) {
    return [
      {
        title: `Add subset "${subset}" to DestinationRule ${dr.namespace}/${dr.name}`,
        intent: { type: 'addSubset', drRef: dr.ref, name: subset, labels },
      },
    ];
  }
  const name = host.split('.')[0] ?? host;
  return [
    {
      title: `Create DestinationRule ${vs.namespace}/${name} for ${host} with subset "${subset}"`,
      intent: {
        type: 'createDestinationRule',
        namespace: vs.namespace,
        name,
        host,
        subsets: [{ name: subset, labels }],
      },
    },
  ];
}

function check(
  ctx: ValidationContext,
  vs: VirtualService,
  d: { host: string; fqdn: string; subset: string | undefined },
  path: YamlPath,
  edge: string,
): Diagnostic[] {
  if (d.subset === undefined || d.host === '') return [];
  const drs = ctx.index.drsFor(d.fqdn);
  if (drs.some((dr) => dr.subsets.some((s) => s.name === d.subset))) return [];
  const defined = [...new Set(drs.flatMap((dr) => dr.subsets.map((s) => s.name)))];
  const message = drs.length
    ? `Subset "${d.subset}" is not defined by any DestinationRule for host ${d.fqdn} (defined: ${listOf(defined)}). ` +
      `Add it to DestinationRule ${drs.map((dr) => `${dr.namespace}/${dr.name}`).join(' or ')} or use one of those.`
    : `Subset "${d.subset}" needs a DestinationRule for host ${d.fqdn}, and there is none. ` +
      `Create a DestinationRule for ${d.host} that defines subset "${d.subset}", or remove \`subset\`.`;
  return [
    report(ctx, vs, [...path, 'subset'], 'IST0101', message, {
      edgeId: edge,
      nodeId: nodeId.virtualservice(vs.namespace, vs.name),
      fixes: fixesFor(ctx, vs, d.host, d.fqdn, d.subset, drs),
    }),
  ];
}

/** IST0101: a route or mirror names a subset that no DestinationRule of its host defines (DestinationRuleAnalyzer). */
export const destinationSubset: Rule = (ctx) =>
  ctx.model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) => [
      ...r.destinations.flatMap((d) =>
        check(
          ctx,
          vs,
          d,
          [...rulePath(r), 'route', d.index, 'destination'],
          edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index),
        ),
      ),
      ...(r.mirror
        ? check(ctx, vs, r.mirror, [...rulePath(r), 'mirror'], edgeId.mirror(vs.namespace, vs.name, r.index))
        : []),
    ]),
  );
