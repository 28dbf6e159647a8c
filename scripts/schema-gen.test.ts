import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileValidator, CRDS, crdFiles, extractSchema, GEN, OUT, withoutDescriptions } from './schema-gen';

// Re-runs the generator in memory and compares with the committed files, byte for byte: a CRD fixture, a
// schema edited by hand, ajv-options.ts or an ajv upgrade that changes the output makes this fail until
// `npm run schemas` is run and its output committed.
const FIX = 'Regenerate with `npm run schemas`.';
const HAND_WRITTEN = ['deployment.json', 'service.json'];
const committed = (path: string) => readFileSync(path, 'utf8');
const crd = (file: string) => readFileSync(join(CRDS, file), 'utf8');
// Prettier and ajv take seconds on the big schemas when the machine is busy.
const SLOW = { timeout: 60_000 };
const extracted = new Map<string, ReturnType<typeof extractSchema>>();
const extract = (file: string) => {
  const have = extracted.get(file) ?? extractSchema(file, crd(file));
  extracted.set(file, have);
  return have;
};

describe('generated schemas match the Istio CRDs', SLOW, () => {
  const crds = crdFiles();

  it('finds the CRDs of the four Istio kinds the studio checks', () => {
    expect(crds.length).toBeGreaterThanOrEqual(4);
  });

  it.each(crds)('%s gives the committed schema JSON', async (file) => {
    const out = await extract(file);
    expect(out.text, `${basename(out.path)} differs from ${file}. ${FIX}`).toBe(committed(out.path));
  });

  it('every schema JSON comes from a CRD or is one of the hand-written ones', async () => {
    const fromCrds = await Promise.all(crds.map(async (f) => basename((await extract(f)).path)));
    const present = readdirSync(OUT).filter((f) => f.endsWith('.json'));
    expect(present.sort()).toEqual([...fromCrds, ...HAND_WRITTEN].sort());
  });

  it('notices a change in a CRD (the comparison is not blind)', async () => {
    const file = crds.find((f) => crd(f).includes('kind: VirtualService')) ?? '';
    const changed = crd(file).replace(/description: Destination uniquely/, 'description: Changed; uniquely');
    expect(changed).not.toBe(crd(file));
    const out = await extractSchema(file, changed);
    expect(out.text).not.toBe(committed(out.path));
  });
});

describe('precompiled validators match the schema JSON', SLOW, () => {
  const schemas = readdirSync(OUT).filter((f) => f.endsWith('.json'));

  it.each(schemas)('%s compiles to the committed generated/*.js and *.d.ts', async (file) => {
    const files = await compileValidator(file, committed(join(OUT, file)));
    expect(files.map((f) => f.path)).toEqual([
      join(GEN, file.replace(/\.json$/, '.js')),
      join(GEN, file.replace(/\.json$/, '.d.ts')),
    ]);
    for (const f of files) expect(f.text, `${basename(f.path)} is stale. ${FIX}`).toBe(committed(f.path));
  });

  it('every generated validator has its schema JSON', () => {
    const sources = readdirSync(GEN).map((f) => f.replace(/\.(js|d\.ts)$/, '.json'));
    expect([...new Set(sources)].sort()).toEqual(schemas.sort());
  });
});

describe('withoutDescriptions', () => {
  it('drops prose but keeps a property that is named description', () => {
    const schema = {
      description: 'A thing.',
      properties: {
        description: { type: 'string', description: 'What it is.' },
        items: { type: 'array', items: { description: 'One.', type: 'string' } },
      },
    };
    expect(withoutDescriptions(schema)).toEqual({
      properties: { description: { type: 'string' }, items: { type: 'array', items: { type: 'string' } } },
    });
  });
});
