import type { ParsedText } from '../yaml/parse';
import { isRec } from '../model/read';
import { appendIn, isFailure, openDoc, type DocState, type Failure, type Step } from './doc-edit';
import { appendDocsEdit, lineEnding } from './append-docs';
import { isFlow } from './flow-edit';
import type { TextEdit } from './intents';
import { logEdits } from './edit-log';
import { ownedRange } from './owned-range';
import { toYaml } from './serialise';

/** The outcome of an edit op: minimal edits in the original text's offsets and the text after them. */
export type EditResult =
  { ok: true; edits: TextEdit[]; text: string; select?: string } | { ok: false; reason: string };

/** Collects the steps of one op, per document, and turns them into non-overlapping text edits. */
export interface Session {
  /** Runs steps on a document; returns a failure to stop the op. */
  edit(docIndex: number, step: (s: DocState) => Step): Failure | undefined;
  /** The current text of a document being edited (or the original). */
  current(docIndex: number): DocState | Failure;
  /** Adds a resource: to the `items` of a text that is one JSON List (kubectl's output), else as a new document. */
  appendDoc(value: unknown): Failure | undefined;
  deleteDoc(docIndex: number): Failure | undefined;
  finish(select?: string): EditResult;
}

/** Starts an op on a parsed text. */
export function createSession(parsed: ParsedText): Session {
  const states = new Map<number, DocState>();
  const deleted = new Set<number>();
  const appended: string[] = [];
  const eol = lineEnding(parsed.text);

  const current = (i: number): DocState | Failure => {
    const have = states.get(i);
    if (have) return have;
    const doc = parsed.docs[i];
    if (!doc) return { reason: `there is no document ${i}` };
    if (doc.broken) return { reason: `document ${i + 1} does not parse; fix it first` };
    return openDoc(doc.text, eol);
  };

  return {
    current,
    edit(i, step) {
      const s = current(i);
      if (isFailure(s)) return s;
      const next = step(s);
      if (isFailure(next)) return next;
      states.set(i, next);
      return undefined;
    },
    appendDoc(value) {
      const list = jsonList(parsed);
      if (list !== undefined) return this.edit(list, (s) => appendIn(s, ['items'], value));
      appended.push(`${toYaml(value, 0, false)}\n`.replace(/\n/g, eol));
      return undefined;
    },
    deleteDoc(i) {
      if (!parsed.docs[i]) return { reason: `there is no document ${i}` };
      deleted.add(i);
      return undefined;
    },
    finish(select) {
      const edits: TextEdit[] = [];
      for (const [i, s] of states) {
        const doc = parsed.docs[i];
        if (doc && !deleted.has(i)) edits.push(...logEdits(s.log, doc.text, doc.start));
      }
      for (const i of deleted) edits.push(...deleteEdit(parsed, i));
      if (appended.length > 0) edits.push(appendEdit(parsed, deleted, appended, eol));
      const merged = mergeEdits(edits);
      if (isFailure(merged)) return { ok: false, reason: merged.reason };
      const result: EditResult = { ok: true, edits: merged, text: applyEdits(parsed.text, merged) };
      if (select !== undefined) result.select = select;
      return result;
    },
  };
}

/** The index of the one document of a text that is a JSON `kind: List`, if it is one. */
function jsonList(parsed: ParsedText): number | undefined {
  const live = parsed.docs.filter((d) => d.value !== undefined && d.value !== null);
  const doc = live[0];
  if (live.length !== 1 || !doc || doc.broken) return undefined;
  const v = doc.value;
  const isList = isRec(v) && v.kind === 'List' && Array.isArray(v.items);
  return isList && isFlow(doc.ast.contents) ? doc.index : undefined;
}

function deleteEdit(parsed: ParsedText, i: number): TextEdit[] {
  const doc = parsed.docs[i];
  const own = doc && ownedRange(doc.text, doc.ast);
  return own ? [{ start: doc.start + own[0], end: doc.start + own[1], text: '' }] : [];
}

function appendEdit(parsed: ParsedText, deleted: ReadonlySet<number>, docs: string[], eol: string): TextEdit {
  const live = parsed.docs.filter((d) => !deleted.has(d.index)).map((d) => d.text);
  return appendDocsEdit(parsed.text, live, docs.join(`---${eol}`), eol);
}

/** Sorts edits and joins touching ones, so Monaco gets a valid, non-overlapping set. */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] | Failure {
  const sorted = edits
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.start - b.e.start || a.order - b.order);
  const out: TextEdit[] = [];
  for (const { e } of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) return { reason: 'internal: overlapping edits' };
    if (prev && e.start === prev.end) {
      out[out.length - 1] = { start: prev.start, end: e.end, text: prev.text + e.text };
    } else {
      out.push({ ...e });
    }
  }
  return out;
}

/** Applies non-overlapping edits given in the original text's offsets. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
