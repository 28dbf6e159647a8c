// The shapes of the Envoy view. Field names are a contract: the CLI prints these objects as JSON
// (`its proxy-config routes|clusters`, `its trace`), and hidden checks read them.
import type { Rec } from '../model/read';

/**
 * The mesh's `outboundTrafficPolicy.mode`. `ALLOW_ANY_DYNAMIC_DNS` passes unknown HTTP hosts to Envoy's dynamic
 * forward proxy (`AllowAnyDynamicDNSCluster`) instead of the original destination; other traffic as ALLOW_ANY.
 */
export type OutboundTrafficPolicy = 'ALLOW_ANY' | 'REGISTRY_ONLY' | 'ALLOW_ANY_DYNAMIC_DNS';

/** Settings a manifest does not carry but that change what istiod sends. */
export interface Env {
  outboundTrafficPolicy: OutboundTrafficPolicy;
  /** The mesh's root namespace (DestinationRules there apply to every proxy). */
  rootNamespace: string;
  /**
   * What short config hosts expand with: `reviews` in `default` is `reviews.default.svc.cluster.local`.
   * Istio's own tests use `''` (`reviews.default`).
   */
  domainSuffix: string;
  /** The DNS suffix of Kubernetes Services, which Istio's tests keep at `svc.cluster.local`. */
  kubernetesDomainSuffix: string;
  /**
   * How resources without `metadata.creationTimestamp` are ordered among themselves: `text` (a file is
   * applied top to bottom) or `name` (they share one timestamp, as in Istio's tests: name, then namespace).
   */
  untimedOrder: 'text' | 'name';
}

export type ProxyKind = 'sidecar' | 'gateway';

/** The proxy whose config is built: a workload's sidecar or a gateway deployment. */
export interface Proxy {
  kind: ProxyKind;
  namespace: string;
  labels: Record<string, string>;
  /** The pod's IPs; they tie the proxy to ServiceEntry endpoints (and gateway Services). */
  ips?: string[];
}

/** A string match in Envoy's terms. */
export interface StringMatcher {
  exact?: string;
  prefix?: string;
  safeRegex?: string;
  /** Istio's empty StringMatch `{}`: the header must be present. */
  present?: true;
}

export interface HeaderMatcher extends StringMatcher {
  name: string;
  invertMatch?: true;
}

export interface QueryParameterMatcher extends StringMatcher {
  name: string;
}

/** Envoy's RouteMatch: one path specifier (`prefix`, `path` or `safeRegex`) plus headers and query. */
export interface RouteMatch {
  prefix?: string;
  /** Envoy's `path_separated_prefix` (Istio uses it for Ingress and Gateway API prefixes): whole segments. */
  pathSeparatedPrefix?: string;
  path?: string;
  safeRegex?: string;
  caseSensitive?: false;
  headers?: HeaderMatcher[];
  queryParameters?: QueryParameterMatcher[];
}

export interface WeightedCluster {
  name: string;
  weight: number;
}

export type RouteAction = { cluster: string } | { weightedClusters: WeightedCluster[] };

export interface Redirect {
  hostRedirect?: string;
  pathRedirect?: string;
  prefixRewrite?: string;
  schemeRedirect?: string;
  portRedirect?: number;
  responseCode: number;
}

export interface DirectResponse {
  status: number;
  body?: string;
}

export interface Mirror {
  cluster: string;
  /** Percentage of requests mirrored (100 when the VirtualService does not say). */
  percent: number;
}

/** One Envoy route. Extras (timeout, retries…) sit beside the action so `route` stays `{cluster}` or `{weightedClusters}`. */
export interface EnvoyRoute {
  name: string;
  match: RouteMatch;
  route?: RouteAction;
  redirect?: Redirect;
  directResponse?: DirectResponse;
  /** `ns/name` of the VirtualService the route came from; absent for routes istiod makes up (`default`, catch-alls). */
  virtualService?: string;
  timeout?: string;
  retries?: Rec;
  mirrors?: Mirror[];
  fault?: Rec;
  rewrite?: Rec;
  headers?: Rec;
  cors?: Rec;
  /** Where the rule is in the text: `http[i]` of the VirtualService (of the delegate, when delegated). */
  source?: RouteSource;
}

export interface RouteSource {
  /** `Kind ns/name` of the VirtualService that holds the rule. */
  ref: string;
  httpIndex: number;
  matchIndex: number | undefined;
  /** The root VirtualService's rule, when this one came through `delegate`. */
  via?: { ref: string; httpIndex: number };
}

export interface VirtualHost {
  name: string;
  domains: string[];
  routes: EnvoyRoute[];
  /** A gateway server with `httpsRedirect`: plaintext requests get a 301. */
  requireTls?: true;
}

export interface RouteConfiguration {
  name: string;
  virtualHosts: VirtualHost[];
}

export type ClusterDirection = 'outbound' | 'inbound' | '';
export type ClusterType = 'EDS' | 'STRICT_DNS' | 'LOGICAL_DNS' | 'STATIC' | 'ORIGINAL_DST';

export interface EnvoyCluster {
  name: string;
  serviceFqdn: string;
  port: number;
  subset: string;
  direction: ClusterDirection;
  type: ClusterType;
  /** `ns/name` of the DestinationRule istiod picked for this proxy and host. */
  destinationRule?: string;
  /** The traffic policy after the precedence merge (subset port-level > subset > DR port-level > DR). */
  trafficPolicy?: Rec;
  /** mTLS SNI istiod sets for ISTIO_MUTUAL: `outbound_.<port>_.<subset>_.<fqdn>`. */
  sni?: string;
  /** `Kind ns/name` of the workloads behind the cluster's endpoints (selector, plus subset labels). */
  workloads?: string[];
}

/** A request, as `corpus/istio-simulation` writes it. */
export interface TraceRequest {
  host?: string;
  port: number;
  path?: string;
  protocol?: 'http' | 'http2' | 'tcp' | '';
  tls?: 'plaintext' | 'tls' | 'mtls';
  sni?: string;
  alpn?: string;
  address?: string;
  callMode?: 'inbound' | '';
  method?: string;
  headers?: Record<string, string>;
}

export interface TraceResult {
  listener?: string;
  filterChain?: string;
  routeConfig?: string;
  virtualHost?: string;
  route?: string;
  cluster?: string;
  weightedClusters?: WeightedCluster[];
  /** One of Istio's simulation texts: `no route matched`, `no virtual host matched`, `no listener matched`… */
  error?: string;
  /** The route that answered, whole (redirect, direct response, extras). */
  envoyRoute?: EnvoyRoute;
}
