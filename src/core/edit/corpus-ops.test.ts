import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import type { EditIntent } from './intents';
import { apply, BOOKINFO, corpus, expectCommentsKept, expectOnlyChanged } from './test-support';

// Every op on one commented text (bookinfo's platform file with its licence and section comments, the
// gateway sample's comments, and a comment planted in each rule document): the edit stays inside the
// document it targets and every comment survives.
const TEXT = [
  corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`),
  corpus(`${BOOKINFO}/networking/destination-rule-all.yaml`)
    .replace(/^spec:$/gm, 'spec: # rule')
    .replace(/ {2}- name: v3\n {4}labels:\n {6}version: v3\n/, ''),
  '---\n',
  corpus(`${BOOKINFO}/networking/virtual-service-all-v1.yaml`).replace(/^spec:$/gm, 'spec: # routes'),
  '---\n',
  corpus(`${BOOKINFO}/networking/bookinfo-gateway.yaml`),
  '---\n',
  corpus(`${BOOKINFO}/networking/virtual-service-reviews-jason-v2-v3.yaml`).replace(
    'name: reviews',
    'name: jason',
  ),
].join('');

const parsed = parseText(TEXT);
const docOf = (needle: string): number => {
  const d = parsed.docs.find((x) => x.text.includes(needle));
  if (!d) throw new Error(`no document with ${needle}`);
  return d.index;
};
const DR = 'DestinationRule default/reviews';
const VS = 'VirtualService default/reviews';
const at = { vsRef: VS, protocol: 'http' as const, routeIndex: 0 };
const vsDoc = docOf('kind: VirtualService\nmetadata:\n  name: reviews');
const drDoc = docOf('kind: DestinationRule\nmetadata:\n  name: reviews');
const gwVsDoc = docOf('name: bookinfo\n');
const end = parsed.docs.length;

const CASES: [string, EditIntent, number][] = [
  ['connectRoute', { type: 'connectRoute', ...at, target: { host: 'reviews', subset: 'v2' } }, vsDoc],
  ['setWeights', { type: 'setWeights', ...at, weights: [100] }, vsDoc],
  ['normaliseWeights', { type: 'normaliseWeights', ...at }, vsDoc],
  ['evenlyDistribute', { type: 'evenlyDistribute', ...at }, vsDoc],
  [
    'addRoute',
    { type: 'addRoute', vsRef: VS, protocol: 'http', target: { host: 'reviews', subset: 'v3' } },
    vsDoc,
  ],
  ['bindGateway', { type: 'bindGateway', vsRef: VS, gateway: 'bookinfo-gateway' }, vsDoc],
  ['setMatch', { type: 'setMatch', ...at, match: [{ uri: { kind: 'prefix', value: '/r' } }] }, vsDoc],
  [
    'deleteRoute',
    { type: 'deleteRoute', vsRef: 'VirtualService default/bookinfo', protocol: 'http', routeIndex: 0 },
    gwVsDoc,
  ],
  [
    'moveRuleLast',
    { type: 'moveRuleLast', vsRef: 'VirtualService default/jason', protocol: 'http', routeIndex: 0 },
    end - 1,
  ],
  ['addSubset', { type: 'addSubset', drRef: DR, name: 'v4', labels: { version: 'v4' } }, drDoc],
  [
    'addSubsetForDeployment',
    { type: 'addSubsetForDeployment', drRef: DR, deploymentRef: 'Deployment default/reviews-v3' },
    drDoc,
  ],
  [
    'setTrafficPolicy',
    { type: 'setTrafficPolicy', drRef: DR, subset: 'v1', policy: { tls: { mode: 'ISTIO_MUTUAL' } } },
    drDoc,
  ],
  [
    'renameSubset',
    { type: 'renameSubset', drRef: DR, from: 'v2', to: 'v2-new', updateReferences: false },
    drDoc,
  ],
  [
    'setValue',
    { type: 'setValue', docIndex: drDoc, path: ['metadata', 'annotations', 'owner'], value: 'team-a' },
    drDoc,
  ],
  ['deletePath', { type: 'deletePath', docIndex: drDoc, path: ['spec', 'subsets', 1] }, drDoc],
  ['deleteResource', { type: 'deleteResource', ref: VS }, vsDoc],
  ['addResource', { type: 'addResource', kind: 'VirtualService', name: 'reviews-vs', host: 'reviews' }, end],
  [
    'createDestinationRule',
    { type: 'createDestinationRule', namespace: 'default', name: 'x', host: 'x', subsets: [] },
    end,
  ],
  [
    'renameHost',
    {
      type: 'renameHost',
      ref: 'DestinationRule default/ratings',
      from: 'ratings',
      to: 'stars',
      updateReferences: false,
    },
    docOf('name: ratings\nspec: # rule'),
  ],
];

describe('every op on a commented corpus text', () => {
  it.each(CASES)('%s touches only its document and keeps every comment', (_name, intent, doc) => {
    const a = apply(TEXT, intent);
    expect(a.text).not.toBe(TEXT);
    const target = parsed.docs[doc];
    if (doc === end) expectOnlyChanged(a, TEXT.length, TEXT.length);
    else if (target) expectOnlyChanged(a, target.start, target.end);
    const removed: [number, number][] =
      intent.type === 'deleteResource' && target ? [[target.start, target.end]] : [];
    expectCommentsKept(a, removed);
  });
});

it('renaming a subset with its references edits each document in place', () => {
  const a = apply(TEXT, {
    type: 'renameSubset',
    drRef: DR,
    from: 'v2',
    to: 'v2-new',
    updateReferences: true,
  });
  const jason = parsed.docs[end - 1];
  const dr = parsed.docs[drDoc];
  expect(a.edits).toHaveLength(2);
  expect(a.edits[0]).toMatchObject({ text: '-new' });
  expect(a.edits[0]?.start).toBeGreaterThan(dr?.start ?? Infinity);
  expect(a.edits[1]?.start).toBeGreaterThan(jason?.start ?? Infinity);
  expect(a.model.virtualServices.find((v) => v.name === 'jason')?.routes[0]?.destinations[0]?.subset).toBe(
    'v2-new',
  );
  expectCommentsKept(a);
});
