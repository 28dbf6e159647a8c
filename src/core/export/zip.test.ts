import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { splitResources } from './split';
import { buildZip } from './zip';

const text = [
  'test/fixtures/corpus/istio/samples/bookinfo/platform/kube/bookinfo.yaml',
  'test/fixtures/corpus/istio/samples/bookinfo/networking/destination-rule-all.yaml',
  'test/fixtures/cluster/kubectl-get-vs-dr-svc-deploy.yaml',
]
  .map((p) => readFileSync(p, 'utf8'))
  .join('---\n');

describe('buildZip', () => {
  it('holds one file per resource, named right and unique, with the split texts', () => {
    // As applied without `-n`: the corpus's resources in `default`, beside the cluster's `bookinfo` ones.
    const files = splitResources(text, { defaultNamespace: 'default' });
    const unzipped = unzipSync(buildZip(files));
    const names = Object.keys(unzipped);
    expect(names).toEqual(files.map((f) => f.fileName));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9.-]+\.yaml$/);
    // reviews DestinationRule exists in both default (corpus) and bookinfo (cluster) namespaces.
    expect(names).toContain('destinationrule-default-reviews.yaml');
    expect(names).toContain('destinationrule-bookinfo-reviews.yaml');
    for (const f of files) expect(strFromU8(unzipped[f.fileName] ?? new Uint8Array())).toBe(f.text);
  });

  it('suffixes clashing names', () => {
    const twice = splitResources(`${text}---\n${text}`, { defaultNamespace: 'default' });
    const names = Object.keys(unzipSync(buildZip(twice)));
    expect(names.length).toBe(twice.length);
    expect(names).toContain('service-default-details-2.yaml');
  });

  it('gives the same bytes for the same files', () => {
    const files = splitResources(text);
    expect(buildZip(files)).toEqual(buildZip(files));
  });
});
