/// <reference lib="webworker" />
import { createParseHandler, type ParseReply, type ParseRequest } from './parse-job';

// Parses the documents of a big paste off the main thread; the main thread keeps only their values.
declare const self: DedicatedWorkerGlobalScope;

const handle = createParseHandler((reply: ParseReply) => self.postMessage(reply));
self.onmessage = (e: MessageEvent<ParseRequest>) => void handle(e.data);
