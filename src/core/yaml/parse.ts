import { parseDocument, type Document } from 'yaml';
import { splitDocuments } from './split';

/** A syntax problem in the text, with absolute offsets. */
export interface YamlProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

/** One parsed YAML document. The AST's ranges are relative to `start`; add it for absolute offsets. */
export interface ParsedDoc {
  index: number;
  start: number;
  end: number;
  text: string;
  ast: Document.Parsed;
  /** Plain JS value; `undefined` for an empty document or one that failed to parse. */
  value: unknown;
  problems: YamlProblem[];
  /** True when the document has errors (warnings do not count). */
  broken: boolean;
}

export interface ParsedText {
  text: string;
  docs: ParsedDoc[];
}

interface ChunkResult {
  ast: Document.Parsed;
  value: unknown;
  problems: YamlProblem[]; // relative offsets
}

/** Aliases beyond this many in one document are an alias bomb, not config. */
export const MAX_ALIAS_COUNT = 100;

function cleanMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

// `{{ ... }}` outside a comment: Go template syntax, which YAML cannot read until Helm renders it.
const HELM = /^[^#\n]*\{\{[^\n]*\}\}/m;
const HELM_HINT = 'looks like a Helm template: render it first (helm template ...)';

/** Says what a person can do about the usual causes of a syntax error. */
function explain(code: string, message: string, helm: boolean): string {
  if (helm) return `This ${HELM_HINT}; ${message}`;
  if (code === 'TAB_AS_INDENT') return `${message}: this line is indented with a tab; use spaces`;
  return message;
}

function parseChunk(text: string): ChunkResult {
  const ast = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: YamlProblem[] = [];
  const helm = HELM.test(text);
  for (const e of ast.errors) {
    problems.push({
      code: e.code,
      message: explain(e.code, cleanMessage(e.message), helm),
      start: e.pos[0],
      end: e.pos[1],
      severity: 'error',
    });
  }
  for (const w of ast.warnings) {
    problems.push({
      code: w.code,
      message: cleanMessage(w.message),
      start: w.pos[0],
      end: w.pos[1],
      severity: 'warning',
    });
  }
  if (helm && ast.errors.length === 0) {
    const at = text.search(/\{\{/);
    problems.push({
      code: 'HELM_TEMPLATE',
      message: `This ${HELM_HINT}; the {{ }} are read as plain text here`,
      start: at,
      end: at + 2,
      severity: 'warning',
    });
  }
  let value: unknown = undefined;
  if (ast.errors.length === 0 && ast.contents !== null) {
    try {
      value = ast.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const range = ast.contents.range ?? [0, text.length];
      const reason = err instanceof Error ? err.message : String(err);
      problems.push({
        code: 'ALIAS_LIMIT',
        message: `Too many aliases in this document (limit ${MAX_ALIAS_COUNT}): ${reason}`,
        start: range[0],
        end: range[1],
        severity: 'error',
      });
    }
  }
  return { ast, value, problems };
}

/**
 * Parses a multi-document text, one document at a time. Documents whose text is unchanged since the last call
 * are reused, so a keystroke re-parses only the document it touched. Never throws.
 */
export function createParser(): (text: string) => ParsedText {
  let cache = new Map<string, ChunkResult>();
  return (text: string) => {
    const next = new Map<string, ChunkResult>();
    const docs = splitDocuments(text).map((chunk, index): ParsedDoc => {
      let r = cache.get(chunk.text) ?? next.get(chunk.text);
      if (!r) r = parseChunk(chunk.text);
      next.set(chunk.text, r);
      return {
        index,
        start: chunk.start,
        end: chunk.end,
        text: chunk.text,
        ast: r.ast,
        value: r.value,
        problems: r.problems.map((p) => ({ ...p, start: p.start + chunk.start, end: p.end + chunk.start })),
        broken: r.problems.some((p) => p.severity === 'error'),
      };
    });
    cache = next;
    return { text, docs };
  };
}

/** One-shot parse with no memo, for tests and tools. */
export function parseText(text: string): ParsedText {
  return createParser()(text);
}
