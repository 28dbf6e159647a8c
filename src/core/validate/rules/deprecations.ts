import { nodeId } from '../../graph/ids';
import { arr, isRec, num, rec, str } from '../../model/read';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

/** Kinds of rbac.istio.io that Istio removed; a CustomResourceDefinition for one is reported (istioctl's list). */
const REMOVED_RBAC_KINDS = new Set(['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding']);

/**
 * IST0002, istioctl's deprecation.FieldAnalyzer, field for field: `fault.delay.percent` in a VirtualService route,
 * `outboundTrafficPolicy.egressProxy` in a Sidecar, and CRDs of the removed rbac.istio.io kinds. Istio keeps this
 * list by hand; other deprecated fields are not reported by istioctl either.
 */
export const deprecations: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const vs of ctx.model.virtualServices) {
    arr(rec(vs.raw.spec).http).forEach((route, i) => {
      const delay = rec(rec(rec(route).fault).delay);
      const percent = num(delay.percent);
      if (percent === undefined || percent <= 0) return;
      out.push(
        report(
          ctx,
          vs,
          ['spec', 'http', i, 'fault', 'delay', 'percent'],
          'IST0002',
          `Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage. ` +
            `Replace \`percent: ${percent}\` with \`percentage: { value: ${percent} }\`.`,
          { nodeId: nodeId.virtualservice(vs.namespace, vs.name) },
        ),
      );
    });
  }
  for (const r of ctx.model.others) {
    if (r.kind === 'Sidecar' && r.apiVersion.startsWith('networking.istio.io/')) {
      const policy = rec(rec(r.raw.spec).outboundTrafficPolicy);
      if (!isRec(policy.egressProxy)) continue;
      out.push(
        report(
          ctx,
          r,
          ['spec', 'outboundTrafficPolicy', 'egressProxy'],
          'IST0002',
          `Deprecated: OutboundTrafficPolicy.EgressProxy ignored. Istio no longer sends unmatched traffic to it; ` +
            `remove \`egressProxy\` and route external hosts with a ServiceEntry and an egress gateway instead.`,
        ),
      );
    } else if (r.kind === 'CustomResourceDefinition') {
      const spec = rec(r.raw.spec);
      const group = str(spec.group);
      const kind = str(rec(spec.names).kind);
      if (group !== 'rbac.istio.io' || !kind || !REMOVED_RBAC_KINDS.has(kind)) continue;
      out.push(
        report(
          ctx,
          r,
          ['spec', 'names', 'kind'],
          'IST0002',
          `Deprecated: Custom resource type rbac.istio.io ${kind} is removed. ` +
            `Delete this CRD and express the policy as a security.istio.io AuthorizationPolicy.`,
        ),
      );
    }
  }
  return out;
};
