import { analyseChunk, type ChunkFacts } from '../core/yaml/parse';

/** Main thread → parse worker: parse these documents (each a document's exact text). */
export interface ParseRequest {
  type: 'parse';
  job: number;
  docs: string[];
}

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
 * The parse worker's message handler, apart from `self` so it can be tested. Jobs run in batches with a
 * pause between them, so a newer job (a newer paste) is seen and the older one dropped at the next batch.
 */
export function createParseHandler(
  post: (reply: ParseReply) => void,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): (request: ParseRequest) => Promise<void> {
  let current = -1;
  return async (request) => {
    const { job, docs } = request;
    current = job;
    let i = 0;
    while (i < docs.length) {
      if (current !== job) return;
      const from = i;
      const facts: ChunkFacts[] = [];
      const until = now() + BATCH_MS;
      do facts.push(factsOf(docs[i++] ?? ''));
      while (i < docs.length && now() < until);
      try {
        post({ type: 'batch', job, from, facts });
      } catch (err) {
        // A value the structured clone cannot carry: the main thread parses this text itself.
        post({ type: 'failed', job, reason: err instanceof Error ? err.message : String(err) });
        return;
      }
      await pause();
    }
    if (current === job) post({ type: 'done', job });
  };
}
