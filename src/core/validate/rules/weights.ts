import { edgeId, nodeId } from '../../graph/ids';
import type { Route, VirtualService } from '../../model/types';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';
import { report, rulePath } from './util';

function normalise(vs: VirtualService, r: Route): QuickFix {
  return {
    title: 'Normalise weights to add up to 100',
    intent: { type: 'normaliseWeights', vsRef: vs.ref, protocol: r.protocol, routeIndex: r.index },
  };
}

function checkRoute(ctx: ValidationContext, vs: VirtualService, r: Route): Diagnostic[] {
  const ds = r.destinations;
  if (ds.length === 0) return [];
  const base = rulePath(r);
  const edge = (i: number) => edgeId.route(vs.namespace, vs.name, r.protocol, r.index, i);
  const negative = ds.filter((d) => (d.weight ?? 0) < 0);
  if (negative.length) {
    return negative.map((d) =>
      report(
        ctx,
        vs,
        [...base, 'route', d.index, 'weight'],
        'ITS0101',
        `Weight ${d.weight} is negative; weights must be 0 or more. Set a weight from 0 to 100.`,
        { edgeId: edge(d.index), fixes: [normalise(vs, r)] },
      ),
    );
  }
  const lone = ds[0];
  if (ds.length === 1 && lone) {
    if (lone.weight === undefined || lone.weight >= 100) return [];
    return [
      report(
        ctx,
        vs,
        [...base, 'route', 0, 'weight'],
        'KIA1104',
        `This is the only destination, so it gets 100% of the traffic whatever its weight (${lone.weight}). Set weight 100 or remove it, or add the other destinations.`,
        { edgeId: edge(0) },
      ),
    ];
  }
  const total = ds.reduce((s, d) => s + (d.weight ?? 0), 0);
  const ids = { nodeId: nodeId.virtualservice(vs.namespace, vs.name), fixes: [normalise(vs, r)] };
  if (total === 0) {
    return [
      report(
        ctx,
        vs,
        [...base, 'route'],
        'ITS0101',
        `The ${ds.length} destinations of rule ${r.protocol}[${r.index}] have a total weight of 0, so the split is undefined. Give them weights that add up to 100.`,
        ids,
      ),
    ];
  }
  if (total === 100) return [];
  const shares = ds.map((d) => `${Math.round(((d.weight ?? 0) / total) * 1000) / 10}%`).join(' / ');
  return [
    report(
      ctx,
      vs,
      [...base, 'route'],
      'KIA1104',
      `Weights of rule ${r.protocol}[${r.index}] add up to ${total}, not 100; Istio scales them to ${shares}. Normalise them to 100 so the text says what happens.`,
      ids,
    ),
  ];
}

/** Route weights: ITS0101 errors (negative, all zero) and KIA1104 warnings (not 100 in total, lone weight < 100). */
export const weights: Rule = (ctx) =>
  ctx.model.virtualServices.flatMap((vs) => vs.routes.flatMap((r) => checkRoute(ctx, vs, r)));
