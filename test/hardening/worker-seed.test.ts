import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeriver, derive, type Derived } from '../../src/core/derive';
import { analyseChunk, createParser } from '../../src/core/yaml/parse';
import { manifests } from './arbitraries';

const SEED = 20261124;

/** What the views read; `parsed` holds ASTs, compared through the diagnostics' ranges and the edit tests. */
const view = (d: Derived) => ({
  model: d.model,
  graph: d.graph,
  diagnostics: d.diagnostics,
  parseErrors: d.parseErrors,
  docs: d.parsed.docs.map(({ ast: _ast, ...rest }) => rest),
});

describe('fuzz: a big paste parsed in the worker', () => {
  it('derives exactly what parsing here derives, after the values cross the structured clone', () => {
    fc.assert(
      fc.property(manifests, (text) => {
        const parser = createParser();
        for (const doc of parser.missing(text)) {
          const { value, problems } = analyseChunk(doc);
          parser.seed(doc, structuredClone({ value, problems }));
        }
        expect(parser.missing(text)).toEqual([]);
        expect(view(createDeriver(parser)(text))).toEqual(view(derive(text)));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  }, 120_000);
});
