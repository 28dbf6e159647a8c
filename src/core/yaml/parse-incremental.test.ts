import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createParser, docEditOf, parseText, type ParsedText } from './parse';
import { splitDocuments } from './split';

// The parser re-splits only the span a keystroke changed (parse.ts `incremental`): over random edits that make
// and break document markers (`---` at a line start, with spaces, CRLF), insert and delete text and break
// documents, its result must be a fresh parse's, document by document.

const START = readFileSync('test/fixtures/corpus/istio/samples/bookinfo/platform/kube/bookinfo.yaml', 'utf8');

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '---',
  '---\n',
  '\n---\n',
  '-',
  '\n',
  '\r\n',
  ' ',
  'x',
  ': [',
  'a: 1\n',
  '--- ',
  '#',
  '\n---',
];

const plain = (p: ParsedText) =>
  p.docs.map((d) => ({
    index: d.index,
    start: d.start,
    end: d.end,
    text: d.text,
    value: d.value,
    problems: d.problems,
    broken: d.broken,
  }));

describe('incremental parse equals a fresh parse', () => {
  it.each([1, 2, 3, 4, 5, 6])('random edits, seed %i', (seed) => {
    const random = rng(seed);
    const pick = (n: number) => Math.floor(random() * n);
    const parse = createParser();
    let text = START;
    parse(text);
    let reused = 0;
    for (let step = 0; step < 100; step++) {
      // Edits cluster near document markers, where re-splitting can go wrong.
      const markers = [...text.matchAll(/^---/gm)].map((m) => m.index ?? 0);
      const near =
        markers.length && pick(2) ? (markers[pick(markers.length)] ?? 0) + pick(9) - 4 : pick(text.length);
      const at = Math.max(0, Math.min(text.length, near));
      const cut = pick(3) === 0 ? pick(6) : 0;
      const put = pick(4) === 0 ? '' : (PIECES[pick(PIECES.length)] ?? '');
      text = text.slice(0, at) + put + text.slice(at + cut);
      const inc = parse(text);
      const where = `seed ${seed}, step ${step}`;
      expect(plain(inc), where).toEqual(plain(parseText(text)));
      const edit = docEditOf(inc);
      if (edit && edit.newTo - edit.from < inc.docs.length) reused++;
    }
    // Most steps must re-read a few documents, not all, or the equality says nothing about the re-split.
    expect(reused).toBeGreaterThan(60);
  });

  it.each([7, 8, 9])('missing(text) after random edits names exactly the new documents, seed %i', (seed) => {
    // Checked against the documents of both texts as a plain split sees them, not against the parser's memo.
    const random = rng(seed);
    const pick = (n: number) => Math.floor(random() * n);
    const parse = createParser();
    let text = START;
    parse(text);
    let some = 0;
    for (let step = 0; step < 100; step++) {
      const at = pick(text.length);
      const put = pick(4) === 0 ? '' : (PIECES[pick(PIECES.length)] ?? '');
      const next = text.slice(0, at) + put + text.slice(at + (pick(3) === 0 ? pick(6) : 0));
      const before = new Set(splitDocuments(text).map((c) => c.text));
      const want = [...new Set(splitDocuments(next).map((c) => c.text))].filter((t) => !before.has(t));
      const got = parse.missing(next);
      expect([...got].sort(), `seed ${seed}, step ${step}`).toEqual(want.sort());
      if (got.length > 0) some++;
      text = next;
      parse(text);
    }
    expect(some).toBeGreaterThan(50);
  });

  it('keeps the documents before the edit and moves those after it', () => {
    const parse = createParser();
    const a = parse(START);
    const at = START.indexOf('name: ratings');
    const b = parse(`${START.slice(0, at)}x${START.slice(at)}`);
    const edit = docEditOf(b);
    expect(edit?.prev).toBe(a);
    expect(edit && edit.newTo - edit.from).toBe(1);
    const i = edit?.from ?? 0;
    expect(b.docs[i - 1]).toBe(a.docs[i - 1]);
    expect(b.docs[i + 1]?.start).toBe((a.docs[i + 1]?.start ?? 0) + 1);
    expect(b.docs[i + 1]?.value).toBe(a.docs[i + 1]?.value);
  });
});
