import { examples } from '../examples/index';
import { splitDocuments } from '../core/yaml/split';

/** Warm-up rounds over the built-in examples' documents (≈ 50 documents each round). */
const ROUNDS = 40;

/** Documents typical of what people paste, many times over: enough calls for the JIT to compile the parser. */
export function warmupDocs(): string[] {
  const docs = examples.flatMap((e) => splitDocuments(e.text).map((c) => c.text));
  return Array.from({ length: ROUNDS }, () => docs).flat();
}
