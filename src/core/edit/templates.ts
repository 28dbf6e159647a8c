import { nodeId } from '../graph/ids';
import type { MeshModel } from '../model/types';
import type { NewResource, RouteTarget } from './intents';
import { istioApiVersion } from './names';

function metadata(r: NewResource, labels?: Record<string, string>): Record<string, unknown> {
  return {
    name: r.name,
    ...(r.namespace ? { namespace: r.namespace } : {}),
    ...(labels ? { labels } : {}),
  };
}

function destination(t: RouteTarget): Record<string, unknown> {
  return {
    host: t.host,
    ...(t.subset ? { subset: t.subset } : {}),
    ...(t.port !== undefined ? { port: { number: t.port } } : {}),
  };
}

/** The manifest of a new resource, as a plain value in the key order kubectl and Istio's docs use. */
export function manifestOf(r: NewResource, model: MeshModel): Record<string, unknown> {
  const istio = istioApiVersion(model);
  switch (r.kind) {
    case 'Service': {
      const app = r.app ?? r.name;
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: metadata(r, { app, service: r.name }),
        spec: { ports: [{ port: r.port ?? 9080, name: 'http' }], selector: { app } },
      };
    }
    case 'Deployment': {
      // A fresh map at each place: one shared object would be written as an anchor and its alias.
      const labels = () => ({ app: r.app, version: r.version });
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: metadata(r, labels()),
        spec: {
          replicas: 1,
          selector: { matchLabels: labels() },
          template: {
            metadata: { labels: { ...labels(), ...r.labels } },
            spec: {
              containers: [
                {
                  name: r.app,
                  image: r.image ?? `${r.app}:${r.version}`,
                  ports: [{ containerPort: r.port ?? 9080 }],
                },
              ],
            },
          },
        },
      };
    }
    case 'DestinationRule':
      return {
        apiVersion: istio,
        kind: 'DestinationRule',
        metadata: metadata(r),
        spec: { host: r.host, ...(r.subsets && r.subsets.length > 0 ? { subsets: r.subsets } : {}) },
      };
    case 'VirtualService':
      return {
        apiVersion: istio,
        kind: 'VirtualService',
        metadata: metadata(r),
        spec: {
          hosts: [r.host],
          ...(r.gateways && r.gateways.length > 0 ? { gateways: r.gateways } : {}),
          http: [{ route: [{ destination: destination(r.target ?? { host: r.host }) }] }],
        },
      };
    case 'Gateway':
      return {
        apiVersion: istio,
        kind: 'Gateway',
        metadata: metadata(r),
        spec: {
          selector: { istio: 'ingressgateway' },
          servers: [
            { port: { number: r.port ?? 80, name: 'http', protocol: 'HTTP' }, hosts: r.hosts ?? ['*'] },
          ],
        },
      };
    case 'ServiceEntry':
      return {
        apiVersion: istio,
        kind: 'ServiceEntry',
        metadata: metadata(r),
        spec: {
          hosts: r.hosts,
          ports: [{ number: r.port ?? 443, name: 'https', protocol: 'TLS' }],
          resolution: 'DNS',
          location: 'MESH_EXTERNAL',
        },
      };
  }
}

/**
 * The namespace a new resource lands in: its own, else the one the model reads resources without one in
 * (set, or inferred from the text: a `travel` text puts it in `travel`), as the graph will draw it.
 */
export function namespaceOf(r: NewResource, model: MeshModel): string {
  return r.namespace || model.defaultNamespace.name;
}

/** The canvas node a new resource draws as. */
export function nodeIdOf(r: NewResource, model: MeshModel): string {
  const ns = namespaceOf(r, model);
  switch (r.kind) {
    case 'Service':
      return nodeId.service(ns, r.name);
    case 'Deployment':
      return nodeId.deployment(ns, r.name);
    case 'DestinationRule':
      return nodeId.destinationrule(ns, r.name);
    case 'VirtualService':
      return nodeId.virtualservice(ns, r.name);
    case 'Gateway':
      return nodeId.gateway(ns, r.name);
    case 'ServiceEntry':
      return nodeId.serviceentry(ns, r.name);
  }
}

export { destination as destinationOf };
