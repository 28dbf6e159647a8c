import { parseDocument, type Document } from 'yaml';
import { buildGraph, indexModel } from '../src/core/graph/build-graph';
import { buildModel } from '../src/core/model/build-model';
import { validate } from '../src/core/validate/index';
import { createParser, MAX_ALIAS_COUNT, parseText } from '../src/core/yaml/parse';
import { splitDocuments } from '../src/core/yaml/split';
import { timeIt, timeSimple } from './measure';

/** Median ms of each stage of a full derivation, run on its own (same options as src/core/yaml/parse.ts). */
export interface Stages {
  split: number;
  parse: number;
  toJS: number;
  model: number;
  graph: number;
  validate: number;
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** Times each stage of the pipeline apart, so a missed target can be traced to the stage that costs. */
export function stageTimes(text: string, runs: number, warmup: number): Stages {
  const chunks = splitDocuments(text);
  const asts: Document.Parsed[] = chunks.map((c) => parseDocument(c.text, PARSE_OPTIONS));
  const parsed = parseText(text);
  const inputs = parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: false }));
  const model = buildModel(inputs);
  const index = indexModel(model);
  const graph = buildGraph(model, index);
  return {
    split: timeSimple(() => splitDocuments(text), runs, warmup),
    parse: timeSimple(() => chunks.map((c) => parseDocument(c.text, PARSE_OPTIONS)), runs, warmup),
    toJS: timeSimple(() => asts.map((a) => a.toJS({ maxAliasCount: MAX_ALIAS_COUNT })), runs, warmup),
    model: timeSimple(() => buildModel(inputs), runs, warmup),
    graph: timeSimple(() => buildGraph(model, indexModel(model)), runs, warmup),
    validate: timeSimple(() => validate({ parsed, model, index, graph }), runs, warmup),
  };
}

/** Median ms of the memoised parser alone re-parsing after a one-character edit (the part a keystroke must pay). */
export function memoParseTime(text: string, edited: string, runs: number, warmup: number): number {
  const parse = createParser();
  parse(text);
  let flip = false;
  return timeIt((t: string) => parse(t), {
    runs,
    warmup,
    setup: () => {
      flip = !flip;
      return flip ? edited : text;
    },
  });
}
