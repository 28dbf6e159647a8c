import { createDeriver, type Derived } from '../core/derive';

// One deriver for the app: it memoises per document, so consecutive texts share their unchanged documents.
const deriveText = createDeriver();
let last: Derived | undefined;

/** Derived data for a text; the same object for the same text, so components can compare by identity. */
export function derivedFor(text: string): Derived {
  if (last?.text !== text) last = deriveText(text);
  return last;
}
