import { buildGraph, indexModel, type MeshIndex } from './graph/build-graph';
import type { Graph } from './graph/types';
import { baseOf, patch, type PatchBase } from './derive-patch';
import { fullModel, stepModel, type ModelState } from './derive-model';
import type { DefaultNamespace, DeriveOptions } from './model/namespace';
import type { MeshModel } from './model/types';
import { validate } from './validate/index';
import type { Diagnostic } from './validate/types';
import { createParser, type ParsedText, type Parser, type YamlProblem } from './yaml/parse';

export type { DefaultNamespace, DeriveOptions } from './model/namespace';

/** Everything derived from the text. */
export interface Derived {
  text: string;
  /** The options it was derived with (normalised: a blank namespace is no setting). */
  options: DeriveOptions;
  /** The namespace resources without one were read in; the same as `model.defaultNamespace`. */
  namespace: DefaultNamespace;
  parsed: ParsedText;
  model: MeshModel;
  index: MeshIndex;
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Syntax errors, first first; non-empty means the text does not parse and canvas edits wait. */
  parseErrors: YamlProblem[];
}

/** The options with blanks dropped, so `{}` and `{ defaultNamespace: ' ' }` derive (and memoise) alike. */
export function normaliseOptions(options: DeriveOptions = {}): DeriveOptions {
  const ns = options.defaultNamespace?.trim();
  // Only `true` is kept: undefined and false both read the text as part of a mesh (most texts are one file of
  // a repository whose other files hold the rest), so references to things not in it are "not in this text".
  return {
    ...(ns ? { defaultNamespace: ns } : {}),
    ...(options.meshComplete === true ? { meshComplete: true } : {}),
  };
}

/** True when two option sets derive the same result. */
export function sameOptions(a: DeriveOptions = {}, b: DeriveOptions = {}): boolean {
  const na = normaliseOptions(a);
  const nb = normaliseOptions(b);
  return na.defaultNamespace === nb.defaultNamespace && na.meshComplete === nb.meshComplete;
}

/**
 * Creates a memoised derivation pipeline: text → documents → model → graph, diagnostics. A document that
 * does not parse contributes its last good value (marked stale) so the canvas keeps what it drew. Pass the
 * parser to feed it from elsewhere (a worker parsing a big paste ahead). Parsing is memoised on the text
 * alone; the model's per-document cache also keys on the namespace for resources without one. Graph and checks
 * are patched for the namespaces a change reaches (`derive-patch.ts`); `{ patch: false }` always rebuilds them.
 */
export function createDeriver(
  parse: Parser = createParser(),
  how: { patch?: boolean } = {},
): (text: string, options?: DeriveOptions) => Derived {
  const patching = how.patch !== false;
  // The model's last pass (derive-model.ts): a keystroke re-reads only the documents its parse re-read.
  let state: ModelState | undefined;
  // The last derivation's state for patching the next one (derive-patch.ts); a keystroke re-runs graph and
  // checks only over the namespaces its document reaches.
  let base: PatchBase | undefined;
  let last: Derived | undefined;
  return (text: string, rawOptions?: DeriveOptions) => {
    const options = normaliseOptions(rawOptions);
    const parsed = parse(text);
    if (last && last.parsed === parsed && sameOptions(last.options, options)) return last;
    const stepped = patching && state ? stepModel(state, parsed, options) : undefined;
    state = stepped ?? fullModel(parsed, options, state);
    const { model, built, parseErrors } = state;
    const meshComplete = options.meshComplete === true;
    const patched = base && stepped && patch(base, parsed, built, model, meshComplete, stepped.changed);
    if (patched) {
      base = patched.base;
      let index: MeshIndex | undefined;
      return (last = {
        text,
        options,
        namespace: model.defaultNamespace,
        parsed,
        model,
        // Built when first read: the patch needed only its scope's index.
        get index() {
          return (index ??= indexModel(model));
        },
        graph: patched.graph,
        diagnostics: patched.diagnostics,
        parseErrors,
      });
    }
    const index = indexModel(model);
    const graph = buildGraph(model, index, { meshComplete });
    const diagnostics = validate({ parsed, model, index, graph, meshComplete });
    base = patching ? baseOf(parsed, built, model, graph, diagnostics, meshComplete) : undefined;
    return (last = {
      text,
      options,
      namespace: model.defaultNamespace,
      parsed,
      model,
      index,
      graph,
      diagnostics,
      parseErrors,
    });
  };
}

/**
 * One-shot derivation without memo: what `its check -n ns` runs. `options.defaultNamespace` is kubectl's `-n`;
 * without it, resources without a namespace go to the one namespace the text names, else `default`.
 */
export function derive(text: string, options: DeriveOptions = {}): Derived {
  return createDeriver()(text, options);
}
