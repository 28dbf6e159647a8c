/// <reference lib="webworker" />
import { createParseHandler, type ParseReply, type ParseRequest } from './parse-job';
import { warmupDocs } from './warmup';

// Parses the documents of a big paste off the main thread; the main thread keeps only their values.
declare const self: DedicatedWorkerGlobalScope;

const handle = createParseHandler((reply: ParseReply) => self.postMessage(reply));
self.onmessage = (e: MessageEvent<ParseRequest>) => void handle(e.data);

// Parse the examples a few times while the app starts, so the parser is compiled (JIT) before the first big
// paste: cold, a 1,000-resource paste parsed several times slower. The handler skips it if a real job is
// already running, and a real job that arrives later ends it at its next batch.
setTimeout(() => void handle({ type: 'warmup', docs: warmupDocs() }), 1000);
