import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model';
import { parseText } from '../yaml/parse';
import { applyIntent } from './apply';
import { runOp, sweepOps, variantOf, VARIANTS, type Outcome } from './sweep-support';
import { corpus } from './test-support';

// Every YAML file of the corpus, as written, with CRLF line ends, with a BOM and as a `kubectl get -o json`
// List: setWeights on every route with more than one destination (or a weight), connectRoute on every route,
// addSubset and renameSubset on every DestinationRule, deleteResource on every resource. Each op must apply
// (or be refused with a reason, never crash), re-parse, do what it says, and leave every byte outside the
// resources it names as it was.
const ROOT = join(__dirname, '../../../test/fixtures');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'istio-crds' ? [] : walk(p);
    return /\.(ya?ml|json)$/.test(f) && !f.startsWith('expected') ? [relative(join(ROOT, 'corpus'), p)] : [];
  });
}
const FILES = [...walk(join(ROOT, 'corpus')), ...walk(join(ROOT, 'edit-style'))];

// Files that give the sweep no op to run, and why; each is checked for that instead (a file that runs no op and
// is not listed fails, so no file passes without an assertion).
const NO_OPS: Record<string, string> = {
  'wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__direct-response-ellipsis.yaml':
    'a docs snippet ending in an indented "...": it does not parse, so an edit is refused',
};

const tally = new Map<string, { applied: number; refused: Map<string, number>; bad: number }>();
function count(key: string, o: Outcome): void {
  const t = tally.get(key) ?? { applied: 0, refused: new Map<string, number>(), bad: 0 };
  if (o.kind === 'applied') t.applied++;
  else if (o.kind === 'bad') t.bad++;
  else {
    const why = o.reason.replace(/[A-Z][a-zA-Z]+ [\w.-]+\/[\w.-]+/g, '<ref>').replace(/"[^"]*"/g, '"…"');
    t.refused.set(why, (t.refused.get(why) ?? 0) + 1);
  }
  tally.set(key, t);
}

describe('corpus sweep: every op on every file, in every variant', () => {
  it.each(FILES)(
    '%s',
    (file) => {
      const source = corpus(file);
      const bad: string[] = [];
      let ran = 0;
      for (const v of VARIANTS) {
        const text = variantOf(source, v);
        if (text === undefined) continue;
        const parsed = parseText(text);
        const model = buildModel(
          parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })),
        );
        for (const op of sweepOps(model)) {
          ran++;
          const o = runOp(text, v, op);
          count(`${v} ${op.name}`, o);
          if (o.kind === 'bad') bad.push(`${v} ${op.name} ${JSON.stringify(op.intent)}: ${o.why}`);
        }
      }
      expect(bad).toEqual([]);
      // Ops ran, or the file is listed in NO_OPS with its reason (and then it must run none).
      expect({ file, ranOps: ran > 0 }).toEqual({ file, ranOps: !(file in NO_OPS) });
      if (ran === 0) {
        const parsed = parseText(source);
        const model = buildModel(
          parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })),
        );
        const r = applyIntent(parsed, model, {
          type: 'setValue',
          docIndex: 0,
          path: ['metadata', 'labels', 'x'],
          value: 'y',
        });
        expect(r.ok ? 'applied' : r.reason).toMatch(/does not parse/);
      }
    },
    120_000,
  );

  afterAll(() => {
    const lines = [...tally].sort().map(([k, t]) => {
      const refused = [...t.refused].map(([why, n]) => `${n}× ${why}`).join('; ');
      return `${k}: ${t.applied} applied, ${[...t.refused.values()].reduce((a, b) => a + b, 0)} refused${refused ? ` (${refused})` : ''}, ${t.bad} bad`;
    });
    console.log(`corpus sweep over ${FILES.length} files\n${lines.join('\n')}`);
  });
});
