import {
  builtOf,
  modelOf,
  modelOffsets,
  patchModel,
  type Built,
  type ModelInput,
  type ModelOffsets,
} from './model/build-model';
import {
  namedIn,
  resolveDefaultNamespace,
  type DefaultNamespace,
  type DeriveOptions,
} from './model/namespace';
import { isRec } from './model/read';
import type { MeshModel } from './model/types';
import { docEditOf, type ParsedText, type YamlProblem } from './yaml/parse';

// The model side of a keystroke. A full pass reads every document (inputs, default namespace, each document's
// resources, the model's lists); a keystroke's parse says which documents it re-read (`docEditOf`), and when
// their count and the namespace they name stay, only those are read again and put in place in the lists: no pass
// over the other documents, so the cost does not grow with the text.

/** What one pass leaves for the next. */
export interface ModelState {
  parsed: ParsedText;
  options: DeriveOptions;
  /** Per document: the value it last parsed to (a broken document shows it, stale). */
  good: readonly unknown[];
  inputs: readonly ModelInput[];
  namespace: DefaultNamespace;
  built: readonly (readonly Built[])[];
  model: MeshModel;
  offsets: ModelOffsets;
  parseErrors: YamlProblem[];
  /** Documents whose resources may differ from the pass before (all of them after a full pass). */
  changed: readonly number[] | undefined;
}

function inputOf(parsed: ParsedText, i: number, good: unknown[], before: readonly unknown[]): ModelInput {
  const d = parsed.docs[i];
  if (!d || d.broken) {
    const prev = before[i];
    good[i] = prev;
    return { docIndex: i, value: prev, stale: true };
  }
  good[i] = d.value;
  return { docIndex: i, value: d.value, stale: false };
}

/** Every document read afresh. `before` is the last pass's (for broken documents' last good values). */
export function fullModel(parsed: ParsedText, options: DeriveOptions, before?: ModelState): ModelState {
  const last = before?.good ?? [];
  const good: unknown[] = [];
  const inputs = parsed.docs.map((_, i) => inputOf(parsed, i, good, last));
  const namespace = resolveDefaultNamespace(
    inputs.map((i) => i.value),
    options,
  );
  const built = inputs.map((input) => builtOf(input, namespace.name));
  return {
    parsed,
    options,
    good,
    inputs,
    namespace,
    built,
    model: modelOf(built, namespace),
    offsets: modelOffsets(built),
    parseErrors: parsed.docs.flatMap((d) => d.problems.filter((p) => p.severity === 'error')),
    changed: undefined,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const namedOf = (v: unknown) => (isRec(v) ? namedIn(v) : []);

/**
 * The next pass from the last, reading only the documents the parse re-read; undefined when that is not sure to
 * give what a full pass gives (documents added or removed, a changed namespace named, other options).
 */
export function stepModel(
  st: ModelState,
  parsed: ParsedText,
  options: DeriveOptions,
): ModelState | undefined {
  const edit = docEditOf(parsed);
  if (!edit || edit.prev !== st.parsed || edit.oldTo !== edit.newTo) return undefined;
  if (options.defaultNamespace !== st.options.defaultNamespace) return undefined;
  const good = st.good.slice();
  const inputs = st.inputs.slice();
  const built = st.built.slice();
  const changed: number[] = [];
  for (let i = edit.from; i < edit.newTo; i++) {
    const input = inputOf(parsed, i, good, st.good);
    // Resources without a namespace go to the one the text names: the same while no document names another.
    if (!sameList(namedOf(input.value), namedOf(st.inputs[i]?.value))) return undefined;
    inputs[i] = input;
    built[i] = builtOf(input, st.namespace.name);
    if (built[i] !== st.built[i]) changed.push(i);
  }
  const model = patchModel(st.model, st.offsets, st.built, built, changed);
  const fresh = model ? undefined : modelOf(built, st.namespace);
  return {
    parsed,
    options,
    good,
    inputs,
    namespace: st.namespace,
    built,
    model: model ?? (fresh as MeshModel),
    offsets: model ? st.offsets : modelOffsets(built),
    parseErrors: errorsAfter(st, parsed, edit.from, edit.oldTo, edit.newTo, edit.delta),
    changed,
  };
}

/** The syntax errors of the text: the last ones outside the re-read documents (moved), and theirs. */
function errorsAfter(
  st: ModelState,
  parsed: ParsedText,
  from: number,
  oldTo: number,
  newTo: number,
  delta: number,
): YamlProblem[] {
  const a = st.parsed.docs[from]?.start ?? 0;
  const b = st.parsed.docs[oldTo - 1]?.end ?? a;
  const out: YamlProblem[] = [];
  for (const p of st.parseErrors) if (p.start < a) out.push(p);
  for (let i = from; i < newTo; i++)
    for (const p of parsed.docs[i]?.problems ?? []) if (p.severity === 'error') out.push(p);
  for (const p of st.parseErrors)
    if (p.start >= b) out.push(delta === 0 ? p : { ...p, start: p.start + delta, end: p.end + delta });
  return out;
}
