import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { arr, isRec, rec, str, type Rec } from '../model/read';

// Test-only: reads the real manifests under test/fixtures/corpus (never imported by the app).
const ROOT = fileURLToPath(new URL('../../../test/fixtures/corpus', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'istio-crds' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** Every resource of a kind in the real corpus, with the file it came from. */
export function corpusResources(kind: string): { file: string; value: Rec }[] {
  const out: { file: string; value: Rec }[] = [];
  for (const file of yamlFiles(ROOT)) {
    let docs;
    try {
      docs = parseAllDocuments(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!Array.isArray(docs)) continue;
    for (const d of docs) {
      if (d.errors.length) continue;
      const v: unknown = d.toJS();
      const items = isRec(v) && str(v.kind) === 'List' ? arr(v.items) : [v];
      for (const it of items) if (isRec(it) && it.kind === kind) out.push({ file, value: it });
    }
  }
  return out;
}

/** Every traffic policy (host, subset, port level) of every DestinationRule in the corpus. */
export function corpusTrafficPolicies(): { where: string; value: Rec }[] {
  return corpusResources('DestinationRule').flatMap(({ file, value }) => {
    const spec = rec(value.spec);
    const at = `${file.split('corpus/')[1]} ${str(rec(value.metadata).name)}`;
    const out = isRec(spec.trafficPolicy) ? [{ where: at, value: spec.trafficPolicy }] : [];
    arr(spec.subsets).forEach((s, i) => {
      const tp = rec(s).trafficPolicy;
      if (isRec(tp)) out.push({ where: `${at} subset ${i}`, value: tp });
    });
    return out;
  });
}

/** Every route (http, tcp, tls) of every VirtualService in the corpus. */
export function corpusRoutes(): { where: string; value: Rec }[] {
  return corpusResources('VirtualService').flatMap(({ file, value }) => {
    const spec = rec(value.spec);
    const at = `${file.split('corpus/')[1]} ${str(rec(value.metadata).name)}`;
    return (['http', 'tcp', 'tls'] as const).flatMap((p) =>
      arr(spec[p])
        .filter(isRec)
        .map((r, i) => ({ where: `${at} ${p}[${i}]`, value: r })),
    );
  });
}
