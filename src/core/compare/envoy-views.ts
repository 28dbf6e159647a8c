// Meanings only the Envoy view gives, per proxy: which VirtualService holds a host (sidecars: the oldest
// wins), routes an earlier route always takes (unreachable), routes to a subset no DestinationRule defines
// (503). Each is computed for both versions and only the differences are kept.
import { ignoredVirtualServices, missingClusters, shadowedRoutes } from '../envoy/index';
import type { Env, Proxy, RouteSource } from '../envoy/types';
import type { MeshModel } from '../model/types';
import { ruleKey } from './rules';
import type { ComparedProxy } from './types';

/**
 * More proxies than this (fewer on big meshes) are cut to the gateways and one unlabelled sidecar per
 * namespace, as many as fit (speed).
 */
export const MAX_PROXIES = 40;

function proxyKey(p: Proxy): string {
  return JSON.stringify([p.kind, p.namespace, Object.entries(p.labels).sort()]);
}

/**
 * The default proxies: every workload sidecar of either text, every gateway, and a sidecar without labels
 * in each namespace (a client of any source). Deduplicated; capped at `MAX_PROXIES`.
 */
export function defaultProxies(
  base: MeshModel,
  head: MeshModel,
): { proxies: ComparedProxy[]; capped: boolean } {
  const seen = new Map<string, ComparedProxy>();
  const add = (name: string, proxy: Proxy): void => {
    const k = proxyKey(proxy);
    if (!seen.has(k)) seen.set(k, { name, proxy });
  };
  const namespaces = new Set<string>();
  for (const m of [base, head]) {
    // The typed lists, not `resources`: a cut model (neighbourhood.ts) keeps only the affected namespaces there.
    for (const list of [m.virtualServices, m.destinationRules, m.services, m.workloads]) {
      for (const r of list) namespaces.add(r.namespace);
    }
    for (const g of m.gateways)
      add(`gateway ${g.namespace}/${g.name}`, {
        kind: 'gateway',
        namespace: g.namespace,
        labels: g.selector,
      });
  }
  for (const ns of [...namespaces].sort())
    add(`any source in ${ns}`, { kind: 'sidecar', namespace: ns, labels: {} });
  const basic = seen.size;
  for (const m of [base, head]) {
    for (const w of m.workloads)
      add(`sidecar ${w.namespace}/${w.name}`, {
        kind: 'sidecar',
        namespace: w.namespace,
        labels: w.podLabels,
      });
  }
  const all = [...seen.values()];
  // Each proxy's view costs about a build of the whole (cut) model: keep the total bounded on big meshes.
  const size = base.virtualServices.length + base.destinationRules.length + base.services.length;
  const max = Math.max(4, Math.min(MAX_PROXIES, Math.floor(4000 / Math.max(size, 1))));
  if (all.length <= max) return { proxies: all, capped: false };
  return { proxies: all.slice(0, Math.min(basic, max)), capped: true };
}

/** A finding of one version: its key (what makes it the same finding in the other) and what to say. */
export interface ViewFact {
  key: string;
  kind: 'host-lost' | 'unreachable' | 'subset-missing';
  /** `VirtualService ns/name` the fact is about. */
  vs: string;
  host: string | undefined;
  text: string;
  proxy: string;
  /** For `subset-missing`: the host FQDN and the subset. */
  subset?: { fqdn: string; name: string };
  /** The rule, for ranges: protocol and index in its VirtualService, and how to name it (`"main"`, `http[1]`). */
  rule?: { protocol: string; index: number; label: string };
}

// `Kind ns/name#http[i]`-like keys survive a rule being inserted before: key by the rule's own key.
function ruleOf(
  model: MeshModel,
  source: RouteSource | undefined,
): { vs: string; key: string; index: number; label: string } | undefined {
  if (!source) return undefined;
  const vs = model.virtualServices.find((v) => v.ref === source.ref);
  const route = vs?.routes.find((r) => r.protocol === 'http' && r.index === source.httpIndex);
  if (!vs || !route)
    return {
      vs: source.ref,
      key: `#${source.httpIndex}`,
      index: source.httpIndex,
      label: `http[${source.httpIndex}]`,
    };
  return {
    vs: vs.ref,
    key: ruleKey(route),
    index: route.index,
    label: route.name ? `"${route.name}"` : `http[${route.index}]`,
  };
}

/** `outbound|9080|v2|reviews.default.svc.cluster.local` → host and subset. */
function parseCluster(name: string): { fqdn: string; subset: string } | undefined {
  const parts = name.split('|');
  if (parts.length !== 4 || parts[0] !== 'outbound') return undefined;
  return { fqdn: parts[3] ?? '', subset: parts[2] ?? '' };
}

/** Every view fact of one version over the given proxies. */
export function viewFacts(model: MeshModel, proxies: readonly ComparedProxy[], env: Env): ViewFact[] {
  const out = new Map<string, ViewFact>();
  const put = (f: ViewFact): void => {
    if (!out.has(f.key)) out.set(f.key, f);
  };
  for (const { name, proxy } of proxies) {
    for (const ig of ignoredVirtualServices(model, proxy, env)) {
      const vs = `VirtualService ${ig.virtualService}`;
      put({
        key: `lost|${vs}|${ig.host}|${ig.winner}`,
        kind: 'host-lost',
        vs,
        host: ig.host,
        text: `${ig.host.split('.')[0] ?? ig.host}: VirtualService ${ig.winner} holds the host, so ${vs} is ignored for it (the oldest VirtualService wins)`,
        proxy: name,
      });
    }
    for (const s of shadowedRoutes(model, proxy, env)) {
      const r = ruleOf(model, s.source);
      if (!r) continue;
      put({
        key: `shadow|${r.vs}|${r.key}`,
        kind: 'unreachable',
        vs: r.vs,
        host: s.virtualHost.split(':')[0],
        text: `${r.vs} rule ${r.label} can never be reached: ${s.by.startsWith('#') ? `an earlier route (${s.by} of the host)` : `route ${s.by}`} always takes its requests first`,
        proxy: name,
        rule: { protocol: 'http', index: r.index, label: r.label },
      });
    }
    for (const m of missingClusters(model, proxy, env)) {
      if (m.why !== 'subset') continue;
      const c = parseCluster(m.cluster);
      const r = ruleOf(model, m.source);
      if (!c || !r) continue;
      put({
        key: `missing|${r.vs}|${r.key}|${c.fqdn}|${c.subset}`,
        kind: 'subset-missing',
        vs: r.vs,
        host: c.fqdn,
        text: `${c.fqdn.split('.')[0] ?? c.fqdn} ${c.subset}: ${r.vs} rule ${r.label} still sends traffic to subset ${c.subset}, which no DestinationRule defines: Envoy answers 503 (NR)`,
        proxy: name,
        subset: { fqdn: c.fqdn, name: c.subset },
        rule: { protocol: 'http', index: r.index, label: r.label },
      });
    }
  }
  return [...out.values()];
}

/** Facts new in head, and facts of base that head no longer has. */
export function diffFacts(
  base: readonly ViewFact[],
  head: readonly ViewFact[],
): { added: ViewFact[]; gone: ViewFact[] } {
  const bk = new Set(base.map((f) => f.key));
  const hk = new Set(head.map((f) => f.key));
  return { added: head.filter((f) => !bk.has(f.key)), gone: base.filter((f) => !hk.has(f.key)) };
}
