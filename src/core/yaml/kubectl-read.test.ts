import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseChunk, createParser, KUBECTL_READS, parseText } from './parse';

const SE_VALID = readFileSync(
  'test/fixtures/corpus/istio/pkg/config/validation/testdata/crds/serviceentry-valid.yaml',
  'utf8',
);

const value = (yaml: string): unknown => parseText(yaml).docs[0]?.value;
const notes = (yaml: string) =>
  parseText(yaml).docs.flatMap((d) =>
    d.problems
      .filter((p) => p.code === KUBECTL_READS)
      .map((p) => ({ ...p, text: yaml.slice(p.start, p.end) })),
  );

describe('flow collections read as go-yaml v2 reads them', () => {
  it("reads Istio's serviceentry-valid addresses as two strings", () => {
    const first = parseText(SE_VALID).docs[0];
    expect(first?.broken).toBe(false);
    expect(first?.value).toMatchObject({ spec: { addresses: ['1.2.3.4', '001:db8::'] } });
  });
  it.each([
    ['a: [001:db8::]\n', { a: ['001:db8::'] }],
    ['a: [a:, b]\n', { a: ['a:', 'b'] }],
    ['a: [a::]\n', { a: ['a::'] }],
    ['a: {k: v:}\n', { a: { k: 'v:' } }],
    ['a: {x:, b: c}\n', { a: { 'x:': null, b: 'c' } }],
    // A `:` followed by a space is a pair in both readers.
    ['a: [k: v]\n', { a: [{ k: 'v' }] }],
    ['a: [ k: ]\n', { a: [{ k: null }] }],
    ['a: ["k": v]\n', { a: [{ k: 'v' }] }],
    ['a: {"k":1}\n', { a: { k: 1 } }],
    ['a: [a:b]\n', { a: ['a:b'] }],
  ])('%j', (yaml, want) => {
    expect(value(yaml)).toEqual(want);
  });
  it('keeps the joined scalar’s range on its text', () => {
    const text = 'a: [1.2.3.4, 001:db8::]\n';
    const doc = parseText(text).docs[0];
    const item = (doc?.ast.get('a') as { items: { range: number[] }[] }).items[1];
    expect(text.slice(item?.range[0], item?.range[1])).toBe('001:db8::');
  });
});

describe('values are read with YAML 1.1 scalars', () => {
  it('reads each form as kubectl does', () => {
    const yaml = 'a: yes\nb: on\nc: off\nd: y\ne: 0777\nf: 1_000\ng: 1:20\nh: ~\ni: "yes"\nj: no\n';
    expect(value(yaml)).toEqual({
      a: true,
      b: true,
      c: false,
      d: true,
      e: 511,
      f: 1000,
      g: '1:20',
      h: null,
      i: 'yes',
      j: false,
    });
  });
});

describe('KUBECTL_READS notes', () => {
  it('marks a plain scalar kubectl reads otherwise, with its range, path and both readings', () => {
    const yaml = 'spec:\n  headers:\n    x-canary:\n      exact: yes\n';
    const [n, ...rest] = notes(yaml);
    expect(rest).toEqual([]);
    expect(n?.text).toBe('yes');
    expect(n?.severity).toBe('warning');
    expect(n?.message).toBe('kubectl reads `yes` as the boolean true (YAML 1.1), not the text "yes"');
    expect(n?.note).toEqual({
      path: ['spec', 'headers', 'x-canary', 'exact'],
      key: false,
      source: 'yes',
      kubectl: { kind: 'bool', value: true },
      seems: { kind: 'str', value: 'yes' },
    });
  });
  it.each([
    ['a: on\n', 'on'],
    ['a: off\n', 'off'],
    ['a: y\n', 'y'],
    ['a: n\n', 'n'],
    ['a: 0777\n', '0777'],
    ['a: 1_000\n', '1_000'],
    ['a: [x, No]\n', 'No'],
  ])('notes %j', (yaml, text) => {
    expect(notes(yaml).map((n) => n.text)).toEqual([text]);
  });
  it('says 0777 is octal and what it seemed', () => {
    expect(notes('mode: 0777\n')[0]?.message).toBe(
      'kubectl reads `0777` as the octal number 511 (YAML 1.1), not 777',
    );
  });
  it('notes keys too, with the path the value uses', () => {
    const [n] = notes('labels:\n  on: "x"\n');
    expect(n?.text).toBe('on');
    expect(n?.note).toMatchObject({ key: true, path: ['labels', 'true'] });
    expect(value('labels:\n  on: "x"\n')).toEqual({ labels: { true: 'x' } });
  });
  it('leaves quoted, tagged, block and commented-out scalars alone, and what reads the same', () => {
    const yaml = [
      'a: "yes"',
      "b: 'on'",
      'c: !!str off',
      'd: |\n  yes',
      '# e: yes',
      'f: x # yes',
      'g: true',
      'h: 1:20',
      'i: 0x1F',
      'j: yesterday',
      '',
    ].join('\n');
    expect(notes(yaml)).toEqual([]);
  });
  it('makes nothing of a document that does not parse', () => {
    expect(notes('a: yes\nb: [\n')).toEqual([]);
  });
});

describe('the worker path', () => {
  const text = `${SE_VALID}---\nkind: VirtualService\nspec:\n  http:\n  - match:\n    - headers:\n        x: {exact: yes}\n`;
  it('analyseChunk gives the same value and notes as the main thread, through a structured clone', () => {
    const parser = createParser();
    const main = parseText(text);
    const chunks = parser.missing(text);
    for (const chunk of chunks) {
      const { value: v, problems } = analyseChunk(chunk);
      parser.seed(chunk, structuredClone({ value: v, problems }));
    }
    const seeded = parser(text);
    expect(seeded.docs.map((d) => d.value)).toEqual(main.docs.map((d) => d.value));
    expect(seeded.docs.map((d) => d.problems)).toEqual(main.docs.map((d) => d.problems));
    expect(seeded.docs.at(-1)?.problems.map((p) => p.note?.source)).toEqual(['yes']);
    expect(seeded.docs[0]?.value).toMatchObject({ spec: { addresses: ['1.2.3.4', '001:db8::'] } });
  });
});
