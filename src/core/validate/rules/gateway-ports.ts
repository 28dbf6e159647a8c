import { nodeId } from '../../graph/ids';
import type { Rule } from '../context';
import { at, isPartial } from '../context';
import { ELSEWHERE_HINT } from './absent';
import type { Diagnostic } from '../types';
import { gatewayPodFinder, selectorString, servicePorts } from './gateway-workloads';
import { report } from './util';

/**
 * istioctl's IngressGatewayPortAnalyzer: a Gateway whose selector matches no pod (IST0101), and a server port
 * that no Service in front of those pods exposes (IST0162). The pods are the text's workloads plus the default
 * ingress gateway istioctl assumes (`gateway-workloads.ts`). The port is compared with the Service `port`, not its
 * `targetPort`, as in Istio's test data (`gatewayCustomIngressGatewayTranslation`).
 */
export const gatewayPorts: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const podsOf = gatewayPodFinder(ctx);
  for (const gw of ctx.model.gateways) {
    const node = { nodeId: nodeId.gateway(gw.namespace, gw.name) };
    const pods = podsOf(gw.selector);
    const sel = selectorString(gw.selector);
    if (pods.workloads.length === 0 && !pods.defaultIngress) {
      // istioctl says Error; the gateway's pods are often deployed by another team or chart, outside this text.
      out.push(
        at(
          ctx,
          gw,
          ['spec', 'selector'],
          'IST0101',
          // Not in this text (info) while the text is part of a mesh: gateway pods usually come from another chart.
          isPartial(ctx) ? 'info' : 'warning',
          `Referenced selector not found: "${sel}". No pod in the text has these labels, so this Gateway configures no proxy. ` +
            `Fix the selector to match your gateway deployment's pod labels (Istio's default is istio=ingressgateway), or add that Deployment.` +
            (isPartial(ctx) ? ` Its pods are not in this text. ${ELSEWHERE_HINT}` : ''),
          node,
        ),
      );
      continue;
    }
    const ports = servicePorts(ctx, pods);
    const offered = [...ports].sort((a, b) => a - b).join(', ') || 'none';
    for (const server of gw.servers) {
      if (server.port === undefined || ports.has(server.port)) continue;
      out.push(
        report(
          ctx,
          gw,
          ['spec', 'servers', server.index, 'port', 'number'],
          'IST0162',
          `The gateway is listening on a target port (port ${server.port}) that is not defined in the Service associated with its workload instances (Pod selector ${sel}). ` +
            `If you need to access the gateway port through the gateway Service, it will not be available. ` +
            `Use a port the Service exposes (${offered}), or add port ${server.port} to that Service.`,
          node,
        ),
      );
    }
  }
  return out;
};
