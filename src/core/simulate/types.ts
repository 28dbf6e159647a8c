import type { Rec } from '../model/read';
import type { Destination, RouteProtocol } from '../model/types';
import type { Proxy } from '../envoy/types';
import type { YamlPath } from '../yaml/locate';

/** A request as the person describes it in the simulator panel. */
export interface SimRequest {
  /** Host the client calls: short name (`reviews`), FQDN, or external name (`bookinfo.com`). */
  host: string;
  port: number | undefined;
  /** Path without the query string. */
  path: string;
  method: string;
  scheme: string;
  /** The `:authority` (Host header); defaults to `host`. */
  authority: string | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
  query: Record<string, string>;
  sourceLabels: Record<string, string>;
  sourceNamespace: string;
  /** `mesh`, or the Gateway it enters by as `ns/name`. */
  gateway: string;
  protocol: RouteProtocol;
  /** SNI for `tls`; defaults to `host`. */
  sniHost: string | undefined;
}

/** How the request ends. */
export type SimOutcome =
  | 'routed'
  | 'redirect'
  | 'direct-response'
  /** No VirtualService applies: the request goes to the host's Service as is. */
  | 'default-route'
  /** A VirtualService (or the gateway) applies but no rule matches: Envoy answers 404. */
  | 'no-match'
  /** No VirtualService, Service or ServiceEntry knows the host. */
  | 'unknown-host';

/** One rule (http/tcp/tls entry) of a VirtualService. */
export interface SimRuleRef {
  /** `ns/name#http[0]`: the simulator result's `data-rule`. */
  id: string;
  vsRef: string;
  namespace: string;
  vsName: string;
  protocol: RouteProtocol;
  index: number;
  name: string | undefined;
  docIndex: number;
  /** Path of the rule in its document, for highlighting it in the YAML pane. */
  path: YamlPath;
}

/** How one rule fared against the request. */
export interface RuleTrace {
  rule: SimRuleRef;
  matched: boolean;
  /** The match block that matched, or the closest one when none did; undefined for a rule without match. */
  matchIndex: number | undefined;
  /** Conditions that held in that block. */
  passed: number;
  /** First condition that failed, e.g. `header end-user: expected exact "jason", got "bob"`. */
  failure: string | undefined;
}

/** A destination the matched rule sends traffic to, with what applies there. */
export interface SimDestination extends Destination {
  /** Share of the rule's traffic, 0..1, normalised as Istio does. */
  probability: number;
  /** `DestinationRule ns/name` that applies, if any. */
  destinationRule: string | undefined;
  /** Traffic policy in force: subset policy over host policy, port-level settings for the port. */
  trafficPolicy: Rec | undefined;
  /** Where each policy field came from: `host`, `host-port`, `subset`, `subset-port`. */
  policySources: Record<string, string>;
  service: string | undefined;
  serviceEntry: string | undefined;
  /** `Kind ns/name` of the workloads that would receive the traffic. */
  workloads: string[];
  /** Why this destination would fail (missing subset, no endpoints...). */
  problems: string[];
  /** Graph ids of the destination's target node, route edge, and what it selects. */
  nodeIds: string[];
  edgeIds: string[];
}

export interface SimFault {
  delay: { fixedDelay: string | undefined; percent: number } | undefined;
  abort: { httpStatus: number | undefined; grpcStatus: string | undefined; percent: number } | undefined;
}

export interface SimMirror {
  host: string;
  fqdn: string;
  subset: string | undefined;
  percent: number;
}

export interface SimRetries {
  attempts: number;
  perTryTimeout: string | undefined;
  retryOn: string | undefined;
  /** True when the rule sets none and Istio's default applies. */
  isDefault: boolean;
}

/** Everything that applies to the request on the matched rule. */
export interface SimFeatures {
  fault: SimFault | undefined;
  mirrors: SimMirror[];
  retries: SimRetries | undefined;
  timeout: string | undefined;
  /** Path and authority after `rewrite`, when the rule rewrites. */
  rewrite: { path: string | undefined; authority: string | undefined } | undefined;
  headers: Rec | undefined;
  corsPolicy: Rec | undefined;
  redirect: { location: string; status: number } | undefined;
  directResponse: { status: number; body: string | undefined } | undefined;
}

/** What Envoy names along the request's path (core/envoy's trace of the request's proxy): the simulator's answer. */
export interface EnvoyNames {
  /** The proxy traced: the client's sidecar, or the gateway's pods. */
  proxy: Proxy;
  listener: string | undefined;
  routeConfig: string | undefined;
  virtualHost: string | undefined;
  /** The Envoy route's name (a VirtualService rule's `name`; often empty). */
  route: string | undefined;
  /** The VirtualService rule the Envoy route came from, as the simulator's `data-rule` writes it: `ns/name#http[0]`. */
  rule: string | undefined;
  /** Envoy cluster names the request goes to (each once, in route order); empty for a redirect or direct response. */
  clusters: string[];
  /** Istio's simulation text when Envoy finds no route (`no route matched`, …). */
  error: string | undefined;
  /**
   * An internal assertion, expected never to be set: the simulator's destinations name other clusters than
   * Envoy's route (HTTP answers are built from Envoy's route, so only a bug can set it; for TCP/TLS the rule
   * still comes from the VirtualService walk). Says both, so a bug shows instead of one side silently winning.
   */
  disagreement: string | undefined;
}

export interface SimResult {
  outcome: SimOutcome;
  /** One sentence for the panel. */
  summary: string;
  /** The host as resolved for matching. */
  fqdn: string;
  /** The port the request is taken to use (given, or the Service's only port, or the gateway server's). */
  port: number | undefined;
  /** `VirtualService ns/name` refs that apply, first first (merged at a gateway). */
  virtualServices: string[];
  /** VirtualServices for the same host that are ignored because another one wins. */
  shadowed: string[];
  /** The matched rule; for a delegated route, the delegate's rule. */
  rule: SimRuleRef | undefined;
  matchIndex: number | undefined;
  /** The root rule that delegated to `rule`. */
  delegatedFrom: SimRuleRef | undefined;
  /** Every rule evaluated, in order. */
  trace: RuleTrace[];
  /** When nothing matched: the closest rule and why it failed. */
  closest: RuleTrace | undefined;
  destinations: SimDestination[];
  features: SimFeatures | undefined;
  notes: string[];
  highlight: { nodes: string[]; edges: string[] };
  /**
   * Envoy's names for the request (listener, route configuration, virtual host, route, clusters); what decides
   * the answer above. Absent when there is no proxy to trace (a Gateway that does not exist) or no port.
   */
  envoy?: EnvoyNames;
}
