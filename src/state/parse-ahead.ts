import type { Parser } from '../core/yaml/parse';
import type { ParseReply, ParseRequest } from '../workers/parse-job';

/** How far a parse ahead has got, in documents. */
export interface Progress {
  done: number;
  total: number;
}

/** The part of a `Worker` used here, so tests can pass an in-process one. */
export interface ParseWorkerLike {
  postMessage(request: ParseRequest): void;
  listen(onReply: (reply: ParseReply) => void, onError: () => void): void;
}

/** Parses documents in a worker and seeds the main thread's parser with what comes back. */
export interface ParseAhead {
  /**
   * Resolves true once every document is seeded; false if a newer `run` replaced this one or the worker
   * failed (the caller then parses on the main thread, as without a worker).
   */
  run(docs: string[], onProgress: (p: Progress) => void): Promise<boolean>;
}

interface Job {
  id: number;
  docs: string[];
  onProgress: (p: Progress) => void;
  finish: (ok: boolean) => void;
}

export function createParseAhead(worker: ParseWorkerLike, parser: Parser): ParseAhead {
  let ids = 0;
  let job: Job | undefined;
  let broken = false;
  const end = (ok: boolean) => {
    job?.finish(ok);
    job = undefined;
  };
  const onReply = (data: ParseReply) => {
    if (!job || data.job !== job.id) return;
    if (data.type === 'batch') {
      // Seed even if the text moves on meanwhile: the next text shares most of its documents.
      data.facts.forEach((facts, k) => {
        const doc = job?.docs[data.from + k];
        if (doc !== undefined) parser.seed(doc, facts);
      });
      job.onProgress({ done: data.from + data.facts.length, total: job.docs.length });
    } else end(data.type === 'done');
  };
  worker.listen(onReply, () => {
    broken = true;
    end(false);
  });
  return {
    run(docs, onProgress) {
      end(false);
      if (broken) return Promise.resolve(false);
      return new Promise<boolean>((finish) => {
        job = { id: ++ids, docs, onProgress, finish };
        try {
          worker.postMessage({ type: 'parse', job: job.id, docs });
        } catch {
          broken = true;
          end(false);
        }
      });
    },
  };
}
