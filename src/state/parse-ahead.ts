import type { Parser } from '../core/yaml/parse';
import { createParseHandler, type ParseReply, type ParseRequest } from '../workers/parse-job';

/** How far a parse ahead has got, in documents. */
export interface Progress {
  done: number;
  total: number;
  /** Set once the worker failed or stopped answering and the main thread reads instead: why. */
  fallback?: string;
}

/** The part of a `Worker` used here, so tests can pass an in-process one. */
export interface ParseWorkerLike {
  postMessage(request: ParseRequest): void;
  listen(onReply: (reply: ParseReply) => void, onError: () => void): void;
  terminate?(): void;
}

/** Parses documents in a worker and seeds the main thread's parser with what comes back. */
export interface ParseAhead {
  /**
   * Resolves true once every document is seeded; false only if a newer `run` replaced this one. If the worker
   * fails or stops answering, the rest is read on the main thread in short batches, with the same progress.
   */
  run(docs: string[], onProgress: (p: Progress) => void): Promise<boolean>;
}

export interface ParseAheadOptions {
  /** No reply from the worker for this long (ms) means it stopped answering. */
  stallMs?: number;
  timer?: (f: () => void, ms: number) => () => void;
  /** Reads on the main thread when the worker is gone; by default the worker's own handler, run here. */
  local?: ParseWorkerLike;
}

/**
 * Generous: a batch is ~40 ms of parsing, but one huge document (a 10 MB ConfigMap) or a cold worker on a busy
 * 2-core machine can take seconds. Too short costs only speed (the main thread reads instead), never the text.
 */
export const STALL_MS = 8000;

interface Job {
  id: number;
  docs: string[];
  /** Documents already read (the worker's replies come in order). */
  done: number;
  fallback?: string;
  onProgress: (p: Progress) => void;
  finish: (ok: boolean) => void;
}

const timeout = (f: () => void, ms: number) => {
  const t = setTimeout(f, ms);
  return () => clearTimeout(t);
};

/** The worker's handler on the main thread: 40 ms batches with a macrotask between them. */
function mainThreadReader(): ParseWorkerLike {
  let onReply: (r: ParseReply) => void = () => undefined;
  const handle = createParseHandler((r) => onReply(r));
  return {
    postMessage: (request) => void handle(request),
    listen: (reply) => {
      onReply = reply;
    },
  };
}

export function createParseAhead(
  worker: ParseWorkerLike,
  parser: Parser,
  options: ParseAheadOptions = {},
): ParseAhead {
  const { stallMs = STALL_MS, timer = timeout } = options;
  let ids = 0;
  let job: Job | undefined;
  let reader = worker;
  let brokenReason: string | undefined;
  let disarm: (() => void) | undefined;

  const end = (ok: boolean) => {
    disarm?.();
    disarm = undefined;
    const j = job;
    job = undefined;
    j?.finish(ok);
  };
  const post = (j: Job) => {
    try {
      reader.postMessage({ type: 'parse', job: j.id, docs: j.docs.slice(j.done) });
    } catch {
      giveUp('the background reader could not start');
    }
  };
  /** The worker is gone for good: the main thread reads the rest of the job, and every later one. */
  const giveUp = (reason: string) => {
    if (reader !== worker) return;
    brokenReason = reason;
    disarm?.();
    disarm = undefined;
    try {
      worker.terminate?.();
    } catch {
      // Already gone.
    }
    reader = options.local ?? mainThreadReader();
    reader.listen(onReply, () => end(false));
    if (!job) return;
    // The new reader numbers from the first document still unread.
    const j = job;
    j.fallback = reason;
    j.onProgress({ done: j.done, total: j.docs.length, fallback: reason });
    offset = j.done;
    post(j);
  };
  // Replies from the main-thread reader count from where the worker stopped.
  let offset = 0;
  const arm = () => {
    disarm?.();
    disarm =
      reader === worker ? timer(() => giveUp('the background reader stopped answering'), stallMs) : undefined;
  };
  const onReply = (data: ParseReply) => {
    if (!job || data.job !== job.id) return;
    const j = job;
    if (data.type === 'batch') {
      arm();
      const from = (reader === worker ? 0 : offset) + data.from;
      // Seed even if the text moves on meanwhile: the next text shares most of its documents.
      data.facts.forEach((facts, k) => {
        const doc = j.docs[from + k];
        if (doc !== undefined) parser.seed(doc, facts);
      });
      j.done = from + data.facts.length;
      j.onProgress({ done: j.done, total: j.docs.length, ...(j.fallback ? { fallback: j.fallback } : {}) });
    } else if (data.type === 'done') end(true);
    else if (reader === worker) giveUp(`the background reader failed (${data.reason})`);
    else end(false);
  };
  worker.listen(onReply, () => giveUp('the background reader failed'));

  return {
    run(docs, onProgress) {
      end(false);
      if (docs.length === 0) return Promise.resolve(true);
      return new Promise<boolean>((finish) => {
        const j: Job = { id: ++ids, docs, done: 0, onProgress, finish };
        if (brokenReason) j.fallback = brokenReason;
        job = j;
        offset = 0;
        arm();
        post(j);
      });
    },
  };
}
