import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index';
import { analyseChunk, createParser, parseText } from './parse';

describe('parseText', () => {
  it('parses each document with absolute problem offsets', () => {
    const text = 'a: 1\n---\nb: [\n---\nc: 3\n';
    const p = parseText(text);
    expect(p.docs.map((d) => d.broken)).toEqual([false, true, false]);
    expect(p.docs[2]?.value).toEqual({ c: 3 });
    const problem = p.docs[1]?.problems[0];
    expect(problem).toBeDefined();
    expect(new LineIndex(text).at(problem?.start ?? 0).line).toBeGreaterThanOrEqual(3);
  });
  it('stops alias bombs with an error instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    const doc = parseText(bomb.join('\n')).docs[0];
    expect(doc?.broken).toBe(true);
    expect(doc?.problems.some((p) => p.code === 'ALIAS_LIMIT')).toBe(true);
  });
  it('reports duplicate keys', () => {
    const doc = parseText('a: 1\na: 2\n').docs[0];
    expect(doc?.problems.map((p) => p.code)).toContain('DUPLICATE_KEY');
  });
  it('accepts JSON', () => {
    expect(parseText('{"kind": "Service", "metadata": {"name": "x"}}').docs[0]?.value).toEqual({
      kind: 'Service',
      metadata: { name: 'x' },
    });
  });
});

describe('createParser', () => {
  it('reuses the parse of documents whose text did not change', () => {
    const parse = createParser();
    const a = parse('a: 1\n---\nb: 2\n');
    const b = parse('a: 1\n---\nb: 3\n');
    expect(b.docs[0]?.ast).toBe(a.docs[0]?.ast);
    expect(b.docs[1]?.ast).not.toBe(a.docs[1]?.ast);
    expect(b.docs[1]?.value).toEqual({ b: 3 });
  });
});

describe('createParser fed ahead (the parse worker)', () => {
  const text = 'a: 1\n---\nb: [\n---\na: 1\n---\nc: &x 3\nd: *x\n';
  const factsOf = (doc: string) => {
    const { value, problems } = analyseChunk(doc);
    // What the worker's message does to them.
    return structuredClone({ value, problems });
  };

  it('lists each document it has not parsed once, in order, and none once parsed', () => {
    const parse = createParser();
    // The second `a: 1` document starts with its `---`, so it is a text of its own.
    expect(parse.missing(text)).toEqual(['a: 1\n', '---\nb: [\n', '---\na: 1\n', '---\nc: &x 3\nd: *x\n']);
    expect(parse.missing('a: 1\n---\nb: 2\n---\nb: 2\n')).toEqual(['a: 1\n', '---\nb: 2\n']);
    parse(text);
    expect(parse.missing(text)).toEqual([]);
    expect(parse.missing(`${text}---\ne: 5\n`)).toEqual(['---\ne: 5\n']);
  });

  it('gives the same documents from seeded facts as from parsing, and parses an AST only when asked', () => {
    const parse = createParser();
    for (const doc of parse.missing(text)) parse.seed(doc, factsOf(doc));
    expect(parse.missing(text)).toEqual([]);
    const seeded = parse(text);
    const direct = parseText(text);
    const plain = (p: typeof direct) => p.docs.map(({ ast: _ast, ...rest }) => rest);
    expect(plain(seeded)).toEqual(plain(direct));
    const ast = seeded.docs[3]?.ast;
    expect(ast?.toJS()).toEqual({ c: 3, d: 3 });
    // Parsed once, then kept for the next texts that share the document.
    expect(parse(`${text}---\ne: 5\n`).docs[3]?.ast).toBe(ast);
  });

  it('keeps what it parsed itself over a late seed', () => {
    const parse = createParser();
    const before = parse('a: 1\n').docs[0]?.ast;
    parse.seed('a: 1\n', { value: { a: 2 }, problems: [] });
    const after = parse('a: 1\n').docs[0];
    expect(after?.value).toEqual({ a: 1 });
    expect(after?.ast).toBe(before);
  });
});
