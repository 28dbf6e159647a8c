// `npm run schemas`: regenerates src/core/validate/schemas/<kind>.json from the Istio CRDs and precompiles every
// schemas/*.json into schemas/generated/<kind>.js (see schema-gen.ts for what and why). Run it after changing a
// CRD fixture, a hand-written schema (service.json, deployment.json) or ajv-options.ts; schema-gen.test.ts fails
// until then.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileValidator, extractAll, GEN, OUT, type GeneratedFile } from './schema-gen';

function write(files: readonly GeneratedFile[]): void {
  for (const f of files) {
    writeFileSync(f.path, f.text);
    console.log(`${f.path}: ${f.text.length} bytes`);
  }
}

// Schemas first: the validators are compiled from the JSON as written, hand-written ones included.
write(await extractAll());
mkdirSync(GEN, { recursive: true });
for (const file of readdirSync(OUT).filter((f) => f.endsWith('.json'))) {
  write(await compileValidator(file, readFileSync(join(OUT, file), 'utf8')));
}
