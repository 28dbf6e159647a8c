import { Composer, Parser as CstParser, YAMLParseError, type Document } from 'yaml';
import { joinFlowColons } from './flow-colons';
import { kubectlNotes, kubectlReads, type KubectlNote } from './kubectl-notes';
import { KUBECTL_SCHEMA } from './kubectl-scalars';
import { splitDocuments } from './split';
import { commonPrefix, commonSuffix } from './text-diff';

/** A syntax problem in the text, with absolute offsets. */
export interface YamlProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** Set on a `KUBECTL_READS` warning: a plain scalar kubectl reads differently (validate/rules/yaml11-scalars). */
  note?: KubectlNote;
}

/** Code of the problems that carry a `KubectlNote`; not a syntax problem, the yaml11-scalars rule reports it. */
export const KUBECTL_READS = 'KUBECTL_READS';

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

/** What parsing one document yields besides its AST: all a parse worker needs to send back. */
export interface ChunkFacts {
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

/**
 * Values are read as kubectl reads them (YAML 1.1 scalars per go-yaml v2, `<<` merges): the model and every
 * check see what the cluster will get. Edit ops parse on their own (core/edit) and only splice text.
 */
const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  strict: true,
  schema: KUBECTL_SCHEMA,
} as const;

/** `parseDocument`, with the tokens first adjusted where go-yaml v2 splits plain scalars differently. */
function parseAst(text: string): Document.Parsed {
  const composer = new Composer(PARSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  const tokens = function* () {
    for (const token of new CstParser().parse(text)) {
      joinFlowColons(token, text);
      yield token;
    }
  };
  for (const d of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(
        new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document.
  return doc as Document.Parsed;
}

/** Parses one document: its value and problems, with the AST they came from. */
export function analyseChunk(text: string): ChunkFacts & { ast: Document.Parsed } {
  const ast = parseAst(text);
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
      // toJS also throws on a `<<` merge of something that is no map, which kubectl rejects as well.
      const merge = /merge/i.test(reason);
      problems.push({
        code: merge ? 'BAD_MERGE' : 'ALIAS_LIMIT',
        message: merge
          ? `A "<<" merge key needs a map or a list of maps: ${reason}`
          : `Too many aliases in this document (limit ${MAX_ALIAS_COUNT}): ${reason}`,
        start: range[0],
        end: range[1],
        severity: 'error',
      });
    }
  }
  if (ast.errors.length === 0) {
    for (const { note, range } of kubectlNotes(ast)) {
      problems.push({
        code: KUBECTL_READS,
        message: kubectlReads(note),
        start: range[0],
        end: range[1],
        severity: 'warning',
        note,
      });
    }
  }
  return { ast, value, problems };
}

/** A document's facts, with its AST parsed on first use when the facts came from a worker. */
class Entry {
  /** True when the document has errors (warnings do not count). */
  readonly broken: boolean;
  constructor(
    readonly text: string,
    readonly facts: ChunkFacts,
    private parsedAst?: Document.Parsed,
  ) {
    this.broken = facts.problems.some((p) => p.severity === 'error');
  }

  get ast(): Document.Parsed {
    return (this.parsedAst ??= parseAst(this.text));
  }
}

function parseEntry(text: string): Entry {
  const { ast, ...facts } = analyseChunk(text);
  return new Entry(text, facts, ast);
}

const NO_PROBLEMS: readonly YamlProblem[] = [];

/** One document of a text: an entry placed at an offset (a class, so the thousands a keystroke moves are cheap). */
class Doc implements ParsedDoc {
  readonly end: number;
  readonly value: unknown;
  readonly problems: YamlProblem[];
  readonly broken: boolean;
  constructor(
    readonly entry: Entry,
    readonly index: number,
    readonly start: number,
  ) {
    this.end = start + entry.text.length;
    this.value = entry.facts.value;
    const own = entry.facts.problems;
    // Most documents have none: one shared empty list instead of a new one per document and keystroke.
    this.problems =
      own.length === 0
        ? (NO_PROBLEMS as YamlProblem[])
        : own.map((p) => ({ ...p, start: p.start + start, end: p.end + start }));
    this.broken = entry.broken;
  }

  get text(): string {
    return this.entry.text;
  }

  get ast(): Document.Parsed {
    return this.entry.ast;
  }
}

/** Which documents a parse re-read: `[from, newTo)` of the new text replaced `[from, oldTo)` of `prev`. */
export interface DocEdit {
  prev: ParsedText;
  from: number;
  oldTo: number;
  newTo: number;
  /** Length change of the text; documents from `newTo` on moved by it. */
  delta: number;
}

const edits = new WeakMap<ParsedText, DocEdit>();

/** The documents this parse re-read against the parse before it, when it came from the same parser. */
export function docEditOf(parsed: ParsedText): DocEdit | undefined {
  return edits.get(parsed);
}

/** Index of the last document whose marker and the newline before it lie in the first `prefix` characters. */
function firstTouched(docs: readonly ParsedDoc[], prefix: number): number {
  // A marker is read from the newline before it to the line break after `---` (up to `\r\n`): start - 1 .. start + 5.
  let lo = 0;
  let hi = docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((docs[mid]?.start ?? 0) + 6 <= prefix) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first document after `from` whose marker lies wholly in the unchanged tail, or the count. */
function firstUntouched(docs: readonly ParsedDoc[], from: number, oldEnd: number): number {
  let lo = from + 1;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid]?.start ?? 0) - 1 >= oldEnd) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A memoising multi-document parser that a worker can feed ahead of time. */
export interface Parser {
  (text: string): ParsedText;
  /** Texts of the documents of `text` this parser has not parsed yet, in order, each once. */
  missing(text: string): string[];
  /**
   * Takes a document's value and problems parsed elsewhere (a worker, with `analyseChunk`). Its AST is
   * parsed here only when something asks for it (an edit, a diagnostic's range).
   */
  seed(docText: string, facts: ChunkFacts): void;
}

/**
 * The documents of `prev` an edit into `text` touched: `[from, oldTo)` in `prev`, whose text is `[a, b)` in
 * `text` (from the common prefix to the common suffix, widened to whole documents); `delta` is the length change.
 */
function touchedSpan(prev: ParsedText, text: string) {
  const p = commonPrefix(prev.text, text);
  const oldEnd = prev.text.length - commonSuffix(prev.text, text, p);
  const delta = text.length - prev.text.length;
  const from = firstTouched(prev.docs, p);
  const oldTo = firstUntouched(prev.docs, from, oldEnd);
  const a = prev.docs[from]?.start ?? 0;
  const b = oldTo < prev.docs.length ? (prev.docs[oldTo]?.start ?? 0) + delta : text.length;
  return { from, oldTo, a, b, delta };
}

/**
 * Parses a multi-document text, one document at a time. Documents whose text is unchanged since the last call
 * (or seeded since) are reused, so a keystroke re-parses only the document it touched. Against the last text,
 * only the span between the common prefix and suffix is re-split: documents before it are kept as they were,
 * documents after it moved by the length change (`docEditOf` says which). Never throws.
 */
export function createParser(): Parser {
  let cache = new Map<string, Entry>();
  let last: ParsedText | undefined;
  const entryOf = (text: string, fresh: Map<string, Entry>) => {
    let e = cache.get(text) ?? fresh.get(text);
    if (!e) e = parseEntry(text);
    fresh.set(text, e);
    return e;
  };
  const full = (text: string): ParsedText => {
    const next = new Map<string, Entry>();
    const docs = splitDocuments(text).map(
      (chunk, index) => new Doc(entryOf(chunk.text, next), index, chunk.start),
    );
    cache = next;
    return { text, docs };
  };
  const incremental = (prev: ParsedText, text: string): ParsedText => {
    const { from, oldTo, a, b, delta } = touchedSpan(prev, text);
    const added = new Map<string, Entry>();
    const middle = splitDocuments(text.slice(a, b)).map(
      (chunk, k) => new Doc(entryOf(chunk.text, added), from + k, a + chunk.start),
    );
    const newTo = from + middle.length;
    const moved = newTo - oldTo;
    const tail = prev.docs.slice(oldTo);
    if (delta !== 0 || moved !== 0) {
      for (let k = 0; k < tail.length; k++) {
        const d = tail[k] as Doc;
        tail[k] = new Doc(d.entry, d.index + moved, d.start + delta);
      }
    }
    // The replaced documents' texts leave the memo unless a new document has the same text.
    for (let i = from; i < oldTo; i++) {
      const t = prev.docs[i]?.text;
      if (t !== undefined && !added.has(t)) cache.delete(t);
    }
    for (const [t, e] of added) cache.set(t, e);
    const parsed = { text, docs: prev.docs.slice(0, from).concat(middle, tail) };
    edits.set(parsed, { prev, from, oldTo, newTo, delta });
    return parsed;
  };
  const parse = (text: string): ParsedText => {
    if (last?.text === text) return last;
    // Only texts this parser made are re-split from (their documents are Docs).
    const out = last && last.docs.length > 0 ? incremental(last, text) : full(text);
    last = out;
    return out;
  };
  // Against the last text only the touched span can hold documents the memo lacks (the others are the last
  // text's documents, moved): a keystroke in a 7 MB text splits a few documents, not all of them.
  const missing = (text: string): string[] => {
    if (last?.text === text) return [];
    const span = last && last.docs.length > 0 ? touchedSpan(last, text) : { a: 0, b: text.length };
    return [
      ...new Set(
        splitDocuments(text.slice(span.a, span.b)).flatMap((c) => (cache.has(c.text) ? [] : [c.text])),
      ),
    ];
  };
  const seed = (docText: string, facts: ChunkFacts) => {
    if (!cache.has(docText)) cache.set(docText, new Entry(docText, facts));
  };
  return Object.assign(parse, { missing, seed });
}
/** One-shot parse with no memo, for tests and tools. */
export function parseText(text: string): ParsedText {
  return createParser()(text);
}
