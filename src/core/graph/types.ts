import type { RouteProtocol } from '../model/types';
import type { YamlPath } from '../yaml/locate';

export type NodeKind =
  | 'gateway'
  | 'virtualservice'
  | 'service'
  | 'serviceentry'
  | 'destinationrule'
  | 'subset'
  | 'deployment'
  | 'missing';

export type EdgeKind = 'route' | 'selects' | 'binds' | 'mirror' | 'delegate';

/** A compact policy or feature marker shown on a node (`data-policy`). */
export interface PolicyBadge {
  policy:
    | 'lb'
    | 'hash'
    | 'pool'
    | 'outlier'
    | 'tls'
    | 'fault'
    | 'mirror'
    | 'timeout'
    | 'retries'
    | 'rewrite'
    | 'redirect'
    | 'cors'
    | 'headers'
    | 'delegate';
  label: string;
  detail: string;
}

/** One route (http/tcp/tls rule) of a VirtualService, drawn as a row with its own handle. */
export interface RouteRow {
  handle: string;
  protocol: RouteProtocol;
  index: number;
  name: string | undefined;
  match: string;
  badges: PolicyBadge[];
}

/** Where a node's text is: for reveal-in-editor and for edit ops. */
export interface NodeOrigin {
  docIndex: number;
  path: YamlPath;
}

interface NodeBase {
  id: string;
  title: string;
  /** `Kind ns/name` of the resource the node stands for, when it stands for one. */
  ref: string | undefined;
  namespace: string;
  origin: NodeOrigin | undefined;
  stale: boolean;
  parentId?: string;
  width: number;
  height: number;
}

export type GraphNode = NodeBase &
  (
    | { kind: 'gateway'; hosts: string[]; servers: string[] }
    | { kind: 'virtualservice'; hosts: string[]; gateways: string[]; rows: RouteRow[] }
    | { kind: 'service'; ports: string[]; selector: Record<string, string> }
    | { kind: 'serviceentry'; hosts: string[]; ports: string[]; location: string | undefined }
    | { kind: 'destinationrule'; host: string; fqdn: string; badges: PolicyBadge[] }
    | { kind: 'subset'; name: string; labels: Record<string, string>; badges: PolicyBadge[] }
    | {
        kind: 'deployment';
        workloadKind: string;
        app: string | undefined;
        version: string | undefined;
        replicas: number | undefined;
        image: string | undefined;
        /** For an Argo Rollout: what it shifts traffic between and where (`describeRollout`). */
        rollout?: string;
      }
    | {
        kind: 'missing';
        what: string;
        reason: string;
        /**
         * True when the thing is simply not in the text and the text is part of a mesh (not "the whole mesh"):
         * drawn as "elsewhere", not as an error. False for a real gap, like a subset missing from a
         * DestinationRule that is in the text.
         */
        elsewhere: boolean;
      }
  );

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  /** Route row handle on the VirtualService node. */
  sourceHandle?: string;
  /** Weight as written; undefined when absent. */
  weight?: number;
  /** Share of the route's traffic after Istio's normalisation, 0..100. */
  percent?: number;
  origin?: NodeOrigin;
  stale: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Point {
  x: number;
  y: number;
}
