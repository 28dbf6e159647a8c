import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index';
import { createParser, parseText } from './parse';

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
