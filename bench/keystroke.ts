import { loadAll } from 'js-yaml';
import { createDeriver } from '../src/core/derive';
import { generateMesh } from './generate-mesh';
import { median, timeTasks } from './measure';

// Issue 19: a one-character edit costs the same at any size. Each timed call changes one character of one
// document in the middle of the text, alternating a weight digit and a label value, so no call finds its text
// (or its document's value) already memoised from the call before.
export const KEYSTROKE_SIZES = [200, 2000, 20000] as const;
/** keystroke@20,000 ≤ this × keystroke@200. */
export const FLAT_TARGET = 2;
/** keystroke@2,000 ≤ this × a bare js-yaml loadAll of the whole 2,000 text. */
export const VS_JSYAML_TARGET = 0.1;

/** Four texts, each one character away from the one before (and the last from the first). */
export function keystrokeTexts(text: string): string[] {
  const mid = text.length >> 1;
  const w = text.indexOf('weight: ', mid) + 'weight: '.length;
  const l = text.indexOf('version: v', mid) + 'version: v'.length;
  const withW = text.slice(0, w) + (text[w] === '9' ? '8' : '9') + text.slice(w + 1);
  const withL = text.slice(0, l) + (text[l] === '7' ? '6' : '7') + text.slice(l + 1);
  return [withW, text, withL, text];
}

/** Median ms of `runs` keystrokes on a warm deriver of a mesh of `n` resources. */
export function keystrokeAt(n: number, runs: number): number {
  const texts = keystrokeTexts(generateMesh(n));
  const derive = createDeriver();
  derive(texts[3] ?? '');
  const times: number[] = [];
  for (let i = 0; i < runs + 4; i++) {
    const t0 = performance.now();
    derive(texts[i % 4] ?? '');
    if (i >= 4) times.push(performance.now() - t0);
  }
  return median(times);
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const verdict = (r: number, target: number) =>
  `${r.toFixed(2)}× (target ≤ ${target}×) ${r <= target ? '✅' : '❌'}`;

/** The keystroke section of `npm run bench`: each size, then the two ratios next to their targets. */
export function keystrokeSection(): string {
  const at = new Map(KEYSTROKE_SIZES.map((n) => [n, keystrokeAt(n, n >= 20000 ? 21 : 41)]));
  const text2000 = generateMesh(2000);
  const jsYaml = timeTasks({ loadAll: { fn: () => loadAll(text2000) } }, 5, 1).loadAll;
  const k200 = at.get(200) ?? NaN;
  const k2000 = at.get(2000) ?? NaN;
  const k20000 = at.get(20000) ?? NaN;
  return [
    'Keystroke re-derive (one character in one document, weight digit and label value alternating; median):',
    '',
    '| resources | keystroke |',
    '|---:|---:|',
    ...KEYSTROKE_SIZES.map((n) => `| ${n} | ${ms(at.get(n) ?? NaN)} |`),
    '',
    `- keystroke@20,000 / keystroke@200: ${verdict(k20000 / k200, FLAT_TARGET)}`,
    `- keystroke@2,000 / js-yaml loadAll@2,000 (${ms(jsYaml)} ms): ${verdict(k2000 / jsYaml, VS_JSYAML_TARGET)}`,
  ].join('\n');
}
