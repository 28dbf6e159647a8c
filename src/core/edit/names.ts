import type { MeshModel } from '../model/types';

// Defaults the palette offers: names that do not clash, the next version of an app, a likely host.

/** `base`, or `base-2`, `base-3`... whichever is first free for that kind in that namespace. */
export function uniqueName(model: MeshModel, kind: string, namespace: string, base: string): string {
  const taken = new Set(
    model.resources.filter((r) => r.kind === kind && r.namespace === namespace).map((r) => r.name),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The next `vN` label for an app's workloads (v1, v2 exist → v3); `v1` when there are none. */
export function nextVersion(model: MeshModel, app: string, namespace?: string): string {
  let max = 0;
  for (const w of model.workloads) {
    if (w.app !== app || (namespace !== undefined && w.namespace !== namespace)) continue;
    const m = /^v(\d+)$/.exec(w.version ?? '');
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `v${max + 1}`;
}

/** How a resource in `fromNamespace` should name a Service: short in its own namespace, FQDN elsewhere. */
export function hostFor(name: string, namespace: string, fromNamespace: string): string {
  return namespace === fromNamespace ? name : `${name}.${namespace}.svc.cluster.local`;
}

/**
 * A host for a new VirtualService or DestinationRule: the hinted Service when it exists, else the first Service
 * in the namespace that no VirtualService routes yet, else the first Service, else `hint` or `my-service`.
 */
export function inferHost(model: MeshModel, namespace: string, hint?: string): string {
  const own = model.services.filter((s) => s.namespace === namespace);
  const hinted = model.services.find((s) => s.name === hint && s.namespace === namespace);
  if (hinted) return hinted.name;
  const routed = new Set(model.virtualServices.flatMap((vs) => vs.fqdns));
  const free = own.find((s) => !routed.has(s.fqdn));
  return free?.name ?? own[0]?.name ?? hint ?? 'my-service';
}

/** How a VirtualService names a Gateway: `name` in its own namespace, `ns/name` elsewhere. */
export function gatewayReference(vsNamespace: string, gwNamespace: string, gwName: string): string {
  return vsNamespace === gwNamespace ? gwName : `${gwNamespace}/${gwName}`;
}

/** The Istio apiVersion most resources in the text already use, so new ones match. */
export function istioApiVersion(model: MeshModel): string {
  const counts = new Map<string, number>();
  for (const r of model.resources) {
    if (r.apiVersion.startsWith('networking.istio.io/'))
      counts.set(r.apiVersion, (counts.get(r.apiVersion) ?? 0) + 1);
  }
  let best = 'networking.istio.io/v1';
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
