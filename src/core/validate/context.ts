import type { MeshIndex } from '../graph/build-graph';
import type { Graph } from '../graph/types';
import type { MeshModel, ResourceBase } from '../model/types';
import { formatPath, rangeAt, type YamlPath } from '../yaml/locate';
import type { ParsedDoc, ParsedText } from '../yaml/parse';
import type { Diagnostic, QuickFix, Severity } from './types';

/** Everything a rule may read. Rules are pure: (ctx) → Diagnostic[]. */
export interface ValidationContext {
  parsed: ParsedText;
  model: MeshModel;
  index: MeshIndex;
  graph: Graph;
  /**
   * False when the text is part of a mesh (see `DeriveOptions.meshComplete`): references to things not in the
   * text are info, grouped per missing thing. Undefined reads as true.
   */
  meshComplete?: boolean;
  /**
   * The documents whose own problems (syntax, kubectl's readings) to report, in order; undefined: all. A keystroke's
   * patch checks only the documents of the namespaces it reaches, so a pass over every document is not wanted.
   */
  docs?: readonly ParsedDoc[];
}

/** The documents a rule reporting per document walks (`ctx.docs`, else every one). */
export function docsOf(ctx: ValidationContext): readonly ParsedDoc[] {
  return ctx.docs ?? ctx.parsed.docs;
}

/** True when references to things outside the text are expected (the text is part of a mesh). */
export function isPartial(ctx: ValidationContext): boolean {
  return ctx.meshComplete === false;
}

export type Rule = (ctx: ValidationContext) => Diagnostic[];

/** Builds a diagnostic located at a path inside a resource (relative to the resource's object). */
export function at(
  ctx: ValidationContext,
  r: ResourceBase,
  path: YamlPath,
  code: string,
  severity: Severity,
  message: string,
  extra: { nodeId?: string; edgeId?: string; fixes?: QuickFix[] } = {},
): Diagnostic {
  const doc = ctx.parsed.docs[r.docIndex];
  const full = [...r.basePath, ...path];
  return {
    code,
    severity,
    message,
    resource: r.ref,
    path: formatPath(path),
    range: doc ? rangeAt(doc, full) : [0, 0],
    ...extra,
  };
}

/** A finding moved by `by` characters (its document moved by an edit above it). */
export function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  return {
    ...d,
    range: [d.range[0] + by, d.range[1] + by],
    ...(d.related
      ? { related: d.related.map((r) => ({ ...r, range: [r.range[0] + by, r.range[1] + by] })) }
      : {}),
    ...(d.fixes
      ? {
          fixes: d.fixes.map((f) =>
            f.edit ? { ...f, edit: { ...f.edit, start: f.edit.start + by, end: f.edit.end + by } } : f,
          ),
        }
      : {}),
  };
}
