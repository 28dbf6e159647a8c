import type { Proxy } from '../../../core/envoy';
import type { MeshModel } from '../../../core/model/types';
import { parseLabels } from '../../../core/simulate/request';

/** One choice of the proxy picker: a workload's sidecar or a Gateway's selector. */
export interface ProxyOption {
  /** Stable across edits that keep the resource (`sidecar:Deployment ns/name`), so the choice survives typing. */
  key: string;
  label: string;
  proxy: Proxy;
}

/** The picker's value for "type a namespace and labels". */
export const CUSTOM_PROXY = 'custom';

/**
 * Every workload of the text as its sidecar, then every Gateway as the gateway deployment its selector
 * picks (in the Gateway's namespace, where `istioctl` would find its pods in the usual install).
 */
export function proxyOptions(model: MeshModel): ProxyOption[] {
  const sidecars = model.workloads.map((w) => ({
    key: `sidecar:${w.ref}`,
    label: `sidecar of ${w.namespace}/${w.name}`,
    proxy: { kind: 'sidecar' as const, namespace: w.namespace, labels: w.podLabels },
  }));
  const gateways = model.gateways.map((g) => ({
    key: `gateway:${g.ref}`,
    label: `gateway ${g.namespace}/${g.name}`,
    proxy: { kind: 'gateway' as const, namespace: g.namespace, labels: g.selector },
  }));
  return [...sidecars, ...gateways];
}

/** What the person typed for a proxy that is not in the text. */
export interface CustomProxy {
  kind: Proxy['kind'];
  namespace: string;
  /** `app=reviews, version=v1` (comma or line separated). */
  labels: string;
}

export function customProxy(c: CustomProxy): Proxy {
  return { kind: c.kind, namespace: c.namespace.trim() || 'default', labels: parseLabels(c.labels) };
}

/** Labels back as the custom form's text, so "custom" starts from the picked proxy. */
export function labelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/**
 * The proxy for the picker's value: the option with that key, the typed one for `custom`, else the first
 * option (a key whose resource was deleted falls back rather than showing nothing).
 */
export function resolveProxy(
  key: string,
  options: readonly ProxyOption[],
  custom: CustomProxy,
): { key: string; proxy: Proxy } | undefined {
  if (key === CUSTOM_PROXY) return { key, proxy: customProxy(custom) };
  const o = options.find((x) => x.key === key) ?? options[0];
  return o ? { key: o.key, proxy: o.proxy } : undefined;
}
