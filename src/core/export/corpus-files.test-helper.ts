import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'test/fixtures/corpus';

/** Every YAML file of the corpus except the CRD schemas, as [relative path, text]. */
export function corpusFiles(): [string, string][] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.ya?ml$/.test(p) && !p.startsWith('istio-crds'))
    .sort()
    .map((p) => [p, readFileSync(join(ROOT, p), 'utf8')]);
}
