import { describe, expect, it } from 'vitest';
import { createParser } from '../core/yaml/parse';
import { generateMesh } from '../../bench/generate-mesh';
import { splitDocuments } from '../core/yaml/split';
import { fakeParseWorker } from './fake-parse-worker';
import { createParseAhead, type Progress } from './parse-ahead';
import { createParseAheadPool, slice, SPLIT_FROM } from './parse-ahead-pool';

describe('slices of a paste', () => {
  it('are contiguous, cover every document once, and are about equal in size', () => {
    const docs = ['a'.repeat(10), 'b'.repeat(30), 'c'.repeat(20), 'd'.repeat(40)];
    const parts = slice(docs, 2);
    expect(parts.flat()).toEqual(docs);
    expect(parts.map((p) => p.join('').length)).toEqual([60, 40]);
    expect(slice(docs, 8).every((p) => p.length > 0)).toBe(true);
    expect(slice(['x'], 3)).toEqual([['x']]);
  });
});

describe('a pool of parse workers', () => {
  const text = generateMesh(1000);
  const docs = splitDocuments(text).map((c) => c.text);

  it('reads a big paste in two workers side by side, summing progress, and seeds every document', async () => {
    expect(text.length).toBeGreaterThan(SPLIT_FROM);
    const parser = createParser();
    const [a, b] = [fakeParseWorker(), fakeParseWorker()];
    const pool = createParseAheadPool([
      createParseAhead(a.worker, parser),
      createParseAhead(b.worker, parser),
    ]);
    const seen: Progress[] = [];
    const run = pool.run(parser.missing(text), (p) => seen.push(p));
    await a.step();
    await b.step();
    // Both started: each has read part of its own slice.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    await Promise.all([a.drain(), b.drain()]);
    expect(await run).toBe(true);
    expect(parser.missing(text)).toEqual([]);
    expect(seen.at(-1)).toEqual({ done: new Set(docs).size, total: new Set(docs).size });
    expect(parser(text).docs.map((d) => d.value)).toEqual(createParser()(text).docs.map((d) => d.value));
  });

  it('gives a small paste to one worker only', async () => {
    const parser = createParser();
    const small = docs.slice(0, 3);
    const [a, b] = [fakeParseWorker(), fakeParseWorker()];
    const pool = createParseAheadPool([
      createParseAhead(a.worker, parser),
      createParseAhead(b.worker, parser),
    ]);
    const run = pool.run(small, () => undefined);
    await a.drain();
    expect(await run).toBe(true);
    await b.drain();
    expect(small.every((d) => parser.missing(d).length === 0)).toBe(true);
  });

  it('resolves an older run false when a newer one replaces it', async () => {
    const parser = createParser();
    const [a, b] = [fakeParseWorker(), fakeParseWorker()];
    const pool = createParseAheadPool([
      createParseAhead(a.worker, parser),
      createParseAhead(b.worker, parser),
    ]);
    const first = pool.run(docs, () => undefined);
    const second = pool.run(['---\nz: 1\n'], () => undefined);
    expect(await first).toBe(false);
    await Promise.all([a.drain(), b.drain()]);
    expect(await second).toBe(true);
  });

  it('says so when one worker fails, and still seeds its slice from the main thread', async () => {
    const parser = createParser();
    const [a, b] = [fakeParseWorker(), fakeParseWorker()];
    const pool = createParseAheadPool([
      createParseAhead(a.worker, parser),
      createParseAhead(b.worker, parser),
    ]);
    const seen: Progress[] = [];
    const run = pool.run(parser.missing(text), (p) => seen.push(p));
    b.crash();
    await a.drain();
    expect(await run).toBe(true);
    expect(parser.missing(text)).toEqual([]);
    expect(seen.some((p) => p.fallback === 'the background reader failed')).toBe(true);
  });
});
