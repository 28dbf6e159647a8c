import { describe, expect, it } from 'vitest';
import type { EditIntent } from './intents';
import { apply, BOOKINFO, corpus } from './test-support';

// Ops that insert or remove lines write the text's own line ending and keep a leading BOM: on a CRLF copy
// of real files, each op gives exactly the LF result with CRLF line ends; with a BOM, the LF result after it.
const LF = [
  corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`),
  corpus(`${BOOKINFO}/networking/destination-rule-all.yaml`),
  '---\n',
  corpus(`${BOOKINFO}/networking/virtual-service-all-v1.yaml`),
].join('');
const CRLF = LF.replace(/\n/g, '\r\n');

const VS = 'VirtualService default/reviews';
const DR = 'DestinationRule default/reviews';
const at = { vsRef: VS, protocol: 'http' as const, routeIndex: 0 };

const CASES: [string, EditIntent][] = [
  ['connectRoute', { type: 'connectRoute', ...at, target: { host: 'reviews', subset: 'v2' } }],
  ['addSubset', { type: 'addSubset', drRef: DR, name: 'v4', labels: { version: 'v4' } }],
  [
    'setTrafficPolicy',
    {
      type: 'setTrafficPolicy',
      drRef: DR,
      subset: 'v1',
      policy: { connectionPool: { tcp: { maxConnections: 9 } } },
    },
  ],
  ['setMatch', { type: 'setMatch', ...at, match: [{ uri: { kind: 'prefix', value: '/r' } }] }],
  ['addResource', { type: 'addResource', kind: 'VirtualService', name: 'ratings-vs', host: 'ratings' }],
  ['setWeights (adds weight:)', { type: 'setWeights', ...at, weights: [100] }],
  ['deleteResource (a rule)', { type: 'deleteResource', ref: 'VirtualService default/ratings' }],
  ['deleteResource (the first document)', { type: 'deleteResource', ref: 'Service default/details' }],
  ['renameSubset', { type: 'renameSubset', drRef: DR, from: 'v1', to: 'v1b', updateReferences: true }],
];

describe('CRLF and BOM', () => {
  it('the fixture is CRLF throughout', () => {
    expect(CRLF).not.toMatch(/(^|[^\r])\n/);
  });

  it.each(CASES)('%s writes CRLF into a CRLF text', (_name, intent) => {
    const lf = apply(LF, intent);
    const crlf = apply(CRLF, intent);
    expect(crlf.text).not.toMatch(/(^|[^\r])\n/);
    expect(crlf.text).toBe(lf.text.replace(/\n/g, '\r\n'));
    // No edit starts or ends between a CR and its LF (Monaco counts the pair as one line break).
    for (const e of crlf.edits) {
      expect(CRLF.charAt(e.start - 1) === '\r' && CRLF.charAt(e.start) === '\n').toBe(false);
      expect(CRLF.charAt(e.end - 1) === '\r' && CRLF.charAt(e.end) === '\n').toBe(false);
    }
  });

  it.each(CASES)('%s keeps a leading BOM', (_name, intent) => {
    const lf = apply(LF, intent);
    const bom = apply(`\uFEFF${LF}`, intent);
    expect(bom.text).toBe(`\uFEFF${lf.text}`);
  });

  it('deleting a first document that starts on the BOM’s line keeps the BOM', () => {
    const vs = corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`);
    const dr = corpus(`${BOOKINFO}/networking/destination-rule-reviews.yaml`);
    const a = apply(`\uFEFF${vs}---\n${dr}`, { type: 'deleteResource', ref: VS });
    expect(a.text).toBe(`\uFEFF---\n${dr}`);
  });

  it('a key added on the BOM’s line takes the column of the text, not of the BOM', () => {
    const text = '\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    const a = apply(text, { type: 'setValue', docIndex: 0, path: ['data', 'k'], value: 'v' });
    expect(a.text).toBe(`${text}data:\n  k: v\n`);
  });
});
