import type { Point } from '../core/graph/types';
import { DEFAULT_EXAMPLE, exampleBySlug } from '../examples/index';
import { loadText } from '../state/persist';

/**
 * What the editor opens with: `?example=<slug>` wins (positions start fresh), then the autosaved text,
 * then the default example.
 */
export function initialText(
  search: string,
  savedPositions: Record<string, Point>,
): { text: string; positions: Record<string, Point> } {
  const slug = new URLSearchParams(search).get('example');
  const ex = slug ? exampleBySlug(slug) : undefined;
  if (ex) return { text: ex.text, positions: {} };
  const saved = loadText();
  if (saved !== undefined) return { text: saved, positions: savedPositions };
  return { text: exampleBySlug(DEFAULT_EXAMPLE)?.text ?? '', positions: {} };
}
