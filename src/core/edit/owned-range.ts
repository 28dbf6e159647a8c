import type { Document } from 'yaml';
import { contentEnd, lineEnd, lineStart, pastBreak } from './node-text';

/**
 * The part of a document's text that deleting its resource removes, in the document's own offsets: its
 * `---` marker, the comment lines directly above its content (a `# Source:` line, a description), its content,
 * and indented comment lines right below it (commented-out fields). Comments that belong to no resource stay:
 * those at column 0 after the content (a commented-out next document) and any set apart by a blank line.
 * A leading BOM stays too, and so do comments that open the text (a licence header). Undefined for a document without content.
 */
export function ownedRange(text: string, ast: Document.Parsed): [number, number] | undefined {
  const range = ast.contents?.range;
  if (!range) return undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = Math.max(lineStart(text, range[0]), bom);
  let start = first;
  while (start > bom) {
    const prev = lineStart(text, start - 1);
    if (!text.slice(prev, start).trim().startsWith('#')) break;
    start = prev;
  }
  start = Math.max(start, bom);
  const hasMarker = text.startsWith('---', bom);
  const marker = hasMarker ? pastBreak(text, lineEnd(text, bom)) : bom;
  // Comments opening the text itself are the file's header (a licence), not the first resource's.
  if (!hasMarker && start === bom) start = first;
  else if (marker <= start && /^\s*$/.test(text.slice(marker, start))) start = bom;
  let end = pastBreak(text, contentEnd(text, ast.contents) ?? range[1]);
  while (end < text.length && /^[ \t]+#/.test(text.slice(end, lineEnd(text, end)))) {
    end = pastBreak(text, lineEnd(text, end));
  }
  if (/^\s*$/.test(text.slice(end))) end = text.length;
  return [start, end];
}
