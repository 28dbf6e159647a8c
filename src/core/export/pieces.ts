import { isMap, isSeq, type Node } from 'yaml';
import { buildModel } from '../model/build-model';
import type { DeriveOptions } from '../model/namespace';
import { parseText, type ParsedDoc } from '../yaml/parse';
import { lineEndAfter, lineStartOf, pairOf } from './ranges';

/** One resource's text, standing alone as a YAML document. */
export interface Piece {
  /** `Kind ns/name` as the model names it; undefined for a document that holds no resource. */
  ref: string | undefined;
  kind: string;
  namespace: string;
  name: string;
  docIndex: number;
  text: string;
}

const MARKER_LINE = /^---[ \t]*\r?\n/;

/** A document chunk's own text, without the `---` line that opened it (comments after it stay). */
function docBody(doc: ParsedDoc): string {
  return doc.text.replace(MARKER_LINE, '');
}

const COMMENT_OR_BLANK = /^[ \t]*(#.*)?\r?\n?$/;
const DASH_ONLY = /^[ \t]*-[ \t]*\r?\n$/;

/**
 * The text of a List item as a document of its own: the `- ` dropped, every line moved left by the item's
 * indentation, and the comment lines just above the item kept with it.
 */
function itemText(doc: ParsedDoc, itemIndex: number): string | undefined {
  const root = doc.ast.contents;
  const items = isMap(root) ? pairOf(root, 'items')?.value : undefined;
  if (!isSeq(items)) return undefined;
  const item = items.items[itemIndex] as Node | undefined;
  const range = item?.range;
  if (!range) return undefined;
  const text = doc.text;
  const first = lineStartOf(text, range[0]);
  const indent = range[0] - first;
  const prevEnd = (items.items[itemIndex - 1] as Node | undefined)?.range?.[1] ?? 0;
  let start = first;
  for (;;) {
    const prevLine = lineStartOf(text, start - 1);
    if (start === 0 || prevLine < prevEnd) break;
    const line = text.slice(prevLine, start);
    if (!COMMENT_OR_BLANK.test(line) && !(DASH_ONLY.test(line) && start === first)) break;
    start = prevLine;
  }
  const dedent = (lines: string): string[] =>
    lines.split('\n').map((line) => line.replace(new RegExp(`^[ \\t]{0,${indent}}`), ''));
  // Comment lines above the item keep their words; a lone `-` line (item starting on the next line) goes.
  const above = text
    .slice(start, first)
    .split(/(?<=\n)/)
    .filter((line) => !DASH_ONLY.test(line))
    .join('');
  const own = ' '.repeat(indent) + text.slice(range[0], lineEndAfter(text, range[1]));
  return [...dedent(above).slice(0, -1), ...dedent(own)].join('\n').replace(/^\n+/, '');
}

/**
 * Cuts a text into one standalone document per resource, in text order. A `kind: List`'s items become
 * documents of their own; a document with content but no resource (or one that does not parse) is kept
 * whole with `ref` undefined, so nothing the user wrote is dropped.
 */
export function resourcePieces(text: string, options: DeriveOptions = {}): Piece[] {
  const parsed = parseText(text);
  // The app's namespace setting, so refs and file names match what it shows.
  const model = buildModel(
    parsed.docs.map((d) => ({ docIndex: d.index, value: d.broken ? undefined : d.value, stale: false })),
    options,
  );
  const byDoc = new Map<number, typeof model.resources>();
  for (const r of model.resources) byDoc.set(r.docIndex, [...(byDoc.get(r.docIndex) ?? []), r]);
  const out: Piece[] = [];
  for (const doc of parsed.docs) {
    const resources = byDoc.get(doc.index) ?? [];
    if (resources.length === 0) {
      if (doc.broken || (doc.value !== undefined && doc.value !== null)) {
        out.push({
          ref: undefined,
          kind: '',
          namespace: '',
          name: '',
          docIndex: doc.index,
          text: docBody(doc),
        });
      }
      continue;
    }
    for (const r of resources) {
      const itemIndex = r.basePath[1];
      const body = typeof itemIndex === 'number' ? itemText(doc, itemIndex) : docBody(doc);
      if (body === undefined) continue;
      out.push({
        ref: r.ref,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        docIndex: doc.index,
        text: body,
      });
    }
  }
  return out;
}

/** Joins standalone documents into one multi-document text, each ending in a newline. */
export function joinDocuments(texts: readonly string[]): string {
  return texts.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('---\n');
}
