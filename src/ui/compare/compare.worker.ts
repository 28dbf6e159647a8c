/// <reference lib="webworker" />
import { createCompareJob, type CompareRequest } from './compare-job';

// The comparison of big texts, off the main thread: typing and the canvas stay live while it runs.
const job = createCompareJob();
self.onmessage = (e: MessageEvent<CompareRequest>) => {
  self.postMessage(job(e.data));
};
