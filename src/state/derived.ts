import { createDeriver, sameOptions, type Derived, type DeriveOptions } from '../core/derive';
import { createParser, type Parser } from '../core/yaml/parse';

/** What derivation reads from the store's state. */
export interface DeriveSource {
  text: string;
  /** The person's namespace for resources without one; empty means inferred from the text. */
  defaultNamespace: string;
  /** "This is the whole mesh"; undefined reads as false (part of a mesh), as in core. */
  meshComplete?: boolean;
}

/** The derive options of the store's state. */
export function deriveOptionsOf(s: DeriveSource): DeriveOptions {
  return {
    ...(s.defaultNamespace.trim() ? { defaultNamespace: s.defaultNamespace.trim() } : {}),
    ...(s.meshComplete === true ? { meshComplete: true } : {}),
  };
}

/** True when `d` was derived from this state's text and settings (else it is stale for it). */
export function isDerivedFrom(d: Derived, s: DeriveSource): boolean {
  return d.text === s.text && sameOptions(d.options, deriveOptionsOf(s));
}

/**
 * One studio's derivations: its parser (memoised per document, seeded by its parse worker) and the last
 * result, so consecutive texts share their unchanged documents. Each studio (and each test, and each side of
 * a comparison) has its own.
 */
export interface Derivation {
  readonly parser: Parser;
  /** Derived data for a text and options: the same object for the same pair, so views compare by identity. */
  of(text: string, options?: DeriveOptions): Derived;
  /** The derivation of the state's text with its settings: what an edit acts on ("current"). */
  current(s: DeriveSource): Derived;
}

export function createDerivation(): Derivation {
  const parser = createParser();
  const deriveText = createDeriver(parser);
  let last: Derived | undefined;
  const of = (text: string, options: DeriveOptions = {}): Derived => {
    if (last?.text !== text || !sameOptions(last.options, options)) last = deriveText(text, options);
    return last;
  };
  return { parser, of, current: (s) => of(s.text, deriveOptionsOf(s)) };
}
