import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { flowText, toFlowYaml, toYaml } from './serialise';
import { apply, BOOKINFO, corpus } from './test-support';

/** What kubectl gets from a document (the app parses with kubectl's reading: core/yaml/kubectl-scalars.ts). */
function kubectlValue(text: string): unknown {
  const [doc] = parseText(text).docs;
  expect(doc?.broken).toBe(false);
  return doc?.value;
}

const YAML_FLOW = { json: false, jsonIndent: 2, multiline: false, padded: false };

// Strings kubectl reads as something else when written plain: YAML 1.1 booleans, Go's number forms.
const TRICKY = [
  'on',
  'Off',
  'yes',
  'n',
  'Y',
  '0777',
  '1_000',
  '0x1F',
  '0o17',
  '0O17',
  '+0o17',
  '0b101',
  '-0B1',
];

describe('serialise: strings stay strings for kubectl', () => {
  it.each(TRICKY)('quotes %s as a value, a key and a flow item', (s) => {
    expect(kubectlValue(toYaml({ labels: { [s]: s } }, 0, false))).toEqual({ labels: { [s]: s } });
    expect(kubectlValue(`x: ${toFlowYaml(s)}`)).toEqual({ x: s });
    expect(kubectlValue(`x: [${flowText(s, YAML_FLOW, 0)}]`)).toEqual({ x: [s] });
  });

  it('leaves plain what kubectl reads as the same string', () => {
    expect(toYaml({ app: 'reviews', version: 'v2', x: '0xZ', z: '_1' }, 0, false)).toBe(
      'app: reviews\nversion: v2\nx: 0xZ\nz: _1',
    );
  });

  it('round-trips any string built from number and boolean characters', () => {
    const chars = fc.constantFrom(...'0123456789_+-.xXoObBeEyYnNaAfFlLsSuUtTrR~:');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 6 }), (cs) => {
        const s = cs.join('');
        expect(kubectlValue(toYaml({ [s]: [s, { k: s }] }, 0, false))).toEqual({ [s]: [s, { k: s }] });
        expect(kubectlValue(`x: ${toFlowYaml({ [s]: s })}`)).toEqual({ x: { [s]: s } });
      }),
      { numRuns: 400 },
    );
  });
});

describe('serialise: no anchors', () => {
  it('writes an object used twice out twice, with no &anchor or *alias', () => {
    const labels = { app: 'web', version: 'v1' };
    const out = toYaml({ metadata: { labels }, spec: { selector: { matchLabels: labels } } }, 0, false);
    expect(out).not.toMatch(/[&*]a\d/);
    expect(kubectlValue(out)).toEqual({
      metadata: { labels: { app: 'web', version: 'v1' } },
      spec: { selector: { matchLabels: { app: 'web', version: 'v1' } } },
    });
    expect(toFlowYaml([labels, labels])).toBe('[ { app: web, version: v1 }, { app: web, version: v1 } ]');
  });
});

describe('ops write strings kubectl reads back as the same strings', () => {
  const DR_VS = `${corpus(`${BOOKINFO}/networking/destination-rule-reviews.yaml`)}---\n${corpus(
    `${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`,
  )}`;
  const JASON = corpus(`${BOOKINFO}/networking/virtual-service-reviews-jason-v2-v3.yaml`);

  it('renameSubset to no (a YAML 1.1 boolean), references too', () => {
    const a = apply(DR_VS, {
      type: 'renameSubset',
      drRef: 'DestinationRule default/reviews',
      from: 'v1',
      to: 'no',
      updateReferences: true,
    });
    expect(a.model.destinationRules[0]?.subsets.map((s) => s.name)).toEqual(['no', 'v2', 'v3']);
    expect(a.model.virtualServices[0]?.routes[0]?.destinations[0]?.subset).toBe('no');
    expect(a.text).toContain('name: "no"');
    expect(a.text).toContain('subset: "no"');
  });

  it('a label value on', () => {
    const a = apply(DR_VS, {
      type: 'setValue',
      docIndex: 0,
      path: ['spec', 'subsets', 0, 'labels'],
      value: { version: 'v1', canary: 'on' },
    });
    expect(a.model.destinationRules[0]?.subsets[0]?.labels).toEqual({ version: 'v1', canary: 'on' });
  });

  it.each(['0777', '0o17', '1_000', '0x1F'])('a header exact %s', (value) => {
    const a = apply(JASON, {
      type: 'setMatch',
      vsRef: 'VirtualService default/reviews',
      protocol: 'http',
      routeIndex: 0,
      match: [{ headers: { 'end-user': { kind: 'exact', value } } }],
    });
    expect(a.model.virtualServices[0]?.routes[0]?.match).toEqual([
      { headers: { 'end-user': { exact: value } } },
    ]);
  });
});
