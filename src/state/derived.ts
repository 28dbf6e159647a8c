import { createDeriver, sameOptions, type Derived, type DeriveOptions } from '../core/derive';
import { createParser } from '../core/yaml/parse';

/** The app's parser: it memoises per document, and the parse worker seeds it ahead of a big paste. */
export const mainParser = createParser();
// One deriver for the app, so consecutive texts share their unchanged documents.
const deriveText = createDeriver(mainParser);
let last: Derived | undefined;

/**
 * Derived data for a text and options; the same object for the same text and options, so components can
 * compare by identity. Pass the store's options (`deriveOptionsOf(state)`), or a derivation made for one
 * namespace setting would be mistaken for another's.
 */
export function derivedFor(text: string, options: DeriveOptions = {}): Derived {
  if (last?.text !== text || !sameOptions(last.options, options)) last = deriveText(text, options);
  return last;
}

/** What derivation reads from the store's state. */
export interface DeriveSource {
  text: string;
  /** The person's namespace for resources without one; empty means inferred from the text. */
  defaultNamespace: string;
}

/** The derive options of the store's state. */
export function deriveOptionsOf(s: DeriveSource): DeriveOptions {
  return s.defaultNamespace.trim() ? { defaultNamespace: s.defaultNamespace.trim() } : {};
}

/** The derivation of the store's current text with its settings. */
export function derivedOf(s: DeriveSource): Derived {
  return derivedFor(s.text, deriveOptionsOf(s));
}

/** True when `d` was derived from this state's text and settings (else it is stale for it). */
export function isDerivedFrom(d: Derived, s: DeriveSource): boolean {
  return d.text === s.text && sameOptions(d.options, deriveOptionsOf(s));
}
