import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { applyIntent } from './apply';
import { corpus, modelOf } from './test-support';

// Every VirtualService route and DestinationRule in the corpus, as written in the wild: connecting a new
// destination and adding a subset must apply, re-parse, and sum to 100.
const DIRS = ['wild', 'istio-analyzer-testdata', 'istio/samples/bookinfo/networking'];
const FILES = DIRS.flatMap((d) =>
  readdirSync(join(__dirname, '../../../test/fixtures/corpus', d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`),
);

describe('corpus sweep', () => {
  it.each(FILES)('%s', (file) => {
    const text = corpus(file);
    const parsed = parseText(text);
    const model = modelOf(parsed);
    for (const vs of model.virtualServices.filter((v) => !v.stale)) {
      for (const route of vs.routes.filter((r) => !r.delegate && r.destinations.length > 0)) {
        const at = { vsRef: vs.ref, protocol: route.protocol, routeIndex: route.index };
        const r = applyIntent(parsed, model, {
          type: 'connectRoute',
          ...at,
          target: { host: 'sweep.example.com' },
        });
        expect(r.ok ? '' : r.reason).toBe('');
        if (!r.ok) continue;
        const after = modelOf(parseText(r.text));
        const ds = after.virtualServices
          .find((v) => v.ref === vs.ref)
          ?.routes.find((x) => x.protocol === route.protocol && x.index === route.index)?.destinations;
        expect(ds?.at(-1)?.host).toBe('sweep.example.com');
        expect(ds?.reduce((s, d) => s + (d.weight ?? 0), 0)).toBe(100);
      }
    }
    for (const dr of model.destinationRules.filter((d) => !d.stale)) {
      const r = applyIntent(parsed, model, {
        type: 'addSubset',
        drRef: dr.ref,
        name: 'sweep',
        labels: { version: 'sweep' },
      });
      expect(r.ok ? '' : r.reason).toBe('');
      if (!r.ok) continue;
      const after = modelOf(parseText(r.text)).destinationRules.find((d) => d.ref === dr.ref);
      expect(after?.subsets.at(-1)?.name).toBe('sweep');
    }
  });
});
