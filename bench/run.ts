import { mkdirSync, writeFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { createDeriver } from '../src/core/derive';
import { layoutGraph } from '../src/core/graph/layout';
import { validate } from '../src/core/validate/index';
import { generateMesh } from './generate-mesh';
import { timeIt, timeSimple } from './measure';
import { memoParseTime, stageTimes, type Stages } from './stages';

// One process, every figure a median after warm-up, so the ratios compare like with like.
const SIZES = [10, 100, 1000, 2000];
const FULL_TARGET = 1.5;
const KEYSTROKE_TARGET = 1.0;

const runsFor = (n: number) => (n <= 100 ? 21 : n <= 1000 ? 9 : 7);
const warmupFor = (n: number) => (n <= 100 ? 5 : 2);

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
  memoParse: number;
}

function measure(n: number): Row {
  const text = generateMesh(n);
  const edited = oneCharEdit(text);
  const runs = runsFor(n);
  const warmup = warmupFor(n);
  const yamlParse = timeSimple(() => parseAllDocuments(text), runs, warmup);
  const jsYaml = timeSimple(() => loadAll(text), runs, warmup);
  const full = timeIt((d: ReturnType<typeof createDeriver>) => d(text), {
    runs,
    warmup,
    setup: createDeriver,
  });
  const derive = createDeriver();
  let derived = derive(text);
  let flip = false;
  const keystroke = timeIt(
    (t: string) => {
      derived = derive(t);
    },
    { runs, warmup, setup: () => ((flip = !flip) ? edited : text) },
  );
  const { parsed, model, index, graph } = derived;
  const validateFull = timeSimple(() => validate({ parsed, model, index, graph }), runs, warmup);
  const layout = timeSimple(() => layoutGraph(graph), runs, warmup);
  return {
    n,
    lines: text.split('\n').length,
    yamlParse,
    full,
    jsYaml,
    keystroke,
    layout,
    validateFull,
    nodes: graph.nodes.length,
    stages: stageTimes(text, runs, warmup),
    memoParse: memoParseTime(text, edited, runs, warmup),
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
    return `| ${r.n} | ${ms(s.split)} | ${ms(s.parse)} | ${ms(s.toJS)} | ${ms(s.model)} | ${ms(s.graph)} | ${ms(s.validate)} | ${ms(sum)} | ${ms(r.memoParse)} |`;
  });
  return [...head, ...body].join('\n');
}

function main(): void {
  const rows: Row[] = [];
  for (const n of SIZES) {
    rows.push(measure(n));
    process.stderr.write(`measured ${n}\n`);
  }
  const out = [
    `# npm run bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, times in ms (medians)`,
    '',
    table(rows),
    '',
    'Stages of a full derivation, each timed alone:',
    '',
    stageTable(rows),
    '',
  ].join('\n');
  process.stdout.write(out);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.md', out);
}

main();
