import { createDeriver, type Derived } from '../core/derive';
import { createParser } from '../core/yaml/parse';

/** The app's parser: it memoises per document, and the parse worker seeds it ahead of a big paste. */
export const mainParser = createParser();
// One deriver for the app, so consecutive texts share their unchanged documents.
const deriveText = createDeriver(mainParser);
let last: Derived | undefined;

/** Derived data for a text; the same object for the same text, so components can compare by identity. */
export function derivedFor(text: string): Derived {
  if (last?.text !== text) last = deriveText(text);
  return last;
}
