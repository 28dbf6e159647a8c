import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { createDeriver } from '../src/core/derive';
import { layoutGraph } from '../src/core/graph/layout';
import { validate } from '../src/core/validate/index';
import { generateMesh } from './generate-mesh';
import { keystrokeSection } from './keystroke';
import { sharedHostSection } from './shared-host';
import { timeTasks } from './measure';
import { stageTimes, type Stages } from './stages';

// One process, every figure a median after warm-up, so the ratios compare like with like.
const SIZES = [10, 100, 1000, 2000];
const FULL_TARGET = 1.5;
const KEYSTROKE_TARGET = 1.0;

// Few rounds at the big sizes keep `npm run bench` under ~2 minutes; medians of interleaved rounds stay stable
// because every contender sees the same load in each round.
const runsFor = (n: number) => (n <= 100 ? 11 : n <= 1000 ? 5 : 3);
const warmupFor = (n: number) => (n <= 100 ? 3 : 1);

/** The same text with one character changed in a document in the middle (a replica count digit). */
function oneCharEdit(text: string): string {
  const at = text.indexOf('replicas: ', text.length >> 1) + 'replicas: '.length;
  const c = text[at] === '1' ? '2' : '1';
  return text.slice(0, at) + c + text.slice(at + 1);
}

interface Row {
  n: number;
  lines: number;
  yamlParse: number;
  full: number;
  jsYaml: number;
  keystroke: number;
  layout: number;
  validateFull: number;
  nodes: number;
  stages: Stages;
}

function measure(n: number): Row {
  const text = generateMesh(n);
  const edited = oneCharEdit(text);
  const runs = runsFor(n);
  const warmup = warmupFor(n);
  let fresh = createDeriver();
  const derive = createDeriver();
  let derived = derive(text);
  let flip = false;
  const next = () => {
    flip = !flip;
    return flip ? edited : text;
  };
  const t = timeTasks(
    {
      yamlParse: { fn: () => parseAllDocuments(text) },
      jsYaml: { fn: () => loadAll(text) },
      full: { setup: () => (fresh = createDeriver()), fn: () => fresh(text) },
      // Alternate between the two texts: every call is a one-character edit of the previous one.
      keystroke: { fn: () => (derived = derive(next())) },
    },
    runs,
    warmup,
  );
  const { parsed, model, index, graph } = derived;
  const after = timeTasks(
    {
      validate: { fn: () => validate({ parsed, model, index, graph }) },
      layout: { fn: () => layoutGraph(graph) },
    },
    runs,
    warmup,
  );
  return {
    n,
    lines: text.split('\n').length,
    ...t,
    layout: after.layout,
    validateFull: after.validate,
    nodes: graph.nodes.length,
    stages: stageTimes(text, edited, runs, warmup),
  };
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a: number, b: number, target: number, strict: boolean) => {
  const r = a / b;
  const ok = strict ? r < target : r <= target;
  return `${r.toFixed(2)}× ${ok ? '✅' : '❌'}`;
};

function table(rows: Row[]): string {
  const head = [
    '| resources | lines | `yaml` parseAllDocuments | full derive | full / yaml (≤ 1.5) | js-yaml loadAll | keystroke re-derive | keystroke / js-yaml (< 1.0) | layout (nodes) | validate share of full |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map(
    (r) =>
      `| ${r.n} | ${r.lines} | ${ms(r.yamlParse)} | ${ms(r.full)} | ${ratio(r.full, r.yamlParse, FULL_TARGET, false)} | ${ms(r.jsYaml)} | ${ms(r.keystroke)} | ${ratio(r.keystroke, r.jsYaml, KEYSTROKE_TARGET, true)} | ${ms(r.layout)} (${r.nodes}) | ${((100 * r.validateFull) / r.full).toFixed(0)}% |`,
  );
  return [...head, ...body].join('\n');
}

function stageTable(rows: Row[]): string {
  const head = [
    '| resources | split | parse (per doc) | toJS | model | graph | validate | sum | keystroke: memo parse only |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map((r) => {
    const s = r.stages;
    const sum = s.split + s.parse + s.toJS + s.model + s.graph + s.validate;
    return `| ${r.n} | ${ms(s.split)} | ${ms(s.parse)} | ${ms(s.toJS)} | ${ms(s.model)} | ${ms(s.graph)} | ${ms(s.validate)} | ${ms(sum)} | ${ms(s.memoParse)} |`;
  });
  return [...head, ...body].join('\n');
}

function main(): void {
  // `npm run bench -- keystroke`: only the keystroke section (issue 19), a minute instead of several.
  if (process.argv.includes('keystroke')) {
    measure(100);
    process.stdout.write(`${keystrokeSection()}\n`);
    return;
  }
  measure(100); // warm the JIT on every code path before anything counts
  const rows: Row[] = [];
  const started = performance.now();
  for (const n of SIZES) {
    rows.push(measure(n));
    process.stderr.write(`measured ${n} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const keystroke = keystrokeSection();
  const shared = sharedHostSection();
  const out = [
    `# npm run bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at the end; times in ms (medians, contenders interleaved)`,
    '',
    table(rows),
    '',
    'Stages of a full derivation, each timed alone:',
    '',
    stageTable(rows),
    '',
    keystroke,
    '',
    shared,
    '',
  ].join('\n');
  process.stdout.write(out);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.md', out);
}

main();
