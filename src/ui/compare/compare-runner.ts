import type { Comparison } from '../../core/compare/types';
import { createCompareJob, type CompareReply, type CompareRequest } from './compare-job';

/** Runs comparisons one at a time, newest wins: a request made while one runs replaces any waiting one. */
export interface CompareRunner {
  request(req: Omit<CompareRequest, 'id'>, done: (c: Comparison | undefined, reason?: string) => void): void;
  dispose(): void;
}

interface Port {
  post(req: CompareRequest): void;
  onReply(cb: (r: CompareReply) => void): void;
  terminate(): void;
}

/**
 * A runner over the compare worker; without workers (or if one cannot start), the same job on the main
 * thread after a macrotask, so a keystroke's frame is drawn first.
 */
export function createCompareRunner(): CompareRunner {
  return createRunner(workerPort() ?? localPort());
}

export function createRunner(port: Port): CompareRunner {
  let nextId = 1;
  let running: { id: number; done: (c: Comparison | undefined, reason?: string) => void } | undefined;
  let waiting:
    | { req: Omit<CompareRequest, 'id'>; done: (c: Comparison | undefined, reason?: string) => void }
    | undefined;
  let disposed = false;
  const start = () => {
    if (running || !waiting || disposed) return;
    const { req, done } = waiting;
    waiting = undefined;
    running = { id: nextId++, done };
    port.post({ ...req, id: running.id });
  };
  port.onReply((r) => {
    if (!running || r.id !== running.id) return;
    const { done } = running;
    running = undefined;
    // Only the newest request's answer matters: an older one that finishes while a newer waits is dropped.
    if (!waiting) {
      if (r.ok) done(r.comparison);
      else done(undefined, r.reason);
    }
    start();
  });
  return {
    request(req, done) {
      waiting = { req, done };
      start();
    },
    dispose() {
      disposed = true;
      port.terminate();
    },
  };
}

function workerPort(): Port | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compare',
    });
    let reply: (r: CompareReply) => void = () => undefined;
    let current: CompareRequest | undefined;
    worker.onmessage = (e: MessageEvent<CompareReply>) => reply(e.data);
    // A worker that fails answers with a reason, so the panel says so instead of waiting for ever.
    worker.onerror = (e) => {
      e.preventDefault();
      if (current) reply({ id: current.id, ok: false, reason: e.message || 'the compare worker failed' });
    };
    return {
      post: (req) => {
        current = req;
        worker.postMessage(req);
      },
      onReply: (cb) => {
        reply = cb;
      },
      terminate: () => worker.terminate(),
    };
  } catch {
    return undefined;
  }
}

function localPort(): Port {
  const job = createCompareJob();
  let reply: (r: CompareReply) => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    post: (req) => {
      timer = setTimeout(() => reply(job(req)), 0);
    },
    onReply: (cb) => {
      reply = cb;
    },
    terminate: () => clearTimeout(timer),
  };
}
