import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { applyIntent } from './apply';
import { apply, modelOf } from './test-support';

// Ops reaching into flow collections and JSON change only the scalar they set, or add/remove one entry in
// the collection's own syntax; quotes, line breaks and comments of the other entries stay.
const read = (f: string): string =>
  readFileSync(join(__dirname, '../../../test/fixtures/edit-style', f), 'utf8');
const FLOW = read('flow-reviews.yaml');
const VS = 'VirtualService default/reviews';
const DR = 'DestinationRule default/reviews';
const at = (routeIndex: number) => ({ vsRef: VS, protocol: 'http' as const, routeIndex });

describe('flow YAML', () => {
  it('setWeights 70/30 changes only the two numbers (quotes, line break and # old stay)', () => {
    const a = apply(FLOW, { type: 'setWeights', ...at(1), weights: [70, 30] });
    expect(a.text).toBe(
      FLOW.replace('weight: 80},', 'weight: 70},').replace('weight: 20} ]', 'weight: 30} ]'),
    );
    expect(a.edits.map((e) => e.text)).toEqual(['7', '3']);
  });

  it('setWeights adds a missing weight key inside the flow map', () => {
    const a = apply(FLOW, { type: 'setWeights', ...at(0), weights: [100] });
    expect(a.text).toBe(
      FLOW.replace(
        '[{destination: {host: reviews, subset: v2}}]',
        '[{destination: {host: reviews, subset: v2}, weight: 100}]',
      ),
    );
  });

  it('connectRoute adds a destination on its own line, in the entries’ style', () => {
    const a = apply(FLOW, { type: 'connectRoute', ...at(1), target: { host: 'reviews', subset: 'v3' } });
    expect(a.text).toContain(
      '[ {destination: {host: "reviews", subset: \'v1\'}, weight: 54},  # old\n' +
        '             {destination: {host: reviews, subset: v2}, weight: 13},\n' +
        '             {destination: {host: reviews, subset: v3}, weight: 33} ]\n',
    );
    expect(a.text.replace(/weight: \d+/g, '')).toBe(
      FLOW.replace(/weight: \d+/g, '').replace(
        'subset: v2}, } ]',
        'subset: v2}, },\n             {destination: {host: reviews, subset: v3}, } ]',
      ),
    );
  });

  it('deleting the last entry takes the comma before it, not the comment after that comma', () => {
    const a = apply(FLOW, { type: 'deleteDestination', ...at(1), destIndex: 1 });
    expect(a.text).toContain(
      '  - route: [ {destination: {host: "reviews", subset: \'v1\'}, weight: 100}  # old\n              ]\n',
    );
  });

  it('deleting an entry with a comment on its line takes that line, the next stays as written', () => {
    const a = apply(FLOW, { type: 'deleteDestination', ...at(1), destIndex: 0 });
    expect(a.text).toContain('  - route: [ {destination: {host: reviews, subset: v2}, weight: 100} ]\n');
    expect(a.text).not.toContain('# old');
  });

  it('renameSubset edits the flow subset list and the quoted reference, keeping its quotes', () => {
    const a = apply(FLOW, {
      type: 'renameSubset',
      drRef: DR,
      from: 'v1',
      to: 'v1-new',
      updateReferences: true,
    });
    expect(a.text).toBe(
      FLOW.replace("subset: 'v1'", "subset: 'v1-new'").replace('{name: v1, labels', '{name: v1-new, labels'),
    );
  });

  it('addSubset appends to a flow subset list on its own line', () => {
    const a = apply(FLOW, { type: 'addSubset', drRef: DR, name: 'v3', labels: { version: 'v3' } });
    expect(a.text).toBe(
      FLOW.replace(
        '{name: v2, labels: {version: v2}} ]',
        '{name: v2, labels: {version: v2}},\n             {name: v3, labels: {version: v3}} ]',
      ),
    );
  });

  it('label edits in `{app: a, version: v1}` change one value or add one pair', () => {
    const labels = ['spec', 'template', 'metadata', 'labels'];
    const set = apply(FLOW, { type: 'setValue', docIndex: 2, path: [...labels, 'version'], value: 'on' });
    expect(set.text).toBe(
      FLOW.replace('{app: reviews, version: v3} # pods', '{app: reviews, version: "on"} # pods'),
    );
    const add = apply(FLOW, { type: 'setValue', docIndex: 2, path: [...labels, 'track'], value: 'a,b' });
    expect(add.text).toBe(
      FLOW.replace('{app: reviews, version: v3} # pods', '{app: reviews, version: v3, track: "a,b"} # pods'),
    );
    const del = apply(FLOW, { type: 'deletePath', docIndex: 2, path: [...labels, 'app'] });
    expect(del.text).toBe(FLOW.replace('{app: reviews, version: v3} # pods', '{version: v3} # pods'));
  });
});

describe('JSON (kubectl get -o json)', () => {
  const ONE = read('kubectl-get-vs.json');
  const LIST = read('kubectl-get-list.json');
  const NS = 'VirtualService bookinfo/reviews';

  it('setWeights changes only the numbers and the text stays JSON', () => {
    const a = apply(ONE, {
      type: 'setWeights',
      vsRef: NS,
      protocol: 'http',
      routeIndex: 0,
      weights: [70, 30],
    });
    expect(a.text).toBe(ONE.replace('"weight": 80', '"weight": 70').replace('"weight": 20', '"weight": 30'));
  });

  it('connectRoute writes the new destination as JSON at the document’s indent', () => {
    const a = apply(ONE, {
      type: 'connectRoute',
      vsRef: NS,
      protocol: 'http',
      routeIndex: 0,
      target: { host: 'ratings' },
    });
    const item = [
      '{',
      '    "destination": {',
      '        "host": "ratings"',
      '    },',
      '    "weight": 33',
      '}',
    ].join(`\n${' '.repeat(20)}`);
    expect(a.text).toContain(
      `"weight": 13\n                    },\n                    ${item}\n                ]`,
    );
    const before = JSON.parse(ONE) as { spec: { http: { route: unknown[] }[] } };
    const after = JSON.parse(a.text) as typeof before;
    expect(after.spec.http[0]?.route).toHaveLength(3);
    expect({ ...after, spec: {} }).toEqual({ ...before, spec: {} });
  });

  it('setTrafficPolicy, addSubset and renameSubset on a List item keep it JSON with quoted keys', () => {
    const dr = 'DestinationRule bookinfo/reviews';
    const tp = apply(LIST, {
      type: 'setTrafficPolicy',
      drRef: dr,
      policy: { tls: { mode: 'ISTIO_MUTUAL' } },
    });
    expect(tp.text).toContain(
      '                ],\n                "trafficPolicy": {\n                    "tls": {\n' +
        '                        "mode": "ISTIO_MUTUAL"\n                    }\n                }\n            }\n',
    );
    const sub = apply(LIST, { type: 'addSubset', drRef: dr, name: 'v3', labels: { version: 'v3' } });
    expect(JSON.parse(sub.text).items[1].spec.subsets.at(-1)).toEqual({
      name: 'v3',
      labels: { version: 'v3' },
    });
    const ren = apply(LIST, {
      type: 'renameSubset',
      drRef: dr,
      from: 'v2',
      to: 'v2b',
      updateReferences: true,
    });
    expect(ren.text).toBe(LIST.replace(/"(name|subset)": "v2"/g, '"$1": "v2b"'));
  });

  it('deleting a List item takes its comma: no trailing comma, no `[,`, the other items as written', () => {
    const items = (JSON.parse(LIST) as { items: unknown[] }).items;
    const refs = ['VirtualService bookinfo/reviews', 'Deployment bookinfo/reviews-v1'];
    for (const ref of refs) {
      const a = apply(LIST, { type: 'deleteResource', ref });
      const left = (JSON.parse(a.text) as { items: unknown[] }).items;
      expect(left).toEqual(items.filter((_, k) => k !== (ref.startsWith('Virtual') ? 0 : items.length - 1)));
      expect(a.text).not.toMatch(/\[\s*,|,\s*[\]}]/);
    }
  });

  it('addResource adds to the List’s items instead of a YAML document after the JSON', () => {
    // Not through `apply`: its locality check expects a new resource at a document boundary.
    const parsed = parseText(LIST);
    const r = applyIntent(parsed, modelOf(parsed), {
      type: 'addResource',
      kind: 'Service',
      name: 'ratings',
      namespace: 'bookinfo',
    });
    if (!r.ok) throw new Error(r.reason);
    const after = JSON.parse(r.text) as { items: { metadata: { name: string } }[] };
    expect(after.items.map((x) => x.metadata.name)).toEqual([
      'reviews',
      'reviews',
      'reviews',
      'reviews-v1',
      'ratings',
    ]);
    const end = LIST.lastIndexOf('}\n    ]') + 1;
    expect(r.edits).toEqual([
      { start: end, end, text: expect.stringMatching(/^,\n {8}\{\n {12}"apiVersion": "v1",/) },
    ]);
  });
});
