import type { YamlPath } from '../yaml/locate';
import type { DefaultNamespace } from './namespace';
import type { Rec } from './read';

/** Where a resource lives in the text: its document, and the path of its object inside it. */
export interface Origin {
  docIndex: number;
  /** `[]` for a plain document; `['items', i]` for an item of a `kind: List`. */
  basePath: YamlPath;
}

export interface ResourceBase extends Origin {
  /** `Kind ns/name`, as istioctl names resources. */
  ref: string;
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
  /** False when the manifest names no namespace and the model's `defaultNamespace` was used. */
  namespaceExplicit: boolean;
  raw: Rec;
  /** True when drawn from the last good parse of a document that does not parse now. */
  stale: boolean;
  /**
   * Fields kubectl apply needs that the object lacks. An incomplete object is kept in `others` (never drawn as
   * a node); the incomplete-resource check says what is missing.
   */
  missing?: MissingField[];
}

/** What an object needs before `kubectl apply` takes it. */
export type MissingField = 'apiVersion' | 'kind' | 'metadata.name';

export interface ServicePort {
  port: number | undefined;
  name: string | undefined;
  protocol: string | undefined;
  targetPort: string | undefined;
}

export interface Service extends ResourceBase {
  kind: 'Service';
  fqdn: string;
  ports: ServicePort[];
  selector: Record<string, string>;
}

/** Deployments and other things that run pods (StatefulSet, DaemonSet, ReplicaSet, Pod). */
export interface Workload extends ResourceBase {
  /** Labels of the pods it runs. */
  podLabels: Record<string, string>;
  app: string | undefined;
  version: string | undefined;
  replicas: number | undefined;
  images: string[];
}

export interface Subset {
  index: number;
  name: string;
  labels: Record<string, string>;
  trafficPolicy: Rec | undefined;
}

export interface DestinationRule extends ResourceBase {
  kind: 'DestinationRule';
  host: string;
  fqdn: string;
  subsets: Subset[];
  trafficPolicy: Rec | undefined;
  exportTo: string[];
  workloadSelector: Record<string, string> | undefined;
}

export type RouteProtocol = 'http' | 'tcp' | 'tls';

/**
 * One destination of a route as written (`route[index].destination` and its `weight`). Declared once: the
 * simulator's `DestinationInput` and `SimDestination` extend it.
 */
export interface Destination {
  index: number;
  host: string;
  fqdn: string;
  subset: string | undefined;
  port: number | undefined;
  weight: number | undefined;
}

export interface Route {
  protocol: RouteProtocol;
  index: number;
  name: string | undefined;
  match: Rec[];
  destinations: Destination[];
  delegate: { name: string; namespace: string } | undefined;
  mirror: { host: string; fqdn: string; subset: string | undefined; port: number | undefined } | undefined;
  mirrorPercent: number | undefined;
  raw: Rec;
}

export interface VirtualService extends ResourceBase {
  kind: 'VirtualService';
  hosts: string[];
  /** Hosts resolved in the VirtualService's namespace. */
  fqdns: string[];
  /** As written; `[]` means bound to `mesh` only. */
  gateways: string[];
  routes: Route[];
  exportTo: string[];
}

export interface GatewayServer {
  index: number;
  port: number | undefined;
  portName: string | undefined;
  protocol: string | undefined;
  hosts: string[];
  tlsMode: string | undefined;
}

export interface Gateway extends ResourceBase {
  kind: 'Gateway';
  selector: Record<string, string>;
  servers: GatewayServer[];
}

export interface ServiceEntry extends ResourceBase {
  kind: 'ServiceEntry';
  hosts: string[];
  fqdns: string[];
  ports: ServicePort[];
  location: string | undefined;
  resolution: string | undefined;
  exportTo: string[];
}

/** Everything the editor understands about the text; the rest of the resources are kept in `others`. */
export interface MeshModel {
  resources: ResourceBase[];
  services: Service[];
  workloads: Workload[];
  destinationRules: DestinationRule[];
  virtualServices: VirtualService[];
  gateways: Gateway[];
  serviceEntries: ServiceEntry[];
  /** Every resource of a kind the editor does not model, or incomplete (`missing`), kept untouched. */
  others: ResourceBase[];
  /** The namespace resources without one were read in (kubectl's `-n`), and where it came from. */
  defaultNamespace: DefaultNamespace;
}
