import type { RegService } from './registry';
import type { Env } from './types';

const IP = /^[\d.]+$|:/;

/**
 * Other Host headers a Kubernetes hostname answers to from a proxy in `proxyNs` (`GenerateAltVirtualHosts`):
 * same namespace `name`, `name.ns.svc`, `name.ns`; another namespace `name.ns`, `name.ns.svc`.
 */
function kubeAltHosts(hostname: string, proxyNs: string, env: Env): string[] {
  const tail = `.${env.kubernetesDomainSuffix}`;
  if (!hostname.endsWith(tail) || !env.kubernetesDomainSuffix.startsWith('svc.')) return [];
  const head = hostname.slice(0, -tail.length); // name.ns
  const dot = head.indexOf('.');
  if (dot <= 0 || dot === head.length - 1) return [];
  const name = head.slice(0, dot);
  const ns = head.slice(dot + 1);
  if (ns.includes('.')) return [];
  return ns === proxyNs ? [name, `${head}.svc`, head] : [head, `${head}.svc`];
}

/**
 * The domains of a service's sidecar virtual host (`httproute.go` generateVirtualHostDomains): the hostname
 * and its absolute form (`fqdn.`), the short forms Kubernetes DNS answers, the same for each ExternalName
 * alias, `*.` forms for a headless Service, then the VIPs. Sidecars ignore the port, so no `:port` forms.
 */
export function serviceDomains(svc: RegService, proxyNs: string, env: Env): string[] {
  const out: string[] = [];
  for (const h of [svc.hostname, ...svc.aliases]) {
    out.push(h);
    if (!IP.test(h)) out.push(`${h}.`);
    out.push(...kubeAltHosts(h, proxyNs, env));
  }
  if (svc.headless && svc.source.kind === 'Service') out.push(...out.map((d) => `*.${d}`));
  out.push(...svc.vips);
  return out;
}

/** A gateway virtual host's domains: `host` and `host:*` (Envoy matches Host headers with a port too). */
export function gatewayDomains(host: string): string[] {
  return host === '*' ? ['*'] : [host, `${host}:*`];
}
