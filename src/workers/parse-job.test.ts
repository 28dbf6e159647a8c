import { describe, expect, it } from 'vitest';
import { analyseChunk } from '../core/yaml/parse';
import { BATCH_MS, createParseHandler, type ParseReply } from './parse-job';

const docs = ['a: 1\n', 'b: [\n', 'kind: Service\nmetadata:\n  name: x\n', 'c: &x 3\nd: *x\n'];

/** A clock that moves `step` ms each time it is read, so batches end after a known number of documents. */
function clock(step: number) {
  let t = 0;
  return () => (t += step);
}

describe('parse worker handler', () => {
  it('sends every document’s facts in order, in batches, then done', async () => {
    const replies: ParseReply[] = [];
    // Each document "takes" half a batch: two per batch.
    const handle = createParseHandler(
      (r) => replies.push(r),
      clock(BATCH_MS / 2),
      async () => undefined,
    );
    await handle({ type: 'parse', job: 7, docs });
    expect(replies.map((r) => [r.type, r.type === 'batch' ? r.from : -1])).toEqual([
      ['batch', 0],
      ['batch', 2],
      ['done', -1],
    ]);
    const facts = replies.flatMap((r) => (r.type === 'batch' ? r.facts : []));
    expect(facts).toEqual(
      docs.map((d) => ({ value: analyseChunk(d).value, problems: analyseChunk(d).problems })),
    );
    expect(replies.every((r) => r.job === 7)).toBe(true);
  });

  it('drops an older job at its next batch when a newer one arrives', async () => {
    const replies: ParseReply[] = [];
    const waiting: (() => void)[] = [];
    const gate = () => new Promise<void>((r) => waiting.push(r));
    const release = () => waiting.splice(0).forEach((r) => r());
    const handle = createParseHandler((r) => replies.push(r), clock(BATCH_MS * 2), gate);
    const first = handle({ type: 'parse', job: 1, docs });
    const second = handle({ type: 'parse', job: 2, docs: ['z: 1\n'] });
    release();
    await second;
    release();
    await first;
    expect(replies.map((r) => `${r.type}:${r.job}`)).toEqual(['batch:1', 'batch:2', 'done:2']);
  });

  it('says it failed when a batch cannot be posted (a value the structured clone refuses)', async () => {
    const replies: ParseReply[] = [];
    const handle = createParseHandler(
      (r) => {
        if (r.type === 'batch') throw new Error('could not be cloned');
        replies.push(r);
      },
      clock(1),
      async () => undefined,
    );
    await handle({ type: 'parse', job: 3, docs });
    expect(replies).toEqual([{ type: 'failed', job: 3, reason: 'could not be cloned' }]);
  });

  it('never lets a warm-up end a real job that is running (the hang of a first big paste)', async () => {
    const replies: ParseReply[] = [];
    const waiting: (() => void)[] = [];
    const gate = () => new Promise<void>((r) => waiting.push(r));
    const release = () => waiting.splice(0).forEach((r) => r());
    // One document per batch, so the real job is still running when the warm-up arrives.
    const handle = createParseHandler((r) => replies.push(r), clock(BATCH_MS * 2), gate);
    const real = handle({ type: 'parse', job: 1, docs });
    const warm = handle({ type: 'warmup', docs: ['w: 1\n', 'w: 2\n'] });
    await warm;
    while (waiting.length > 0) {
      release();
      await new Promise((r) => setTimeout(r, 0));
    }
    await real;
    expect(replies.map((r) => `${r.type}:${r.job}`)).toEqual([
      'batch:1',
      'batch:1',
      'batch:1',
      'batch:1',
      'done:1',
    ]);
  });

  it('ends a running warm-up when a real job arrives, and posts nothing for the warm-up', async () => {
    const replies: ParseReply[] = [];
    const waiting: (() => void)[] = [];
    const gate = () => new Promise<void>((r) => waiting.push(r));
    const release = () => waiting.splice(0).forEach((r) => r());
    const handle = createParseHandler((r) => replies.push(r), clock(BATCH_MS * 2), gate);
    const parsed: string[] = [];
    const warm = handle({ type: 'warmup', docs: Array.from({ length: 50 }, (_, i) => `w: ${i}\n`) });
    parsed.push('warm started');
    const real = handle({ type: 'parse', job: 4, docs: ['z: 1\n'] });
    while (waiting.length > 0) {
      release();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all([warm, real]);
    expect(replies.map((r) => `${r.type}:${r.job}`)).toEqual(['batch:4', 'done:4']);
    // A later warm-up, with nothing running, runs to its end and still says nothing.
    await createParseHandler(
      (r) => replies.push(r),
      clock(1),
      async () => undefined,
    )({
      type: 'warmup',
      docs: ['a: 1\n'],
    });
    expect(replies).toHaveLength(2);
  });
});
