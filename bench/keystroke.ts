import { loadAll } from 'js-yaml';
import { createDeriver } from '../src/core/derive';
import { generateGatewayMesh } from './generate-gateway-mesh';
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

/** The meshes the keystroke runs on: services alone, and behind an ingress Gateway with ServiceEntries. */
export const KEYSTROKE_MESHES = {
  plain: { generate: generateMesh, anchor: '' },
  // The weight typed in is a VirtualService bound to the shared Gateway (the anchor precedes its weights).
  gateways: { generate: generateGatewayMesh, anchor: '  - istio-system/public\n' },
} as const;
export type KeystrokeMesh = keyof typeof KEYSTROKE_MESHES;

/** Four texts, each one character away from the one before (and the last from the first). */
export function keystrokeTexts(text: string, anchor = ''): string[] {
  const mid = anchor ? text.indexOf(anchor, text.length >> 1) : text.length >> 1;
  const w = text.indexOf('weight: ', mid) + 'weight: '.length;
  const l = text.indexOf('version: v', mid) + 'version: v'.length;
  const withW = text.slice(0, w) + (text[w] === '9' ? '8' : '9') + text.slice(w + 1);
  const withL = text.slice(0, l) + (text[l] === '7' ? '6' : '7') + text.slice(l + 1);
  return [withW, text, withL, text];
}

/** True when a derivation came from a patch (its index is built on first read, derive.ts). */
const wasPatched = (d: object) => Object.getOwnPropertyDescriptor(d, 'index')?.get !== undefined;

/** Median ms of `runs` keystrokes on a warm deriver of a mesh of `n` resources, and how many were patched. */
export function keystrokeAt(
  n: number,
  runs: number,
  mesh: KeystrokeMesh = 'plain',
): { ms: number; patched: number; runs: number } {
  const { generate, anchor } = KEYSTROKE_MESHES[mesh];
  const texts = keystrokeTexts(generate(n), anchor);
  const derive = createDeriver();
  derive(texts[3] ?? '');
  const times: number[] = [];
  let patched = 0;
  for (let i = 0; i < runs + 4; i++) {
    const t0 = performance.now();
    const d = derive(texts[i % 4] ?? '');
    if (i >= 4) {
      times.push(performance.now() - t0);
      if (wasPatched(d)) patched++;
    }
  }
  return { ms: median(times), patched, runs };
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const verdict = (r: number, target: number) =>
  `${r.toFixed(2)}× (target ≤ ${target}×) ${r <= target ? '✅' : '❌'}`;

/** The keystroke section of `npm run bench`: each size, then the two ratios next to their targets. */
export function keystrokeSection(): string {
  return (Object.keys(KEYSTROKE_MESHES) as KeystrokeMesh[]).map(meshSection).join('\n\n');
}

function meshSection(mesh: KeystrokeMesh): string {
  const at = new Map(KEYSTROKE_SIZES.map((n) => [n, keystrokeAt(n, n >= 20000 ? 21 : 41, mesh)]));
  const text2000 = KEYSTROKE_MESHES[mesh].generate(2000);
  const jsYaml = timeTasks({ loadAll: { fn: () => loadAll(text2000) } }, 5, 1).loadAll;
  const k = (n: (typeof KEYSTROKE_SIZES)[number]) => at.get(n)?.ms ?? NaN;
  return [
    `Keystroke re-derive, ${mesh === 'plain' ? 'services only (generate-mesh)' : 'behind an ingress Gateway, with ServiceEntries (generate-gateway-mesh)'} (one character in one document, weight digit and label value alternating; median):`,
    '',
    '| resources | keystroke | patched (else full run) |',
    '|---:|---:|---:|',
    ...KEYSTROKE_SIZES.map((n) => {
      const r = at.get(n);
      return `| ${n} | ${ms(k(n))} | ${r?.patched ?? 0} of ${r?.runs ?? 0} |`;
    }),
    '',
    `- keystroke@20,000 / keystroke@200: ${verdict(k(20000) / k(200), FLAT_TARGET)}`,
    `- keystroke@2,000 / js-yaml loadAll@2,000 (${ms(jsYaml)} ms): ${verdict(k(2000) / jsYaml, VS_JSYAML_TARGET)}`,
  ].join('\n');
}
