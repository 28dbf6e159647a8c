import type { Rec } from '../model/read';
import type { RouteProtocol } from '../model/types';
import type { YamlPath } from '../yaml/locate';
import type { MatchCondition } from './match-form';

/** Where a route sends traffic: a host as written in a VirtualService, and optionally a subset and port. */
export interface RouteTarget {
  host: string;
  subset?: string;
  port?: number;
}

/** A resource the palette can create, with its kind-specific defaults. Omit `namespace` to write none. */
export type NewResource =
  | { kind: 'Service'; namespace?: string; name: string; app?: string; port?: number }
  | {
      kind: 'Deployment';
      namespace?: string;
      name: string;
      app: string;
      version: string;
      labels?: Record<string, string>;
      image?: string;
      port?: number;
    }
  | {
      kind: 'DestinationRule';
      namespace?: string;
      name: string;
      host: string;
      subsets?: { name: string; labels: Record<string, string> }[];
    }
  | {
      kind: 'VirtualService';
      namespace?: string;
      name: string;
      host: string;
      gateways?: string[];
      target?: RouteTarget;
    }
  | { kind: 'Gateway'; namespace?: string; name: string; hosts?: string[]; port?: number }
  | { kind: 'ServiceEntry'; namespace?: string; name: string; hosts: string[]; port?: number };

/** Which routes of a VirtualService an intent is about: `vsRef` is the model's `Kind ns/name`. */
interface RouteAt {
  vsRef: string;
  protocol: RouteProtocol;
  routeIndex: number;
}

/**
 * What a person asks the editor to do, as data: canvas actions, inspector forms and quick fixes all produce
 * one of these, and `applyIntent` turns it into a minimal text edit.
 */
export type EditIntent =
  | ({ type: 'addResource' } & NewResource)
  | { type: 'addSubset'; drRef: string; name: string; labels: Record<string, string> }
  | { type: 'addSubsetForDeployment'; drRef: string; deploymentRef: string }
  | {
      type: 'createDestinationRule';
      namespace: string;
      name: string;
      host: string;
      subsets: { name: string; labels: Record<string, string> }[];
    }
  | (RouteAt & { type: 'connectRoute'; target: RouteTarget; locked?: number[] })
  | { type: 'addRoute'; vsRef: string; protocol: RouteProtocol; target: RouteTarget; name?: string }
  | { type: 'bindGateway'; vsRef: string; gateway: string; keepMesh?: boolean }
  | (RouteAt & { type: 'normaliseWeights' })
  | (RouteAt & { type: 'evenlyDistribute' })
  | (RouteAt & { type: 'moveRuleLast' })
  /** `dragging`: part of one slider gesture, merged into the previous undo step. */
  | (RouteAt & { type: 'setWeights'; weights: number[]; dragging?: boolean })
  | (RouteAt & { type: 'deleteRoute' })
  | (RouteAt & { type: 'deleteDestination'; destIndex: number })
  | (RouteAt & { type: 'setMatch'; match: MatchCondition[] | undefined })
  | { type: 'setValue'; docIndex: number; path: YamlPath; value: unknown }
  | { type: 'deletePath'; docIndex: number; path: YamlPath }
  | { type: 'deleteResource'; ref: string }
  | { type: 'renameSubset'; drRef: string; from: string; to: string; updateReferences: boolean }
  /** `ref` owns the host: a DestinationRule's host, a VirtualService's or ServiceEntry's hosts, a Service's name. */
  | { type: 'renameHost'; ref: string; from: string; to: string; updateReferences: boolean }
  | { type: 'setTrafficPolicy'; drRef: string; subset?: string; port?: number; policy: Rec | undefined }
  /** A workload's pod labels, with metadata.labels and spec.selector.matchLabels kept in step. */
  | { type: 'setWorkloadLabels'; ref: string; labels: Record<string, string> }
  /** Makes a workload's selector match its pod template, keeping one side as it is (ITS0111's fix). */
  | { type: 'matchWorkloadSelector'; ref: string; keep: 'labels' | 'selector' };

/** An edit as text: replace [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}
