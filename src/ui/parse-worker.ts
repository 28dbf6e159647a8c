import type { Parser } from '../core/yaml/parse';
import { createParseAhead, type ParseAhead } from '../state/parse-ahead';
import type { ParseReply } from '../workers/parse-job';

/**
 * A parse worker for big pastes that seeds `parser` (one per studio), or undefined where workers cannot
 * start: the studio then reads big pastes on the main thread in short batches.
 */
export function startParseAhead(parser: Parser): ParseAhead | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    const worker = new Worker(new URL('../workers/parse.worker.ts', import.meta.url), {
      type: 'module',
      name: 'yaml-parse',
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
