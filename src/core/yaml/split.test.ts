import { describe, expect, it } from 'vitest';
import { splitDocuments } from './split';

describe('splitDocuments', () => {
  it('cuts at column-0 document markers and keeps every byte', () => {
    const text = '# head\n---\na: 1\n---\nb: 2\n';
    const chunks = splitDocuments(text);
    expect(chunks.map((c) => c.text)).toEqual(['# head\n', '---\na: 1\n', '---\nb: 2\n']);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    expect(chunks[2]?.start).toBe(text.indexOf('---\nb'));
  });
  it('does not cut at an indented or longer marker', () => {
    const text = 'a: |\n  ---\n  x\nb: ----\n';
    expect(splitDocuments(text)).toHaveLength(1);
  });
  it('accepts a marker followed by content or CRLF', () => {
    expect(splitDocuments('a: 1\n--- # c\nb: 2\n')).toHaveLength(2);
    expect(splitDocuments('a: 1\r\n---\r\nb: 2\r\n')).toHaveLength(2);
  });
});
