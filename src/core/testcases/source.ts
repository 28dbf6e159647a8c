import { isRec, rec, str, strMap, type Rec } from '../model/read';
import type { MeshModel } from '../model/types';
import type { CaseSource } from './types';

export interface ParsedSource {
  source: CaseSource | undefined;
  error: string | undefined;
}

const REF = /^(\S+)\s+([^/\s]+)\/(\S+)$/;

function fromString(s: string): ParsedSource {
  const t = s.trim();
  const m = REF.exec(t);
  if (m) {
    const [, kind, ns, name] = m as unknown as [string, string, string, string];
    if (kind.toLowerCase() === 'gateway')
      return { source: { kind: 'gateway', gateway: `${ns}/${name}` }, error: undefined };
    return { source: { kind: 'workload', ref: `${kind} ${ns}/${name}` }, error: undefined };
  }
  if (/^[^/\s]+\/[^/\s]+$/.test(t)) return { source: { kind: 'gateway', gateway: t }, error: undefined };
  if (t === 'mesh') return { source: { kind: 'labels', namespace: undefined, labels: {} }, error: undefined };
  return {
    source: undefined,
    error: `source: expected a workload "Kind ns/name", a gateway "ns/name", or namespace and labels; got "${t}"`,
  };
}

/**
 * Reads a case's `source`: `Deployment default/productpage` (a workload), `istio-system/bookinfo-gateway` or
 * `Gateway istio-system/bookinfo-gateway` (a gateway), or a map `{ namespace, labels }`, `{ gateway, namespace }`
 * (the namespace short hosts resolve in), `{ workload }`. Without one, the `request.gateway`/`sourceNamespace`/`sourceLabels` keys older files of ours
 * wrote are read. Never throws.
 */
export function parseSource(value: unknown, request: Rec): ParsedSource {
  if (typeof value === 'string') return fromString(value);
  if (isRec(value)) {
    const gateway = str(value.gateway);
    if (gateway !== undefined) {
      const read = fromString(gateway.includes(' ') ? gateway : `Gateway ${gateway}`);
      const ns = str(value.namespace);
      if (read.source?.kind !== 'gateway' || ns === undefined) return read;
      return { source: { ...read.source, namespace: ns }, error: undefined };
    }
    const workload = str(value.workload);
    if (workload !== undefined) return fromString(workload);
    return {
      source: { kind: 'labels', namespace: str(value.namespace), labels: strMap(value.labels) },
      error: undefined,
    };
  }
  if (value !== undefined) return { source: undefined, error: 'source: expected a string or a map' };
  const gw = str(request.gateway);
  if (gw !== undefined && gw !== 'mesh') return fromString(gw.includes('/') ? gw : `Gateway default/${gw}`);
  const ns = str(request.sourceNamespace);
  const labels = strMap(rec(request.sourceLabels));
  if (ns !== undefined || Object.keys(labels).length > 0 || gw === 'mesh')
    return { source: { kind: 'labels', namespace: ns, labels }, error: undefined };
  return { source: undefined, error: undefined };
}

/** Where a source's requests start: the gateway (`ns/name`) or the mesh from a namespace with pod labels. */
export interface ResolvedSource {
  gateway: string;
  namespace: string;
  labels: Record<string, string>;
}

/** Resolves a source against the manifests; a workload that is not there is an error naming it. */
export function resolveSource(
  model: MeshModel,
  source: CaseSource,
  namespace: string,
): { resolved: ResolvedSource | undefined; error: string | undefined } {
  if (source.kind === 'gateway')
    return {
      resolved: { gateway: source.gateway, namespace: source.namespace ?? namespace, labels: {} },
      error: undefined,
    };
  if (source.kind === 'labels')
    return {
      resolved: { gateway: 'mesh', namespace: source.namespace ?? namespace, labels: source.labels },
      error: undefined,
    };
  const w = model.workloads.find((x) => x.ref === source.ref);
  if (!w) return { resolved: undefined, error: `source ${source.ref} is not in the manifests` };
  return { resolved: { gateway: 'mesh', namespace: w.namespace, labels: w.podLabels }, error: undefined };
}
