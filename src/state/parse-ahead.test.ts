import { describe, expect, it, vi } from 'vitest';
import { createParser } from '../core/yaml/parse';
import { BATCH_MS } from '../workers/parse-job';
import { fakeParseWorker } from './fake-parse-worker';
import { createParseAhead, type ParseWorkerLike, type Progress } from './parse-ahead';

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

  it('reads on the main thread once the worker fails, with the same progress, and from then on', async () => {
    const parser = createParser();
    const fake = fakeParseWorker();
    const ahead = createParseAhead(fake.worker, parser);
    const seen: Progress[] = [];
    const run = ahead.run(parser.missing(text), (p) => seen.push(p));
    fake.crash();
    expect(await run).toBe(true);
    expect(parser.missing(text)).toEqual([]);
    expect(seen[0]).toEqual({ done: 0, total: 5, fallback: 'the background reader failed' });
    expect(seen.at(-1)).toMatchObject({ done: 5, total: 5 });
    const next = `${text}---\nkind: Service\nmetadata:\n  name: later\n`;
    expect(await ahead.run(parser.missing(next), () => undefined)).toBe(true);
    expect(parser.missing(next)).toEqual([]);
  });

  it('gives up on a worker that stops answering and reads the rest here, from where it stopped', async () => {
    const parser = createParser();
    const fake = fakeParseWorker(slowClock());
    let fire: (() => void) | undefined;
    const ahead = createParseAhead(fake.worker, parser, {
      stallMs: 5000,
      timer: (f, ms) => {
        expect(ms).toBe(5000);
        fire = f;
        return () => (fire = undefined);
      },
    });
    const seen: Progress[] = [];
    let result: boolean | undefined;
    void ahead.run(parser.missing(text), (p) => seen.push(p)).then((ok) => (result = ok));
    await fake.step(); // the worker starts and sends its first document, then never answers again
    expect(parser.missing(text)).toHaveLength(4);
    expect(result).toBeUndefined();
    expect(fire).toBeDefined();
    fire?.();
    await vi.waitFor(() => expect(result).toBe(true));
    expect(parser.missing(text)).toEqual([]);
    // The main thread's reader batches by real time, so only the ends are fixed.
    expect(seen.slice(0, 2)).toEqual([
      { done: 1, total: 5 },
      { done: 1, total: 5, fallback: 'the background reader stopped answering' },
    ]);
    expect(seen.at(-1)).toMatchObject({ done: 5, fallback: 'the background reader stopped answering' });
  });

  it('does not wait on a worker that never starts', async () => {
    const parser = createParser();
    let fire: (() => void) | undefined;
    const silent: ParseWorkerLike = { postMessage: () => undefined, listen: () => undefined };
    const ahead = createParseAhead(silent, parser, { timer: (f) => ((fire = f), () => (fire = undefined)) });
    const run = ahead.run(docs, () => undefined);
    fire?.();
    expect(await run).toBe(true);
    expect(parser.missing(text)).toEqual([]);
  });
});
