// Loads compare fixtures (test/fixtures/compare) joined into one text, as a person would paste them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { derive, type Derived } from '../derive';

const DIR = join(__dirname, '../../../test/fixtures/compare');

export function fixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

/** The fixtures joined with `---` and derived. */
export function derived(...names: string[]): Derived {
  return derive(names.map(fixture).join('\n---\n'));
}

export const BOOKINFO = ['bookinfo.yaml', 'destination-rule-all.yaml'];
