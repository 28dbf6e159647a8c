import type { RouteProtocol } from '../model/types';
import type { YamlPath } from '../yaml/locate';

/**
 * What a person asks the editor to do, as data: canvas actions, inspector forms and quick fixes all produce
 * one of these, and `applyIntent` turns it into a minimal text edit.
 */
export type EditIntent =
  | { type: 'addSubset'; drRef: string; name: string; labels: Record<string, string> }
  | {
      type: 'createDestinationRule';
      namespace: string;
      name: string;
      host: string;
      subsets: { name: string; labels: Record<string, string> }[];
    }
  | { type: 'normaliseWeights'; vsRef: string; protocol: RouteProtocol; routeIndex: number }
  | { type: 'moveRuleLast'; vsRef: string; protocol: RouteProtocol; routeIndex: number }
  | { type: 'setWeights'; vsRef: string; protocol: RouteProtocol; routeIndex: number; weights: number[] }
  | { type: 'setValue'; docIndex: number; path: YamlPath; value: unknown }
  | { type: 'deletePath'; docIndex: number; path: YamlPath };

/** An edit as text: replace [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}
