// Helpers shared by this folder's tests: load corpus files, run an intent, and check that an edit kept
// every resource it was not asked to touch (value and bytes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildModel } from '../model/build-model';
import type { MeshModel } from '../model/types';
import { parseText, type ParsedText } from '../yaml/parse';
import { applyIntent } from './apply';
import type { EditIntent, TextEdit } from './intents';
import { localityProblems } from './locality.test-helper';

const CORPUS = join(__dirname, '../../../test/fixtures/corpus');

export const BOOKINFO = 'istio/samples/bookinfo';

/** A corpus file's text, by path under test/fixtures/corpus. */
export function corpus(rel: string): string {
  return readFileSync(join(CORPUS, rel), 'utf8');
}

export function modelOf(parsed: ParsedText): MeshModel {
  return buildModel(parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })));
}

export interface Applied {
  before: string;
  text: string;
  edits: TextEdit[];
  select: string | undefined;
  parsed: ParsedText;
  model: MeshModel;
}

/** Applies an intent that must succeed, and checks the invariants every successful op keeps. */
export function apply(before: string, intent: EditIntent): Applied {
  const parsed = parseText(before);
  const r = applyIntent(parsed, modelOf(parsed), intent);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  expectWellFormed(r.edits);
  expectLocal(before, intent, r);
  const after = parseText(r.text);
  expect(after.docs.filter((d) => d.broken).map((d) => d.problems[0]?.message)).toEqual([]);
  return { before, text: r.text, edits: r.edits, select: r.select, parsed: after, model: modelOf(after) };
}

/** The reason an intent is refused; fails the test when it is not. */
export function refusal(before: string, intent: EditIntent): string {
  const parsed = parseText(before);
  const r = applyIntent(parsed, modelOf(parsed), intent);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

function expectWellFormed(edits: TextEdit[]): void {
  for (let k = 1; k < edits.length; k++) {
    const prev = edits[k - 1];
    const cur = edits[k];
    if (prev && cur) expect(cur.start).toBeGreaterThan(prev.end);
  }
}

/**
 * Checks that an op's result is local: its edits lie in the documents the intent names (or, for an op that
 * adds a document, at a document boundary), and every resource it does not name keeps its value and bytes.
 */
export function expectLocal(
  before: string,
  intent: EditIntent,
  result: { edits: readonly TextEdit[]; text: string },
): void {
  expect(localityProblems(before, intent, result)).toEqual([]);
}

/** Checks that all text outside [start, end) of the original is unchanged, byte for byte. */
export function expectOnlyChanged(a: Applied, start: number, end: number): void {
  const first = a.edits[0];
  const last = a.edits[a.edits.length - 1];
  expect(first && last).toBeTruthy();
  if (!first || !last) return;
  expect(first.start).toBeGreaterThanOrEqual(start);
  expect(last.end).toBeLessThanOrEqual(end);
  expect(a.text.slice(0, first.start)).toBe(a.before.slice(0, first.start));
  expect(a.text.slice(a.text.length - (a.before.length - last.end))).toBe(a.before.slice(last.end));
}

/** Checks that every comment line of the input survives, unless it lay inside a removed range. */
export function expectCommentsKept(a: Applied, removed: [number, number][] = []): void {
  let offset = 0;
  for (const line of a.before.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const c = line.indexOf('#');
    if (c < 0 || removed.some(([s, e]) => at >= s && at < e)) continue;
    expect(a.text).toContain(line.slice(c));
  }
}

/** The range of a document of the original text. */
export function docRange(text: string, index: number): [number, number] {
  const d = parseText(text).docs[index];
  if (!d) throw new Error(`no document ${index}`);
  return [d.start, d.end];
}
