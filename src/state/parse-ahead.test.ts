import { describe, expect, it } from 'vitest';
import { createParser } from '../core/yaml/parse';
import { BATCH_MS } from '../workers/parse-job';
import { fakeParseWorker } from './fake-parse-worker';
import { createParseAhead, type Progress } from './parse-ahead';

const docs = Array.from({ length: 5 }, (_, i) => `---\nkind: Service\nmetadata:\n  name: s${i}\n`);
const text = docs.join('');
/** One document per batch. */
const slowClock = () => {
  let t = 0;
  return () => (t += BATCH_MS);
};

describe('parse ahead', () => {
  it('seeds the parser batch by batch, reporting progress, and resolves true when all are in', async () => {
    const parser = createParser();
    const fake = fakeParseWorker(slowClock());
    const ahead = createParseAhead(fake.worker, parser);
    const seen: Progress[] = [];
    let result: boolean | undefined;
    void ahead.run(parser.missing(text), (p) => seen.push(p)).then((ok) => (result = ok));
    await fake.step();
    expect(seen).toEqual([{ done: 1, total: 5 }]);
    expect(parser.missing(text)).toHaveLength(4);
    await fake.drain();
    expect(result).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(parser.missing(text)).toEqual([]);
    expect(parser(text).docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual([
      's0',
      's1',
      's2',
      's3',
      's4',
    ]);
  });

  it('resolves an older run false when a newer one starts, and finishes the newer', async () => {
    const parser = createParser();
    const fake = fakeParseWorker(slowClock());
    const ahead = createParseAhead(fake.worker, parser);
    const first = ahead.run(docs, () => undefined);
    await fake.step();
    const second = ahead.run(['---\nz: 1\n'], () => undefined);
    expect(await first).toBe(false);
    await fake.drain();
    expect(await second).toBe(true);
  });

  it('resolves false once the worker fails, and at once from then on', async () => {
    const parser = createParser();
    const fake = fakeParseWorker();
    const ahead = createParseAhead(fake.worker, parser);
    const run = ahead.run(docs, () => undefined);
    fake.crash();
    expect(await run).toBe(false);
    expect(await ahead.run(docs, () => undefined)).toBe(false);
  });
});
