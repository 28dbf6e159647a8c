import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../core/compare/types';
import { createCompareJob, type CompareReply, type CompareRequest } from './compare-job';
import { createRunner } from './compare-runner';

// Istio's bookinfo samples (Apache-2.0, see test/fixtures/corpus/README.md).
const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo/networking');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const DR_ALL = read('destination-rule-all.yaml');
const base = `${DR_ALL}\n---\n${read('virtual-service-reviews-80-20.yaml')}`;
const head5050 = `${DR_ALL}\n---\n${read('virtual-service-reviews-50-v3.yaml')}`;
const headV3 = `${DR_ALL}\n---\n${read('virtual-service-reviews-v3.yaml')}`;

/** A port that answers only when told to, so the test decides what finishes when. */
function manualPort() {
  const job = createCompareJob();
  const posted: CompareRequest[] = [];
  let reply: (r: CompareReply) => void = () => undefined;
  return {
    posted,
    answer: (r?: CompareReply) => {
      const req = posted.shift();
      if (req) reply(r ?? job(req));
    },
    port: {
      post: (r: CompareRequest) => posted.push(r),
      onReply: (cb: typeof reply) => (reply = cb),
      terminate: () => undefined,
    },
  };
}

const req = (headText: string) => ({ baseText: base, headText, options: {}, requests: [] });

describe('compare runner', () => {
  it('runs one at a time; of the requests made meanwhile only the newest runs and answers', () => {
    const m = manualPort();
    const runner = createRunner(m.port);
    const answers: string[] = [];
    const take = (name: string) => (c: Comparison | undefined) =>
      answers.push(`${name}: ${c?.summary.text ?? 'none'}`);
    runner.request(req(head5050), take('first'));
    runner.request(req(headV3), take('second'));
    runner.request(req(head5050), take('third'));
    expect(m.posted).toHaveLength(1);
    m.answer(); // the first finishes while the third waits: its answer is stale, dropped
    expect(answers).toEqual([]);
    expect(m.posted).toHaveLength(1);
    m.answer();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(/^third: 1 resource changed/);
  });

  it('a failed job answers with its reason', () => {
    const m = manualPort();
    const runner = createRunner(m.port);
    let got: string | undefined;
    runner.request(req(head5050), (c, reason) => (got = c ? 'comparison' : reason));
    m.answer({ id: 1, ok: false, reason: 'out of memory' });
    expect(got).toBe('out of memory');
  });
});

describe('compare job', () => {
  it('compares as the texts read: the shares of reviews with both numbers', () => {
    const job = createCompareJob();
    const r = job({ id: 7, ...req(head5050) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.id).toBe(7);
    const share = r.comparison.meanings.find((m) => m.kind === 'share');
    expect(share?.text).toMatch(/80% → 50%/);
    // Structured-cloneable: what the worker posts arrives whole.
    expect(structuredClone(r.comparison)).toEqual(r.comparison);
  });
});
