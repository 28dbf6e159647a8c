import { createDeriver, type Derived } from '../src/core/derive';
import { validate } from '../src/core/validate/index';
import {
  generateSharedHost,
  SHAPE_TITLES,
  SHARED_HOST_SHAPES,
  type SharedHostShape,
} from './generate-shared-host';
import { timeTasks } from './measure';

// Rules that group resources by host used to compare every pair: 2,000 VirtualServices on one host took seconds.
// Four times the resources should cost about four times the time; the ratio column shows it.
const SMALL = 1000;
const LARGE = 4000;
const RUNS = 3;
// The 1,000 run warms every code path of a shape, so the 4,000 run needs no warm-up round of its own.
const warmupFor = (n: number) => (n === SMALL ? 1 : 0);

interface Timing {
  derive: number;
  validate: number;
  findings: number;
}

function measure(shape: SharedHostShape, n: number): Timing {
  const text = generateSharedHost(shape, n);
  let fresh = createDeriver();
  let derived: Derived | undefined;
  const full = timeTasks(
    { derive: { setup: () => (fresh = createDeriver()), fn: () => (derived = fresh(text)) } },
    RUNS,
    warmupFor(n),
  );
  const d = derived ?? fresh(text);
  const ctx = { parsed: d.parsed, model: d.model, index: d.index, graph: d.graph };
  const checks = timeTasks({ validate: { fn: () => validate(ctx) } }, RUNS, warmupFor(n));
  return { derive: full.derive, validate: checks.validate, findings: d.diagnostics.length };
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

/** Markdown section: derive and validate times at 1,000 and 4,000 resources for each shared-host shape. */
export function sharedHostSection(): string {
  const head = [
    '| shape | derive 1,000 | derive 4,000 | 4,000 / 1,000 (4 = linear) | validate 1,000 | validate 4,000 | findings at 4,000 |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const body = SHARED_HOST_SHAPES.map((shape) => {
    const small = measure(shape, SMALL);
    const large = measure(shape, LARGE);
    process.stderr.write(`measured shared host ${shape}\n`);
    return `| ${SHAPE_TITLES[shape]} | ${ms(small.derive)} | ${ms(large.derive)} | ${(large.derive / small.derive).toFixed(1)}× | ${ms(small.validate)} | ${ms(large.validate)} | ${large.findings} |`;
  });
  return [
    '## Many resources sharing one host',
    '',
    'All resources in namespace default; times in ms (medians), each text derived from scratch:',
    '',
    ...head,
    ...body,
  ].join('\n');
}
