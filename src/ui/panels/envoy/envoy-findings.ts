import {
  emptyClusters,
  ignoredVirtualServices,
  missingClusters,
  shadowedRoutes,
  type Env,
  type Proxy,
} from '../../../core/envoy';
import type { MeshModel } from '../../../core/model/types';

/** A finding of this proxy's view, as one line; `ref` names the VirtualService to reveal, when there is one. */
export interface ViewFinding {
  key: string;
  /** `error` for a 503, `warning` for config Envoy never uses. */
  severity: 'error' | 'warning';
  text: string;
  ref?: string;
}

/**
 * The findings only this proxy's view gives. Each rebuilds the tables (a few times the cost of the tables on a
 * big mesh), so the panel computes them after typing pauses, not on every keystroke.
 */
export function envoyFindings(model: MeshModel, proxy: Proxy, env: Env): ViewFinding[] {
  return [
    ...ignoredVirtualServices(model, proxy, env).map((i) => ({
      key: `ignored|${i.virtualService}|${i.host}|${i.port}`,
      severity: 'warning' as const,
      text: `VirtualService ${i.virtualService} is ignored for ${i.host}:${i.port}: ${i.winner} is older and holds the host`,
      ref: `VirtualService ${i.virtualService}`,
    })),
    ...missingClusters(model, proxy, env).map((m) => ({
      key: `missing|${m.routeConfig}|${m.virtualHost}|${m.route}|${m.cluster}`,
      severity: 'error' as const,
      text: `Route ${m.route} of ${m.virtualHost} sends to ${m.cluster}, which this proxy has no cluster for (503 NR): ${
        m.why === 'subset' ? 'no DestinationRule it sees defines the subset' : 'no such service'
      }`,
      ...(m.virtualService ? { ref: `VirtualService ${m.virtualService}` } : {}),
    })),
    ...emptyClusters(model, proxy, env).map((e) => ({
      key: `empty|${e.cluster}`,
      severity: 'warning' as const,
      text: `Cluster ${e.cluster} has no endpoints: requests to it get 503 UH`,
    })),
    ...shadowedRoutes(model, proxy, env).map((s) => ({
      key: `shadowed|${s.routeConfig}|${s.virtualHost}|${s.route}`,
      severity: 'warning' as const,
      text: `Route ${s.route} of ${s.virtualHost} never matches: ${s.by} before it takes every request it would`,
      ...(s.virtualService ? { ref: `VirtualService ${s.virtualService}` } : {}),
    })),
  ];
}
