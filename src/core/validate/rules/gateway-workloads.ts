import { selectorMatches } from '../../model/labels';
import type { Gateway, Service, Workload } from '../../model/types';
import type { ValidationContext } from '../context';
import { cachedBy, selectorKey } from './util';

/**
 * The ingress gateway every Istio install has but a text rarely contains. istioctl analyze adds the same stand-in
 * (pod `istio: ingressgateway` in istio-system, Service ports 80, 443, 31400, 15443: `local/defaults.go`) before
 * it analyzes files; we also accept 8080 and 8443, the ports Istio's own charts run the gateway on (its bookinfo
 * sample binds 8080), so Istio's samples are not flagged.
 */
export const DEFAULT_INGRESS = {
  namespace: 'istio-system',
  labels: { istio: 'ingressgateway' } as Record<string, string>,
  ports: [80, 443, 31400, 15443, 8080, 8443],
};

/** Pods a gateway selector picks, in every namespace, plus the assumed default ingress gateway. */
export interface GatewayPods {
  workloads: Workload[];
  /** True when the assumed default ingress gateway matches too. */
  defaultIngress: boolean;
}

/**
 * A lookup of the pods a gateway selector matches, cached per selector (many gateways share one). An empty
 * selector matches every pod, as a Kubernetes label selector built from an empty set does.
 */
export function gatewayPodFinder(ctx: ValidationContext): (selector: Record<string, string>) => GatewayPods {
  const matches = (sel: Record<string, string>, labels: Record<string, string>) =>
    Object.keys(sel).length === 0 || selectorMatches(sel, labels);
  return cachedBy(
    (sel) => selectorKey('', sel),
    (sel: Record<string, string>) => ({
      workloads: ctx.model.workloads.filter((w) => matches(sel, w.podLabels)),
      defaultIngress: matches(sel, DEFAULT_INGRESS.labels),
    }),
  );
}

/** `a=b,c=d`, keys sorted: the form Kubernetes prints a selector in, and istioctl's messages use. */
export function selectorString(selector: Record<string, string>): string {
  return Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',');
}

/** TCP ports (a missing protocol is TCP) of the Services selecting these pods: where the gateway can be reached. */
export function servicePorts(ctx: ValidationContext, pods: GatewayPods): Set<number> {
  const ports = new Set<number>(pods.defaultIngress ? DEFAULT_INGRESS.ports : []);
  const seen = new Set<Service>();
  for (const w of pods.workloads) {
    for (const s of ctx.index.servicesSelecting(w)) {
      if (seen.has(s)) continue;
      seen.add(s);
      for (const p of s.ports) {
        if (p.port !== undefined && (p.protocol ?? 'TCP').toUpperCase() === 'TCP') ports.add(p.port);
      }
    }
  }
  return ports;
}

/** `ns/name` of a gateway, as istioctl names it in messages. */
export function gatewayName(g: Gateway): string {
  return `${g.namespace}/${g.name}`;
}
