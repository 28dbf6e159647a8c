/// <reference lib="webworker" />
import { createParseHandler, type ParseReply, type ParseRequest } from './parse-job';
import { warmupDocs } from './warmup';

// Parses the documents of a big paste off the main thread; the main thread keeps only their values.
declare const self: DedicatedWorkerGlobalScope;

const handle = createParseHandler((reply: ParseReply) => {
  if (reply.job >= 0) self.postMessage(reply);
});
self.onmessage = (e: MessageEvent<ParseRequest>) => void handle(e.data);

// Parse the examples a few times while the app starts, so the parser is compiled (JIT) before the first big
// paste: cold, a 1,000-resource paste parsed several times slower. A real job replaces it at its next batch.
setTimeout(() => void handle({ type: 'parse', job: -1, docs: warmupDocs() }), 1000);
