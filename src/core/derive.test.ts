import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMesh } from '../../bench/generate-mesh';
import { examples } from '../examples/index';
import { createDeriver, derive, type Derived, type DeriveOptions } from './derive';

// The incremental deriver reuses parsed documents, model resources and index-driven lookups across calls.
// This property checks that none of that reuse shows: after any chain of edits, the result equals a
// from-scratch derivation of the same text.

const BASE = [generateMesh(12), ...examples.map((e) => e.text)].join('\n---\n');

/** Tokens that change meaning when swapped: names, hosts, versions, namespaces, numbers, kinds. */
const VOCAB = [
  'svc-1',
  'svc-2',
  'reviews',
  'v1',
  'v2',
  'v3',
  'team-0',
  'default',
  '90',
  '0',
  'mesh',
  'Service',
];
const TOKEN = /svc-\d+|reviews|ratings|v[1-3]|team-\d|default|\b\d+\b|mesh|Service|Deployment/g;

type Edit = (text: string) => string;

const at = (text: string, f: number) => Math.floor(f * text.length);

const step: fc.Arbitrary<Edit> = fc.oneof(
  // Swap one meaningful token for another: renames, re-targets, re-labels.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...VOCAB)).map(([f, word]) => {
    return (text: string) => {
      const hits = [...text.matchAll(TOKEN)];
      const hit = hits[Math.floor(f * hits.length)];
      if (!hit || hit.index === undefined) return text;
      return text.slice(0, hit.index) + word + text.slice(hit.index + hit[0].length);
    };
  }),
  // Type or delete one character anywhere (often breaks a document for a step).
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('x', ' ', '\n', ':', '-', '')).map(
    ([f, ch]) =>
      (text: string) =>
        ch === ''
          ? text.slice(0, at(text, f)) + text.slice(at(text, f) + 1)
          : text.slice(0, at(text, f)) + ch + text.slice(at(text, f)),
  ),
  // Delete or duplicate a whole line.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([f, dup]) => (text: string) => {
    const lines = text.split('\n');
    const i = Math.floor(f * lines.length);
    lines.splice(i, dup ? 0 : 1, ...(dup ? [lines[i] ?? ''] : []));
    return lines.join('\n');
  }),
  // Move a document: every later document changes its index.
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([f, g]) => (text: string) => {
      const docs = text.split('\n---\n');
      const [moved] = docs.splice(Math.floor(f * docs.length), 1);
      docs.splice(Math.floor(g * docs.length), 0, moved ?? '');
      return docs.join('\n---\n');
    }),
);

/**
 * Breaks one document with a line no YAML reads (a reserved `@` at column 0 ends even a block scalar), then
 * repairs it in the next step, changing a token after it too, so the repaired document differs from the last
 * good value the deriver kept while it was broken.
 */
const breakThenRepair: fc.Arbitrary<Chain> = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...VOCAB))
  .map(([f, word]) => (text: string) => {
    const lines = text.split('\n');
    const i = Math.floor(f * lines.length);
    const broken = [...lines.slice(0, i), '@broken: [', ...lines.slice(i)].join('\n');
    const from = lines.slice(0, i).join('\n').length;
    const hit = [...text.slice(from).matchAll(TOKEN)][0];
    if (hit?.index === undefined) return [broken, text];
    const at = from + hit.index;
    return [broken, text.slice(0, at) + word + text.slice(at + hit[0].length)];
  });

/** One or more texts in a row: most edits are one step, a break-then-repair is two. */
type Chain = (text: string) => string[];

const edit: fc.Arbitrary<Chain> = fc.oneof(
  step.map((e): Chain => (text) => [e(text)]),
  breakThenRepair,
);

const comparable = (d: Derived) => JSON.stringify([d.model, d.graph, d.diagnostics]);

describe('incremental derivation', () => {
  it('equals a fresh derive(text) after any chain of edits, including right after a repair', () => {
    let compared = 0;
    let afterRepair = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (chains) => {
        const incremental = createDeriver();
        let text = BASE;
        let wasBroken = false;
        incremental(text);
        for (const next of chains) {
          for (const t of next(text)) {
            text = t;
            const inc = incremental(text);
            // A broken document keeps its last good value on purpose (a fresh derivation has none), so only
            // texts that parse are compared; a break-then-repair makes the step after a broken one parse.
            const broken = inc.parseErrors.length > 0;
            const repaired = wasBroken && !broken;
            wasBroken = broken;
            if (broken) continue;
            const fresh = derive(text);
            compared++;
            if (repaired) afterRepair++;
            if (comparable(inc) !== comparable(fresh)) {
              expect(inc.model).toEqual(fresh.model);
              expect(inc.graph).toEqual(fresh.graph);
              expect(inc.diagnostics).toEqual(fresh.diagnostics);
            }
          }
        }
      }),
      { seed: 20261124, numRuns: 30 },
    );
    // The property is only as good as the states it compared: some of them right after a broken one.
    expect(afterRepair).toBeGreaterThan(0);
    console.log(`incremental derivation: ${compared} comparisons, ${afterRepair} right after a repair`);
  }, 60_000);
});

const TRAVELS = join(__dirname, '../../test/fixtures/kiali-travels');
// kiali's travel agency (no namespace anywhere, applied with `-n travel-agency`) plus routing that names it.
const TRAVEL_TEXT = ['travel_agency.yaml', 'travels-routing.yaml']
  .map((f) => readFileSync(join(TRAVELS, f), 'utf8'))
  .join('');

const ist0101 = (d: Derived) =>
  d.diagnostics.filter((x) => x.code === 'IST0101').map((x) => `${x.resource} ${x.path}`);

describe('derive(text, options): the namespace for resources without one', () => {
  it('finds the Services of a file meant for kubectl apply -n (no IST0101 false positive)', () => {
    const d = derive(TRAVEL_TEXT);
    expect(d.namespace).toEqual({ name: 'travel-agency', source: 'inferred', named: ['travel-agency'] });
    expect(ist0101(d)).toEqual([]);
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(d.graph.nodes.map((n) => n.id)).toContain('service:travel-agency/travels');
    expect(d.graph.edges.map((e) => e.id)).toContain('route:travel-agency/travels/http/0/0');
  });

  it('reads them in the namespace set, as kubectl apply -n default would put them', () => {
    const d = derive(TRAVEL_TEXT, { defaultNamespace: 'default' });
    expect(d.namespace.source).toBe('set');
    expect(ist0101(d)).toEqual([
      'VirtualService travel-agency/travels spec/http[0]/route[0]/destination/host',
      'VirtualService travel-agency/discounts spec/http[0]/route[0]/destination/host',
    ]);
    expect(d.graph.nodes.map((n) => n.id)).toContain('service:default/travels');
  });

  it('memoises on text and options: a new setting re-derives, the same one does not', () => {
    const deriver = createDeriver();
    const inferred = deriver(TRAVEL_TEXT);
    const set = deriver(TRAVEL_TEXT, { defaultNamespace: 'shop' });
    expect(set.model.services[0]?.namespace).toBe('shop');
    expect(set.options).toEqual({ defaultNamespace: 'shop' });
    // Same text and namespace: the unchanged documents' resources are reused, not rebuilt.
    const again = deriver(TRAVEL_TEXT, { defaultNamespace: ' shop ' });
    expect(again.model.services[0]).toBe(set.model.services[0]);
    const back = deriver(TRAVEL_TEXT, {});
    expect(back.model.services[0]?.namespace).toBe('travel-agency');
    expect(back.model.services[0]).not.toBe(inferred.model.services[0]);
    expect(back.model.services[0]).toEqual(inferred.model.services[0]);
  });

  it('never writes the namespace: the derivation keeps the text as it was', () => {
    const options: DeriveOptions = { defaultNamespace: 'shop' };
    const d = derive(TRAVEL_TEXT, options);
    expect(d.text).toBe(TRAVEL_TEXT);
    expect(d.parsed.text).toBe(TRAVEL_TEXT);
    expect(options).toEqual({ defaultNamespace: 'shop' });
  });
});

describe('derive(text, options): meshComplete', () => {
  const VS_ALONE = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 80
    - destination: {host: reviews, subset: v2}
      weight: 20
`;
  const summary = (d: Derived) => d.diagnostics.map((x) => `${x.severity} ${x.code} ${x.path}`);

  it('reads a text as part of a mesh unless told it is the whole mesh (as istioctl analyze reads files)', () => {
    const whole = [
      'error IST0101 spec/http[0]/route[0]/destination/host',
      'error IST0101 spec/http[0]/route[1]/destination/host',
    ];
    expect(summary(derive(VS_ALONE, { meshComplete: true }))).toEqual(whole);
    expect(summary(derive(VS_ALONE))).toEqual(['info IST0101 spec/http[0]/route[0]/destination/host']);
  });

  it('as part of a mesh, says once that the host is not in this text, and draws it as elsewhere', () => {
    const d = derive(VS_ALONE, { meshComplete: false });
    expect(summary(d)).toEqual(['info IST0101 spec/http[0]/route[0]/destination/host']);
    expect(d.diagnostics[0]?.message).toContain('is not in this text');
    expect(d.graph.nodes.filter((n) => n.kind === 'missing')).toMatchObject([{ elsewhere: true }]);
    expect(d.options).toEqual({});
  });

  it('memoises false and undefined alike, true apart', () => {
    const deriver = createDeriver();
    const partial = deriver(VS_ALONE, { meshComplete: false });
    const whole = deriver(VS_ALONE, { meshComplete: true });
    expect(whole).not.toBe(partial);
    expect(whole.options).toEqual({ meshComplete: true });
    expect(partial.options).toEqual({});
    expect(summary(deriver(VS_ALONE))).toEqual(summary(partial));
  });
});
