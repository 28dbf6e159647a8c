import { splitDocuments } from '../yaml/split';
import type { TextEdit } from './intents';

/** The line ending new lines get: CRLF when the text uses it, else LF. */
export function lineEnding(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The one way documents are appended to a text, for edit ops (`session.appendDoc`) and Import → Append alike.
 * `live` are the texts of the documents that stay, in order; `body` the new documents, in the text's line
 * ending `eol`, each ending in one and separated by `---`. Adds the line break a text without a final newline
 * lacks and a `---` unless the text is blank or its last document already opens with a bare `---`.
 */
export function appendDocsEdit(text: string, live: readonly string[], body: string, eol: string): TextEdit {
  const end = text.length;
  const last = live[live.length - 1];
  if (last === undefined || live.every((d) => d.replace(/^\uFEFF/, '').trim() === ''))
    return { start: end, end, text: body };
  const nl = text.endsWith('\n') ? '' : eol;
  // A trailing `---` with nothing after it (comments aside) already opens the new document.
  const open = last.split('\n').every((l) => ['', '---'].includes(l.replace(/#.*/, '').trim()));
  return { start: end, end, text: `${nl}${open ? '' : `---${eol}`}${body}` };
}

/**
 * Import → Append: the edit that adds pasted or dropped manifests after a text's documents, byte for byte but
 * for line endings, which follow the text's (as Monaco's model would make them). A BOM and a bare `---` the
 * addition starts with are dropped, since the separator is written here; an addition without a final line break
 * gets one. An addition with nothing in it is no edit.
 */
export function appendManifests(text: string, addition: string): TextEdit | undefined {
  const eol = lineEnding(text);
  let body = addition
    .replace(/^\uFEFF/, '')
    .replace(/\r?\n/g, eol)
    .replace(/^---[ \t]*(?:\r?\n|$)/, '');
  if (body.trim() === '') return undefined;
  if (!body.endsWith('\n')) body += eol;
  const live = splitDocuments(text).map((c) => c.text);
  return appendDocsEdit(text, live, body, eol);
}
