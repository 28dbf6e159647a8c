import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { createSession, mergeEdits } from './session';
import { corpus } from './test-support';

const NEW = { kind: 'X', metadata: { name: 'demo' } };

function appended(text: string): string {
  const s = createSession(parseText(text));
  s.appendDoc(NEW);
  const r = s.finish();
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('appendDoc', () => {
  it('adds a separator, with or without a trailing newline', () => {
    expect(appended('a: 1\n')).toBe('a: 1\n---\nkind: X\nmetadata:\n  name: demo\n');
    expect(appended('a: 1')).toBe('a: 1\n---\nkind: X\nmetadata:\n  name: demo\n');
    expect(appended('')).toBe('kind: X\nmetadata:\n  name: demo\n');
  });

  it('reuses a trailing --- (the mirror sample ends with one and no newline)', () => {
    const text = corpus(
      'wild/redhat-scholars__istio-tutorial__istiofiles_virtual-service-recommendation-v1-mirror-v2.yml',
    );
    const out = appended(text);
    expect(out.startsWith(text)).toBe(true);
    expect(out.slice(text.length)).toBe('\nkind: X\nmetadata:\n  name: demo\n');
    expect(parseText(out).docs.map((d) => d.broken)).toEqual([false, false]);
  });
});

describe('deleteDoc', () => {
  const text = '# licence\na: 1\n---\n# b\nb: 2\n---\nc: 3\n';
  const del = (i: number): string => {
    const s = createSession(parseText(text));
    s.deleteDoc(i);
    const r = s.finish();
    if (!r.ok) throw new Error(r.reason);
    return r.text;
  };

  it('removes a middle or last document with its marker', () => {
    expect(del(1)).toBe('# licence\na: 1\n---\nc: 3\n');
    expect(del(2)).toBe('# licence\na: 1\n---\n# b\nb: 2\n');
  });

  it('keeps the first document’s leading comments and the next marker (bytes outside the resource)', () => {
    expect(del(0)).toBe('# licence\n---\n# b\nb: 2\n---\nc: 3\n');
  });
});

describe('mergeEdits', () => {
  it('joins touching edits and refuses overlapping ones', () => {
    expect(
      mergeEdits([
        { start: 2, end: 4, text: 'x' },
        { start: 0, end: 2, text: 'y' },
      ]),
    ).toEqual([{ start: 0, end: 4, text: 'yx' }]);
    expect(
      mergeEdits([
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toEqual({
      reason: 'internal: overlapping edits',
    });
  });
});
