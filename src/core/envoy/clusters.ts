import { rec, str } from '../model/read';
import type { MeshModel } from '../model/types';
import { chooseDestinationRule } from './dr-select';
import { envOf, labelsMatch } from './env';
import { effectivePolicy } from './policy-merge';
import { ownServices, registry, visibleServices, type RegService } from './registry';
import { clusterName } from './translate';
import type { EnvoyCluster, Env, Proxy } from './types';

/** `outbound_.<port>_.<subset>_.<fqdn>` (`model/service.go` BuildDNSSrvSubsetKey). */
export function sniOf(port: number, subset: string, host: string): string {
  return `outbound_.${port}_.${subset}_.${host}`;
}

/** Istio sets the mTLS SNI for ISTIO_MUTUAL, and for auto mTLS to in-mesh services (no TLS setting). */
function wantsSni(policy: EnvoyCluster['trafficPolicy'], svc: RegService): boolean {
  const mode = str(rec(policy?.tls).mode);
  if (mode !== undefined) return mode === 'ISTIO_MUTUAL';
  return str(rec(svc.source.raw.spec).location) !== 'MESH_EXTERNAL';
}

function outboundClusters(model: MeshModel, proxy: Proxy, env: Env, svc: RegService): EnvoyCluster[] {
  const chosen = chooseDestinationRule(model, proxy, svc.hostname, svc.namespace, env);
  const out: EnvoyCluster[] = [];
  for (const p of svc.ports) {
    if (p.protocol === 'UDP') continue;
    const variants = [
      {
        subset: '',
        labels: {} as Record<string, string>,
        policy: undefined as EnvoyCluster['trafficPolicy'],
      },
    ];
    for (const s of chosen?.subsets ?? [])
      variants.push({ subset: s.name, labels: s.labels, policy: s.trafficPolicy });
    for (const v of variants) {
      const trafficPolicy = effectivePolicy(chosen?.trafficPolicy, v.policy, p.port);
      out.push({
        name: clusterName(p.port, v.subset, svc.hostname),
        serviceFqdn: svc.hostname,
        port: p.port,
        subset: v.subset,
        direction: 'outbound',
        type: svc.clusterType,
        ...(chosen ? { destinationRule: chosen.keys[0] } : {}),
        ...(trafficPolicy ? { trafficPolicy } : {}),
        ...(wantsSni(trafficPolicy, svc) ? { sni: sniOf(p.port, v.subset, svc.hostname) } : {}),
        workloads: svc.workloads.filter((w) => labelsMatch(v.labels, w.labels)).map((w) => w.ref),
      });
    }
  }
  return out;
}

function inboundClusters(proxy: Proxy, all: readonly RegService[]): EnvoyCluster[] {
  const out: EnvoyCluster[] = [];
  const seen = new Set<number>();
  for (const svc of ownServices(all, proxy)) {
    for (const p of svc.ports) {
      const port = p.targetPort ?? p.port;
      if (p.protocol === 'UDP' || seen.has(port)) continue;
      seen.add(port);
      out.push({
        name: `inbound|${port}||`,
        serviceFqdn: '',
        port,
        subset: '',
        direction: 'inbound',
        type: 'ORIGINAL_DST',
      });
    }
  }
  return out;
}

function special(name: string, type: EnvoyCluster['type']): EnvoyCluster {
  return { name, serviceFqdn: name, port: 0, subset: '', direction: '', type };
}

/**
 * The clusters (CDS) istiod would send this proxy (`core/cluster.go` buildOutboundClusters): per visible
 * service and non-UDP port, the default cluster and one per subset of the DestinationRule picked for this
 * proxy, with the merged traffic policy, the mTLS SNI and the workloads behind the endpoints. A sidecar also
 * gets its inbound clusters; both kinds get `BlackHoleCluster`, sidecars the passthrough clusters.
 */
export function buildClusters(model: MeshModel, proxy: Proxy, env: Partial<Env> = {}): EnvoyCluster[] {
  const e = envOf(env);
  const all = registry(model, e);
  const out = visibleServices(all, proxy.namespace).flatMap((s) => outboundClusters(model, proxy, e, s));
  if (proxy.kind === 'sidecar') out.push(...inboundClusters(proxy, all));
  out.push(special('BlackHoleCluster', 'STATIC'));
  if (proxy.kind === 'sidecar') {
    out.push(
      special('InboundPassthroughCluster', 'ORIGINAL_DST'),
      special('PassthroughCluster', 'ORIGINAL_DST'),
    );
  }
  return out;
}
