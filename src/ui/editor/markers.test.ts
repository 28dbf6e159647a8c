import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as Monaco from 'monaco-editor';
import { describe, expect, it } from 'vitest';
import { derive } from '../../core/derive';
import type { Diagnostic } from '../../core/validate/types';
import { LineIndex } from '../../core/yaml/line-index';
import { MARKER_OWNER, setMarkers, toMarkers, type MarkerApi } from './markers';

const BOOKINFO = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const read = (f: string) => readFileSync(resolve(BOOKINFO, f), 'utf8');

const diag = (range: [number, number], more: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'ITS0000',
  severity: 'warning',
  message: 'm',
  resource: 'VirtualService default/x',
  path: '',
  range,
  ...more,
});

const one = (text: string, d: Diagnostic) => {
  const [m] = toMarkers([d], new LineIndex(text));
  if (!m) throw new Error('no marker');
  return m;
};

/** The 1-based line and column of the first `needle` after `after`, found by splitting lines (not LineIndex). */
function where(text: string, needle: string, after = ''): { line: number; col: number } {
  const lines = text.split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, k) => k >= from && l.includes(needle));
  return { line: i + 1, col: (lines[i] ?? '').indexOf(needle) + 1 };
}

describe('toMarkers (diagnostics → Monaco marker data)', () => {
  it('puts a real finding on the value it is about: a subset no DestinationRule defines', () => {
    // reviews-v3 routes to subset v3; without destination-rule-all.yaml no subset exists.
    const text = `${read('platform/kube/bookinfo.yaml')}\n---\n${read('networking/virtual-service-reviews-v3.yaml')}`;
    const d = derive(text).diagnostics.find((x) => x.path.endsWith('destination/subset'));
    expect(d).toBeDefined();
    if (!d) return;
    const m = one(text, d);
    const at = where(text, 'v3', 'subset: v3');
    expect(m).toEqual({
      startLineNumber: at.line,
      startColumn: at.col,
      endLineNumber: at.line,
      endColumn: at.col + 2,
      message: d.message,
      code: d.code,
      severity: d.severity,
      source: 'VirtualService default/reviews',
    });
  });

  it('spans lines, and ends after the last character of a line (exclusive column)', () => {
    const text = 'a: 1\nbb: 22\nc: 3\n';
    expect(one(text, diag([2, 11]))).toMatchObject({
      startLineNumber: 1,
      startColumn: 3,
      endLineNumber: 2,
      endColumn: 7,
    });
  });

  it('marks one character for an empty range, also at the very end of the text', () => {
    const text = 'kind: X\nspec: {}';
    expect(one(text, diag([6, 6]))).toMatchObject({
      startLineNumber: 1,
      startColumn: 7,
      endLineNumber: 1,
      endColumn: 8,
    });
    expect(one(text, diag([text.length, text.length]))).toMatchObject({
      startLineNumber: 2,
      startColumn: 9,
      endLineNumber: 2,
      endColumn: 10,
    });
  });

  it('clamps offsets past the end (a stale range) into the text', () => {
    const text = 'a: 1\n';
    expect(one(text, diag([40, 50]))).toMatchObject({
      startLineNumber: 2,
      startColumn: 1,
      endLineNumber: 2,
      endColumn: 2,
    });
  });

  it('counts columns in UTF-16 units, as Monaco does', () => {
    const text = 'name: "🚀"\nx: y\n';
    const start = text.indexOf('x');
    expect(one(text, diag([start, start + 1]))).toMatchObject({ startLineNumber: 2, startColumn: 1 });
    const q = text.lastIndexOf('"');
    expect(one(text, diag([q, q + 1]))).toMatchObject({ startLineNumber: 1, startColumn: 10 });
  });

  it('keeps code, severity and message; a finding about the text itself has source "yaml"', () => {
    const m = one(
      'a',
      diag([0, 1], { code: 'YAML0001', severity: 'error', message: 'bad', resource: undefined }),
    );
    expect(m).toMatchObject({ code: 'YAML0001', severity: 'error', message: 'bad', source: 'yaml' });
    const ms = toMarkers(
      [diag([0, 1], { severity: 'info' }), diag([0, 1], { severity: 'error' })],
      new LineIndex('a'),
    );
    expect(ms.map((x) => x.severity)).toEqual(['info', 'error']);
  });
});

// The real namespace fits the adapter's type: checked by tsc, never run (no Monaco here).
export const forRealMonaco = (m: typeof Monaco): MarkerApi<Monaco.editor.ITextModel> => m;

describe('setMarkers (onto a Monaco model, through the monaco namespace)', () => {
  // Monaco's own enum values (MarkerSeverity: Hint 1, Info 2, Warning 4, Error 8).
  const calls: { model: unknown; owner: string; markers: { severity: number; code: string }[] }[] = [];
  const fake: MarkerApi<{ uri: string }> = {
    MarkerSeverity: { Error: 8, Warning: 4, Info: 2 },
    editor: { setModelMarkers: (model, owner, markers) => calls.push({ model, owner, markers }) },
  };

  it("maps severities to Monaco's and sets them on the model under our owner", () => {
    const model = { uri: 'file:///mesh.yaml' };
    const ds = [
      diag([0, 1], { severity: 'error', code: 'A' }),
      diag([0, 1], { severity: 'warning', code: 'B' }),
    ];
    setMarkers(fake, model, [...ds, diag([0, 1], { severity: 'info', code: 'C' })], 'a: 1\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.model).toBe(model);
    expect(calls[0]?.owner).toBe(MARKER_OWNER);
    expect(calls[0]?.markers.map((m) => [m.code, m.severity])).toEqual([
      ['A', 8],
      ['B', 4],
      ['C', 2],
    ]);
  });

  it('clears our markers when the text has no findings', () => {
    setMarkers(fake, { uri: 'x' }, [], '');
    expect(calls.at(-1)?.markers).toEqual([]);
  });

  it("takes positions from the editor's model when given them, instead of reading the text again", () => {
    // A model whose positions say where the offsets are (here: a line per offset, as no line index would).
    const asked: number[] = [];
    const model = {
      at: (offset: number) => {
        asked.push(offset);
        return { line: offset + 1, col: 3 };
      },
    };
    setMarkers(fake, { uri: 'y' }, [diag([4, 9], { code: 'D' })], model);
    expect(asked).toEqual([4, 9]);
    expect(calls.at(-1)?.markers).toMatchObject([
      { code: 'D', startLineNumber: 5, startColumn: 3, endLineNumber: 10, endColumn: 3 },
    ]);
  });
});
