import { buildGraph, indexModel, type MeshIndex } from './graph/build-graph';
import type { Graph } from './graph/types';
import { buildModel, type ModelInput } from './model/build-model';
import type { MeshModel } from './model/types';
import { validate } from './validate/index';
import type { Diagnostic } from './validate/types';
import { createParser, type ParsedText, type Parser, type YamlProblem } from './yaml/parse';

/** Everything derived from the text. */
export interface Derived {
  text: string;
  parsed: ParsedText;
  model: MeshModel;
  index: MeshIndex;
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Syntax errors, first first; non-empty means the text does not parse and canvas edits wait. */
  parseErrors: YamlProblem[];
}

/**
 * Creates a memoised derivation pipeline: text → documents → model → graph, diagnostics. A document that
 * does not parse contributes its last good value (marked stale) so the canvas keeps what it drew. Pass the
 * parser to feed it from elsewhere (a worker parsing a big paste ahead).
 */
export function createDeriver(parse: Parser = createParser()): (text: string) => Derived {
  let lastGood = new Map<number, unknown>();
  return (text: string) => {
    const parsed = parse(text);
    const nextGood = new Map<number, unknown>();
    const inputs: ModelInput[] = parsed.docs.map((d) => {
      if (d.broken) {
        const prev = lastGood.get(d.index);
        if (prev !== undefined) nextGood.set(d.index, prev);
        return { docIndex: d.index, value: prev, stale: true };
      }
      nextGood.set(d.index, d.value);
      return { docIndex: d.index, value: d.value, stale: false };
    });
    lastGood = nextGood;
    const model = buildModel(inputs);
    const index = indexModel(model);
    const graph = buildGraph(model, index);
    const diagnostics = validate({ parsed, model, index, graph });
    const parseErrors = parsed.docs.flatMap((d) => d.problems.filter((p) => p.severity === 'error'));
    return { text, parsed, model, index, graph, diagnostics, parseErrors };
  };
}

/** One-shot derivation without memo. */
export function derive(text: string): Derived {
  return createDeriver()(text);
}
