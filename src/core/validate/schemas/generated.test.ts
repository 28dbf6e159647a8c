import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from './ajv-options';

const DIR = import.meta.dirname;

describe('generated validators', () => {
  const schemas = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it.each(schemas)('%s is precompiled from its current text (else: npm run schemas)', (file) => {
    const hash = createHash('sha256')
      .update(readFileSync(join(DIR, file), 'utf8'))
      .digest('hex');
    const code = readFileSync(join(DIR, 'generated', file.replace(/\.json$/, '.js')), 'utf8');
    expect(code.startsWith(GENERATED_HEADER(file, hash))).toBe(true);
  });

  it.each(schemas)('%s compiles to code that needs no eval and no require', (file) => {
    const code = readFileSync(join(DIR, 'generated', file.replace(/\.json$/, '.js')), 'utf8');
    expect(code).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });
});
