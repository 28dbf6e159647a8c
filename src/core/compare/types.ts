// The shape of a comparison between two derived texts (base = before, head = after). Field names are a
// contract: the changes panel and `its diff -o json` read them. Change this shape only additively.
import type { Env, Proxy } from '../envoy/types';
import type { SimOutcome, SimRequest } from '../simulate/types';
import type { Severity } from '../validate/types';

/** A request the caller wants traced through both versions (a simulator preset, a routing test case). */
export interface NamedRequest {
  name: string;
  request: SimRequest;
}

/** A proxy whose Envoy view is compared (sidecar of a workload, a gateway). */
export interface ComparedProxy {
  /** What the text calls it: `sidecar default/productpage-v1`, `gateway istio-system/ingressgateway`. */
  name: string;
  proxy: Proxy;
}

export interface CompareOptions {
  /** Envoy settings the manifests do not carry; defaults to `DEFAULT_ENV`. */
  env?: Env;
  /**
   * The proxies whose views are compared (which VirtualService wins a host, shadowed routes). Default: every
   * workload sidecar of either text, every gateway, plus a sidecar with no labels in each namespace that
   * has a VirtualService ("mesh, any source").
   */
  proxies?: ComparedProxy[];
  /** Extra requests traced through both versions besides those drawn from the texts. */
  requests?: NamedRequest[];
  /** Cap on the drawn requests, so huge pairs stay fast (default 2000). */
  maxRequests?: number;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** What kind of meaning a line is. */
export type MeaningKind =
  /** Shares of a host's destinations changed for one condition ("reviews: v2 10% → 50% for all requests"). */
  | 'share'
  /** An http/tcp/tls rule appeared or went away (matched by name, else by its match conditions). */
  | 'rule-added'
  | 'rule-removed'
  /** A rule kept its match but changed another action (fault, retries, timeout, rewrite, mirror…). */
  | 'rule-changed'
  /** A rule that could be reached no longer can (an earlier rule or VirtualService takes all its requests), or back. */
  | 'unreachable'
  | 'reachable'
  /** A VirtualService now wins / loses a host at some proxy (sidecars: the oldest one wins). */
  | 'host-won'
  | 'host-lost'
  /** A route sends traffic to a subset the head's DestinationRules do not define: Envoy answers 503 (NR). */
  | 'subset-missing'
  /** A DestinationRule policy (loadBalancer, connectionPool, outlierDetection, tls) changed on a cluster in use. */
  | 'policy'
  /** A subset was added or removed (no traffic to it: informative). */
  | 'subset-added'
  | 'subset-removed'
  /** A finding new in head, or one the change fixed. */
  | 'finding-new'
  | 'finding-fixed';

/** One consequence of a change, in one line a person reads. */
export interface Meaning {
  kind: MeaningKind;
  /** One line, e.g. `reviews: v2 10% → 50% for all requests`. */
  text: string;
  /** `Kind ns/name` it belongs to (the resource the change is in). */
  resource: string;
  /** True for a 503 risk (a removed/renamed subset a route still uses) or a new error finding. */
  risk: boolean;
  /** Set on share changes. */
  share?: ShareChange;
  /** Set on findings. */
  finding?: FindingRef;
  /** The host the meaning is about (FQDN), when there is one. */
  host?: string;
  /** Offsets in the head text (or base text for removed things, with `side: 'base'`). */
  range?: [number, number];
  side?: 'base' | 'head';
}

export interface ShareDelta {
  /** `reviews v2` (host short name and subset), or `reviews.default.svc.cluster.local:9080 v2`. */
  destination: string;
  /** Percent, 0..100, rounded to 0.1; undefined when the destination had no share on that side. */
  before: number | undefined;
  after: number | undefined;
}

/** Shares of one host for one condition, before and after. */
export interface ShareChange {
  /** Host FQDN. */
  host: string;
  /** `all requests`, or the match condition in words (`end-user jason`). */
  condition: string;
  deltas: ShareDelta[];
}

/** A diagnostic keyed by what it is about, not by offsets. */
export interface FindingRef {
  code: string;
  severity: Severity;
  message: string;
  resource: string | undefined;
  path: string;
}

/** One resource (by `Kind ns/name`) that differs between the two texts. */
export interface ResourceChange {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  change: ChangeKind;
  /** The resource's document text on each side ('' when absent): Monaco's diff editor sides. */
  baseText: string;
  headText: string;
  /** Offsets of the resource in each text; undefined on the side it is absent. */
  baseRange: [number, number] | undefined;
  headRange: [number, number] | undefined;
  /** Top-level fields whose values differ (`spec`, `metadata.labels`...); empty for added/removed. */
  fields: string[];
  meanings: Meaning[];
  /** Any meaning with risk. */
  risk: boolean;
}

/** Where a request goes in one version, condensed. */
export interface Answer {
  outcome: SimOutcome;
  /** The simulator's sentence. */
  summary: string;
  /** `ns/name#http[0]` of the matched rule, if any. */
  rule: string | undefined;
  destinations: AnswerDestination[];
  /** HTTP status the client would see when it is not a plain route (404 no match, 503 missing subset...). */
  status: number | undefined;
  /** `reviews v2 50%, reviews v3 50%`, or `404 (no rule matches)`. */
  text: string;
}

export interface AnswerDestination {
  host: string;
  subset: string | undefined;
  port: number | undefined;
  /** Percent, 0..100, rounded to 0.1. */
  percent: number;
  /** Why this destination fails (missing subset...): non-empty means a 503 risk. */
  problems: string[];
}

/** A request whose destinations or shares differ between the versions. */
export interface BehaviourRow {
  /** What the request is (`reviews: rule 0 (end-user jason)`, a preset's name). */
  name: string;
  /** Where the request came from. */
  origin: 'base' | 'head' | 'both' | 'given';
  request: SimRequest;
  before: Answer;
  after: Answer;
  /** The answer after is a 503 risk (a destination with problems) or a new 404. */
  risk: boolean;
}

/** One make-before-break step. */
export interface Phase {
  index: 1 | 2 | 3;
  /** `Add subsets and new resources`, `Route changes`, `Removals`. */
  title: string;
  /** `Kind ns/name` of every resource applied in this phase. */
  apply: string[];
  /** Multi-document YAML for `kubectl apply -f` ('' when nothing is applied). */
  yaml: string;
  /** `Kind ns/name` of every resource deleted in this phase. */
  delete: string[];
  /** `kubectl delete <kind> <name> -n <ns>` lines, since apply does not delete. */
  commands: string[];
}

export interface CompareSummary {
  added: number;
  removed: number;
  changed: number;
  /** Meanings with risk, over all resources. */
  risks: number;
  behaviourRows: number;
  findingsNew: number;
  findingsFixed: number;
  /** One line: `3 resources changed, 1 risk: …`. */
  text: string;
}

export interface Comparison {
  /** Resources that differ, ordered: added, changed, removed; within each by ref. */
  resources: ResourceChange[];
  /** Every meaning, risks first; each also appears in its resource's `meanings`. */
  meanings: Meaning[];
  /** Requests whose answers differ. */
  behaviour: BehaviourRow[];
  /** Make-before-break phases; empty phases are omitted. */
  phases: Phase[];
  findings: { added: FindingRef[]; fixed: FindingRef[] };
  /** True when any 503 risk or a new error finding. */
  risk: boolean;
  summary: CompareSummary;
  /** Why the comparison is partial (a side does not parse...). Empty when it is complete. */
  notes: string[];
  /** How many requests were traced through both versions. */
  requestsTraced: number;
}
