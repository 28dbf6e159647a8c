import {
  cleanForApply,
  exportSelected,
  LAST_APPLIED_ANNOTATION,
  SERVER_METADATA_FIELDS,
  splitResources,
} from '../../../core/export/index';
import type { DeriveOptions } from '../../../core/derive';
import type { Graph } from '../../../core/graph/types';
import { isRec, type Rec } from '../../../core/model/read';
import type { Diagnostic } from '../../../core/validate/types';
import type { YamlProblem } from '../../../core/yaml/parse';
import type { Selection } from '../../../state/store';

/** What the export writes: the whole text, or only some resources (`Kind ns/name`). */
export interface ExportOptions {
  clean: boolean;
  /** Undefined: everything. */
  refs: readonly string[] | undefined;
  /** How the app reads the text (namespace for resources without one), so `refs` and file names match it. */
  derive?: DeriveOptions;
}

/**
 * The resources behind the canvas selection: a node's own resource (a subset's is its DestinationRule),
 * or both ends of a selected edge. Missing nodes stand for nothing and give none.
 */
export function selectionRefs(graph: Graph, selection: Selection): string[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ids: string[] = [];
  if (selection.nodeId) ids.push(selection.nodeId);
  else if (selection.edgeId) {
    const edge = graph.edges.find((e) => e.id === selection.edgeId);
    if (edge) ids.push(edge.source, edge.target);
  }
  const refs = ids.map((id) => byId.get(id)?.ref).filter((r): r is string => r !== undefined);
  return [...new Set(refs)];
}

/** The multi-document text to export: exactly the text (comments kept) unless cleaned or narrowed. */
export function exportText(text: string, opts: ExportOptions): string {
  const base = opts.clean ? cleanForApply(text) : text;
  return opts.refs === undefined ? base : exportSelected(base, opts.refs, opts.derive);
}

/** The zip's file names for an export, in text order. */
export function exportFileNames(text: string, opts: ExportOptions): string[] {
  return splitResources(exportText(text, opts), opts.derive).map((f) => f.fileName);
}

/** One error that makes the person confirm before exporting. */
export interface ExportProblem {
  code: string;
  resource: string;
  message: string;
}

/** Syntax errors and error diagnostics (of the exported resources only, when narrowed). */
export function blockingProblems(
  diagnostics: readonly Diagnostic[],
  parseErrors: readonly YamlProblem[],
  refs: readonly string[] | undefined,
): ExportProblem[] {
  const wanted = refs && new Set(refs);
  const syntax = parseErrors.map((p) => ({ code: p.code, resource: 'YAML syntax', message: p.message }));
  const semantic = diagnostics
    .filter((d) => d.severity === 'error')
    .filter((d) => !wanted || d.resource === undefined || wanted.has(d.resource))
    .map((d) => ({ code: d.code, resource: d.resource ?? '—', message: d.message }));
  return [...syntax, ...semantic];
}

/** A server-written field and how many resources carry it. */
export interface CleanCount {
  field: string;
  count: number;
}

function has(rec: Rec | undefined, key: string): boolean {
  return rec !== undefined && Object.prototype.hasOwnProperty.call(rec, key);
}

/** What "Clean for apply" removes from these resources, field by field (fields none carry left out). */
export function cleanCounts(raws: readonly Rec[]): CleanCount[] {
  const counts = new Map<string, number>();
  const bump = (field: string) => counts.set(field, (counts.get(field) ?? 0) + 1);
  for (const raw of raws) {
    if (has(raw, 'status')) bump('status');
    const meta = isRec(raw.metadata) ? raw.metadata : undefined;
    for (const f of SERVER_METADATA_FIELDS) if (has(meta, f)) bump(f);
    const annotations = meta && isRec(meta.annotations) ? meta.annotations : undefined;
    if (has(annotations, LAST_APPLIED_ANNOTATION)) bump('last-applied-configuration');
  }
  return [...counts].map(([field, count]) => ({ field, count }));
}

/** "removes status (2), uid (2)…", or says there is nothing to remove. */
export function cleanSummary(counts: readonly CleanCount[]): string {
  if (counts.length === 0) return 'nothing server-written to remove';
  const total = counts.reduce((n, c) => n + c.count, 0);
  return `removes ${total} server-written fields: ${counts.map((c) => `${c.field} (${c.count})`).join(', ')}`;
}
