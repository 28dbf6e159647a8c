import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KUBECTL_SCHEMA, readCore, readKubectl, readsDifferently } from './kubectl-scalars';

// Expected values are go-yaml v2's (resolve.go, strconv.ParseInt(s, 0, 64) on the text without `_`),
// written out by hand, not computed.
const KUBECTL: [string, unknown][] = [
  ['yes', true],
  ['Yes', true],
  ['YES', true],
  ['y', true],
  ['Y', true],
  ['on', true],
  ['ON', true],
  ['no', false],
  ['n', false],
  ['off', false],
  ['Off', false],
  ['true', true],
  ['False', false],
  ['~', null],
  ['null', null],
  ['', null],
  ['0777', 511],
  ['-0777', -511],
  ['0o17', 15],
  ['0O17', 15],
  ['0x1F', 31],
  ['+0x1F', 31],
  ['0X1f', 31],
  ['0b101', 5],
  ['-0b11', -3],
  ['1_000', 1000],
  ['1__0', 10],
  ['1_000.5', 1000.5],
  ['08', 8],
  ['0778', 778],
  ['1.', 1],
  ['.5', 0.5],
  ['-.5', -0.5],
  ['1e3', 1000],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  // Strings to kubectl: base 60 is unsupported on purpose (resolve.go), timestamps stay text in interface{}.
  ['1:20', '1:20'],
  ['190:20:30', '190:20:30'],
  ['2001-12-14', '2001-12-14'],
  ['_1', '_1'],
  ['0x', '0x'],
  ['._5', '._5'],
  ['yes!', 'yes!'],
  ['tRUE', 'tRUE'],
  ['1.2.3.4', '1.2.3.4'],
  ['<<', '<<'],
];

describe('readKubectl', () => {
  it.each(KUBECTL)('reads %j as go-yaml v2 does', (source, want) => {
    expect(readKubectl(source).value).toEqual(want);
  });
  it('reads .nan as NaN', () => {
    expect(readKubectl('.NaN').value).toBeNaN();
  });
});

describe('readCore', () => {
  // The yaml library's own core schema is the YAML 1.2 reading readCore stands in for.
  it.each(KUBECTL.map(([s]) => s).filter((s) => s !== '' && s !== '<<'))(
    'agrees with yaml 1.2 core on %j',
    (s) => {
      const lib: unknown = parseDocument(`v: ${s}\n`).toJS().v;
      expect(readCore(s).value).toEqual(lib);
    },
  );
});

describe('readsDifferently', () => {
  it('flags what kubectl reads otherwise than YAML 1.2', () => {
    const differ = ['yes', 'on', 'off', 'y', 'n', '0777', '1_000', '0b101', '+0x1F'];
    const same = ['true', '0x1F', '0o17', '1:20', '08', '~', 'abc', '1.5', '2001-12-14', '.inf'];
    expect(differ.filter((s) => !readsDifferently(s))).toEqual([]);
    expect(same.filter((s) => readsDifferently(s))).toEqual([]);
  });
});

describe('KUBECTL_SCHEMA', () => {
  const read = (yaml: string): unknown => parseDocument(yaml, { schema: KUBECTL_SCHEMA }).toJS();
  it.each(KUBECTL.filter(([s]) => s !== '<<'))('gives the yaml library the same reading of %j', (s, want) => {
    expect(read(`v: ${s === '' ? '' : s}\n`)).toEqual({ v: want });
  });
  it('leaves quoted and explicitly tagged scalars alone', () => {
    expect(read('a: "yes"\nb: \'0777\'\nc: !!str on\nd: !!timestamp 2001-12-14\n')).toEqual({
      a: 'yes',
      b: '0777',
      c: 'on',
      d: '2001-12-14',
    });
  });
  it('merges << keys, as go-yaml v2 does', () => {
    expect(read('base: &b {a: 1, b: 1}\nd:\n  <<: *b\n  b: 2\n')).toEqual({
      base: { a: 1, b: 1 },
      d: { a: 1, b: 2 },
    });
  });
  it('turns keys into strings the way sigs.k8s.io/yaml does (a bool key `on` is "true")', () => {
    expect(read('labels:\n  on: a\n  0777: b\n')).toEqual({ labels: { true: 'a', 511: 'b' } });
  });
});
