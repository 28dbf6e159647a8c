import { isCollection, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { freshLog, spliceLog, type EditLog } from './edit-log';
import { columnOf, detectIndentSeq } from './serialise';

/** How a document is written, so inserted text matches it. */
export interface TextStyle {
  /** The document's line ending: `\r\n` when it has one, else `\n`. */
  eol: string;
  /** Block sequences indented under their key (`hosts:\n  - a`) or not. */
  indentSeq: boolean;
  /** The document is JSON (a flow collection with double-quoted keys): new keys and values are JSON. */
  json: boolean;
  /** JSON's indentation step (0 for JSON on one line). */
  jsonIndent: number;
}

/** One document's text being edited, re-parsed after every step so each step sees fresh ranges. */
export interface DocState extends TextStyle {
  text: string;
  ast: Document.Parsed;
  /** Where the text came from: the opened text's slices and what the steps inserted. */
  log: EditLog;
}

/** Why a step was refused. */
export interface Failure {
  reason: string;
}

export type Step = DocState | Failure;

export function isFailure(s: object): s is Failure {
  return 'reason' in s;
}

const PARSE = { uniqueKeys: true, strict: true } as const;

function styleOf(ast: Document.Parsed, text: string, eol?: string): TextStyle {
  const root = ast.contents;
  const first = isMap(root) ? root.items[0] : undefined;
  const firstKey = isPair(first) && isScalar(first.key) ? first.key : undefined;
  const json = isCollection(root) && root.flow === true && (!firstKey || firstKey.type === 'QUOTE_DOUBLE');
  let jsonIndent = 0;
  if (json && root?.range && firstKey?.range) {
    const open = root.range[0];
    const sameLine = !text.slice(open, firstKey.range[0]).includes('\n');
    jsonIndent = sameLine ? 0 : columnOf(text, firstKey.range[0]) - columnOf(text, open);
  }
  return {
    eol: eol ?? (text.includes('\r\n') ? '\r\n' : '\n'),
    indentSeq: detectIndentSeq(ast, text),
    json,
    jsonIndent: Math.max(0, jsonIndent),
  };
}

/**
 * Parses one document's text for editing; refuses a document that does not parse. `eol` is the whole text's
 * line ending, for a document too short to show its own.
 */
export function openDoc(text: string, eol?: string): Step {
  const ast = parseDocument(text, PARSE);
  const err = ast.errors[0];
  if (err) return { reason: `the document does not parse: ${err.message.split('\n')[0] ?? ''}` };
  const own = text.includes('\n') ? undefined : eol;
  return { text, ast, log: freshLog(text.length), ...styleOf(ast, text, own) };
}

/**
 * Replaces [start, end) with `insert` and re-parses. Inserted line breaks take the document's line ending.
 * A result that does not parse is refused: a guard, not a feature.
 */
export function splice(state: DocState, start: number, end: number, insert: string): Step {
  const ins = state.eol === '\n' ? insert : insert.replace(/\r?\n/g, state.eol);
  const text = state.text.slice(0, start) + ins + state.text.slice(end);
  const ast = parseDocument(text, PARSE);
  const err = ast.errors[0];
  if (err) return { reason: `internal: the edit would not parse (${err.message.split('\n')[0] ?? ''})` };
  return { ...state, text, ast, log: spliceLog(state.log, start, end, ins) };
}
