import { mainParser } from '../state/derived';
import { createParseAhead, type ParseAhead } from '../state/parse-ahead';
import type { ParseReply } from '../workers/parse-job';

let started: { ahead: ParseAhead | undefined } | undefined;

/**
 * The page's parse worker for big pastes (one, as there is one main-thread parser to seed), or undefined
 * where workers cannot start: the app then parses here.
 */
export function startParseAhead(): ParseAhead | undefined {
  started ??= { ahead: start() };
  return started.ahead;
}

function start(): ParseAhead | undefined {
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
      mainParser,
    );
  } catch {
    return undefined;
  }
}
