import { analyseChunk, type ChunkFacts } from '../core/yaml/parse';

/**
 * Main thread → parse worker: parse these documents (each a document's exact text). A `warmup` request only
 * exercises the parser while nothing else runs; it never answers and never takes a real job's place.
 */
export type ParseRequest =
  { type: 'parse'; job: number; docs: string[] } | { type: 'warmup'; docs: string[] };

/** Parse worker → main thread: facts for `docs[from …]` of a job, its end, or why it could not go on. */
export type ParseReply =
  | { type: 'batch'; job: number; from: number; facts: ChunkFacts[] }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; reason: string };

/** A batch ends after this much parsing (ms): progress stays frequent and a newer job waits no longer. */
export const BATCH_MS = 40;

function factsOf(text: string): ChunkFacts {
  const { value, problems } = analyseChunk(text);
  return { value, problems };
}

/**
 * The parse worker's message handler, apart from `self` so it can be tested (and run on the main thread when
 * the worker stops answering). Jobs run in batches with a pause between them, so a newer job (a newer paste)
 * is seen and the older one dropped at the next batch. Only a newer real job ends a job: a warm-up runs only
 * when nothing else does, and any real job ends it.
 */
export function createParseHandler(
  post: (reply: ParseReply) => void,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): (request: ParseRequest) => Promise<void> {
  // The running job's own token: a job goes on while `current` is still its token.
  let current: object | undefined;
  return async (request) => {
    const real = request.type === 'parse';
    if (!real && current !== undefined) return;
    const token = {};
    current = token;
    const job = real ? request.job : -1;
    const { docs } = request;
    let i = 0;
    while (i < docs.length) {
      if (current !== token) return;
      const from = i;
      const facts: ChunkFacts[] = [];
      const until = now() + BATCH_MS;
      do facts.push(factsOf(docs[i++] ?? ''));
      while (i < docs.length && now() < until);
      if (real) {
        try {
          post({ type: 'batch', job, from, facts });
        } catch (err) {
          // A value the structured clone cannot carry: the main thread parses this text itself.
          if (current === token) current = undefined;
          post({ type: 'failed', job, reason: err instanceof Error ? err.message : String(err) });
          return;
        }
      }
      await pause();
    }
    if (current !== token) return;
    current = undefined;
    if (real) post({ type: 'done', job });
  };
}
