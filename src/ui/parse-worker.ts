import type { Parser } from '../core/yaml/parse';
import { createParseAhead, type ParseAhead } from '../state/parse-ahead';
import { createParseAheadPool } from '../state/parse-ahead-pool';
import type { ParseReply } from '../workers/parse-job';

/**
 * Parse workers for big pastes that seed `parser` (one set per studio), or undefined where workers cannot
 * start: the studio then reads big pastes on the main thread in short batches. Two workers on a 2-core machine
 * (the main thread waits for them anyway), up to three on more.
 */
export function startParseAhead(parser: Parser): ParseAhead | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  const workers: ParseAhead[] = [];
  for (let i = 0; i < Math.max(1, Math.min(3, cores)); i++) {
    const one = startOne(parser, i);
    if (one) workers.push(one);
  }
  return workers.length > 0 ? createParseAheadPool(workers) : undefined;
}

function startOne(parser: Parser, i: number): ParseAhead | undefined {
  try {
    const worker = new Worker(new URL('../workers/parse.worker.ts', import.meta.url), {
      type: 'module',
      name: `yaml-parse-${i + 1}`,
    });
    return createParseAhead(
      {
        postMessage: (request) => worker.postMessage(request),
        terminate: () => worker.terminate(),
        listen: (onReply, onError) => {
          worker.onmessage = (e: MessageEvent<ParseReply>) => onReply(e.data);
          worker.onerror = onError;
          worker.onmessageerror = onError;
        },
      },
      parser,
    );
  } catch {
    return undefined;
  }
}
