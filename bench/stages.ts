import { parseDocument, type Document } from 'yaml';
import { buildGraph, indexModel } from '../src/core/graph/build-graph';
import { buildModel } from '../src/core/model/build-model';
import { validate } from '../src/core/validate/index';
import { createParser, MAX_ALIAS_COUNT, parseText } from '../src/core/yaml/parse';
import { splitDocuments } from '../src/core/yaml/split';
import { timeTasks } from './measure';

/** Median ms of each stage of a derivation, run on its own (same options as src/core/yaml/parse.ts). */
export interface Stages {
  split: number;
  parse: number;
  toJS: number;
  model: number;
  graph: number;
  validate: number;
  /** The memoised parser after a one-character edit: the part of a keystroke that is already incremental. */
  memoParse: number;
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** Times each stage of the pipeline apart, so a missed target can be traced to the stage that costs. */
export function stageTimes(text: string, edited: string, runs: number, warmup: number): Stages {
  const chunks = splitDocuments(text);
  const asts: Document.Parsed[] = chunks.map((c) => parseDocument(c.text, PARSE_OPTIONS));
  const parsed = parseText(text);
  const inputs = parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: false }));
  const model = buildModel(inputs);
  const index = indexModel(model);
  const graph = buildGraph(model, index);
  const memo = createParser();
  memo(text);
  let flip = false;
  return timeTasks(
    {
      split: { fn: () => splitDocuments(text) },
      parse: { fn: () => chunks.map((c) => parseDocument(c.text, PARSE_OPTIONS)) },
      toJS: { fn: () => asts.map((a) => a.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) },
      model: { fn: () => buildModel(inputs) },
      graph: { fn: () => buildGraph(model, indexModel(model)) },
      validate: { fn: () => validate({ parsed, model, index, graph }) },
      memoParse: {
        fn: () => {
          flip = !flip;
          return memo(flip ? edited : text);
        },
      },
    },
    runs,
    warmup,
  );
}
