import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { applyIntent } from './apply';
import type { EditIntent, TextEdit } from './intents';
import { localityProblems } from './locality.test-helper';
import { applyEdits } from './session';
import { corpus, modelOf } from './test-support';

// The checker must catch what a broken op would do; each case hand-makes such a result from a real one.
// The sample ends with an open `---`; without it an append has to write its own.
const VS = corpus('istio/samples/bookinfo/networking/virtual-service-all-v1.yaml').replace(/---\n$/, '');
const LIST = corpus('../cluster/kubectl-get-vs-dr-svc-deploy.yaml');

function run(text: string, intent: EditIntent) {
  const parsed = parseText(text);
  const r = applyIntent(parsed, modelOf(parsed), intent);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** A result made of the given edits, the way session.finish makes one. */
const made = (text: string, edits: TextEdit[]) => ({ edits, text: applyEdits(text, edits) });

const weights: EditIntent = {
  type: 'setWeights',
  vsRef: 'VirtualService default/reviews',
  protocol: 'http',
  routeIndex: 0,
  weights: [100],
};

describe('localityProblems', () => {
  it('passes real ops: a setValue, a new document, a deleted document, a List item', () => {
    const label: EditIntent = {
      type: 'setValue',
      docIndex: 1,
      path: ['metadata', 'labels', 'team'],
      value: 'x',
    };
    expect(localityProblems(VS, label, run(VS, label))).toEqual([]);
    const add: EditIntent = { type: 'addResource', kind: 'Gateway', name: 'gw' };
    expect(localityProblems(VS, add, run(VS, add))).toEqual([]);
    const del: EditIntent = { type: 'deleteResource', ref: 'VirtualService default/productpage' };
    expect(localityProblems(VS, del, run(VS, del))).toEqual([]);
    const item: EditIntent = { type: 'deleteResource', ref: 'DestinationRule bookinfo/reviews' };
    expect(localityProblems(LIST, item, run(LIST, item))).toEqual([]);
  });

  it('reports an edit in a document the intent does not name, and the resource it changed', () => {
    const at = VS.indexOf('name: ratings') + 'name: '.length;
    const p = localityProblems(VS, weights, made(VS, [{ start: at, end: at + 7, text: 'rating' }]));
    expect(p).toEqual([
      expect.stringMatching(/^edit \[\d+, \d+\) "rating" lies outside the named documents$/),
      'VirtualService default/ratings (not named) changed its value or text, or is gone',
    ]);
  });

  it('reports a new document appended without its `---`, which swallows the last resource', () => {
    const add: EditIntent = { type: 'addResource', kind: 'Gateway', name: 'gw' };
    const good = run(VS, add);
    const edit = good.edits[0];
    expect(edit?.text).toContain('---\n');
    const glued = edit?.text.replace('---\n', '') ?? '';
    const broken = made(VS, [{ start: VS.length, end: VS.length, text: glued }]);
    expect(localityProblems(VS, add, broken)).toEqual([
      'VirtualService default/details (not named) changed its value or text, or is gone',
    ]);
  });

  it('reports a changed neighbour inside the named document (another List item)', () => {
    const item: EditIntent = { type: 'deleteResource', ref: 'DestinationRule bookinfo/reviews' };
    const at = LIST.indexOf('name: http');
    const p = localityProblems(LIST, item, made(LIST, [{ start: at + 6, end: at + 10, text: 'grpc' }]));
    expect(p).toEqual(['Service bookinfo/reviews (not named) changed its value or text, or is gone']);
  });

  it('reports a byte-level change that keeps the value (a comment, quoting)', () => {
    const at = VS.indexOf('- ratings');
    const p = localityProblems(VS, weights, made(VS, [{ start: at + 2, end: at + 9, text: '"ratings"' }]));
    expect(p).toContain('VirtualService default/ratings (not named) changed its value or text, or is gone');
  });

  it('reports a document added by an op that adds none', () => {
    const end = VS.indexOf('---\n', VS.indexOf('name: reviews'));
    const p = localityProblems(VS, weights, made(VS, [{ start: end, end, text: '---\nkind: X\n' }]));
    expect(p).toContain('1 new document(s) from an op that adds none');
  });
});
