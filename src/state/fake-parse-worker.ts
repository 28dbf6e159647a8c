import { createParseHandler, type ParseReply, type ParseRequest } from '../workers/parse-job';
import type { ParseWorkerLike } from './parse-ahead';

/**
 * The parse worker run in-process for tests: the real handler, replies cloned as `postMessage` would, and
 * every pause between batches (and the first start) waiting until the test calls `step()`.
 */
export function fakeParseWorker(now?: () => number) {
  const waiting: (() => void)[] = [];
  let onReply: (r: ParseReply) => void = () => undefined;
  let onError: () => void = () => undefined;
  const pause = () => new Promise<void>((resolve) => waiting.push(resolve));
  const handle = createParseHandler((r) => onReply(structuredClone(r)), now, pause);
  const worker: ParseWorkerLike = {
    postMessage: (request: ParseRequest) => {
      const clone = structuredClone(request);
      void pause().then(() => handle(clone));
    },
    listen: (reply, error) => {
      onReply = reply;
      onError = error;
    },
  };
  /** Lets everything waiting run one step, then lets its promises settle. */
  const step = async () => {
    for (const resolve of waiting.splice(0)) resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  /** Steps until nothing waits. */
  const drain = async () => {
    while (waiting.length > 0) await step();
  };
  return { worker, step, drain, crash: () => onError() };
}
