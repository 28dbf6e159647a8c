import { clusterName } from '../envoy/translate';
import { resolveHost } from '../model/hosts';
import type { SimDestination, SimResult } from '../simulate/types';
import { formatShares } from './shares';
import type { ShareSpec, StatusSpec } from './types';

/** How a simulated request ended, in the terms `status` is written in. */
export interface Ending {
  kind: 'routed' | 'redirect' | 'direct-response' | 'no-match' | 'unknown-host';
  /** The HTTP status the client sees when the config decides it (404, a redirect's or direct response's code). */
  status: number | undefined;
}

export function endingOf(result: SimResult): Ending {
  switch (result.outcome) {
    case 'no-match':
      return { kind: 'no-match', status: 404 };
    case 'redirect':
      return { kind: 'redirect', status: result.features?.redirect?.status ?? 301 };
    case 'direct-response':
      return { kind: 'direct-response', status: result.features?.directResponse?.status ?? 200 };
    case 'unknown-host':
      return { kind: 'unknown-host', status: undefined };
    default: {
      // A fault that aborts every request decides the status as surely as a direct response.
      const abort = result.features?.fault?.abort;
      const aborts = abort && abort.percent >= 100 ? abort.httpStatus : undefined;
      return { kind: 'routed', status: aborts };
    }
  }
}

/** True when the ending is what `status` says: a word names the kind, a number the status (200: routed, not aborted). */
export function statusHolds(want: StatusSpec, ending: Ending): boolean {
  if (typeof want === 'string') return want === ending.kind;
  if (ending.status !== undefined) return ending.status === want;
  return want === 200 && ending.kind === 'routed';
}

export function formatEnding(e: Ending): string {
  if (e.kind === 'routed') return e.status !== undefined ? `routed, aborted with ${e.status}` : 'routed';
  return e.status !== undefined ? `${e.kind} (${e.status})` : e.kind;
}

/**
 * True when a destination is the host a test case names: as written, its FQDN, or the name resolved in the
 * client's namespace; `name.ns` stands for `name.ns.svc.<suffix>` as Kubernetes DNS reads it from any pod.
 */
export function hostIs(written: string, d: SimDestination, clientNamespace: string): boolean {
  const h = written.trim().toLowerCase();
  if (h === d.host.toLowerCase() || h === d.fqdn || resolveHost(h, clientNamespace) === d.fqdn) return true;
  return h.split('.').length === 2 && d.fqdn.startsWith(`${h}.svc.`);
}

/** The share (0..100) of traffic the result sends to a spec's host (and subset, when it names one). */
export function shareOf(spec: ShareSpec, result: SimResult, clientNamespace: string): number {
  const sum = result.destinations
    .filter(
      (d) => hostIs(spec.host, d, clientNamespace) && (spec.subset === undefined || d.subset === spec.subset),
    )
    .reduce((s, d) => s + d.probability, 0);
  return sum * 100;
}

/** The result's destinations as shares, hosts as the VirtualService writes them, each host+subset once. */
export function actualShares(result: SimResult): ShareSpec[] {
  const out: ShareSpec[] = [];
  for (const d of result.destinations) {
    const prev = out.find((s) => s.host === d.host && s.subset === d.subset);
    if (prev) prev.percent += d.probability * 100;
    else out.push({ host: d.host, subset: d.subset, percent: d.probability * 100 });
  }
  return out;
}

/** The Envoy cluster names the result's destinations stand for (`outbound|port|subset|fqdn`), each once. */
export function actualClusters(result: SimResult): string[] {
  const names = result.destinations.flatMap((d) => {
    const port = d.port ?? result.port;
    return port === undefined ? [] : [clusterName(port, d.subset ?? '', d.fqdn)];
  });
  return [...new Set(names)];
}

/** One line saying where the request went, for a failed case's reason. */
export function describeResult(result: SimResult): string {
  const ending = endingOf(result);
  if (ending.kind !== 'routed') return formatEnding(ending);
  const shares = actualShares(result);
  return shares.length > 0 ? formatShares(shares) : 'no destination';
}
