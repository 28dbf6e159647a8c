import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { corpusFiles } from './corpus-files.test-helper';
import { joinDocuments } from './pieces';
import { exportSelected, splitResources } from './split';

const resources = (text: string) => derive(text).model.resources.map((r) => ({ ref: r.ref, raw: r.raw }));
const cluster = readFileSync('test/fixtures/cluster/kubectl-get-vs-dr-svc-deploy.yaml', 'utf8');
const bookinfo = readFileSync(
  'test/fixtures/corpus/istio/samples/bookinfo/platform/kube/bookinfo.yaml',
  'utf8',
);

describe('splitResources round trip over the corpus', () => {
  const files = corpusFiles();
  it('finds the corpus', () => expect(files.length).toBeGreaterThan(100));
  it.each(files)('%s: split then joined re-imports to the same model', (_path, text) => {
    const files = splitResources(text);
    expect(resources(joinDocuments(files.map((f) => f.text)))).toEqual(resources(text));
    // Each file on its own holds at most one resource.
    for (const f of files) expect(derive(f.text).model.resources.length).toBeLessThanOrEqual(1);
  });
  it.each(files)('%s: exporting every ref re-imports to the same model', (_path, text) => {
    const all = resources(text);
    expect(
      resources(
        exportSelected(
          text,
          all.map((r) => r.ref),
        ),
      ),
    ).toEqual(all);
  });
});

describe('splitResources', () => {
  it('names files <kind>-<namespace>-<name>.yaml, one per resource', () => {
    const names = splitResources(bookinfo).map((f) => f.fileName);
    expect(names).toContain('service-default-productpage.yaml');
    expect(names).toContain('deployment-default-reviews-v2.yaml');
    expect(names).toContain('serviceaccount-default-bookinfo-reviews.yaml');
    expect(names.length).toBe(derive(bookinfo).model.resources.length);
  });

  it('keeps a document comment with its resource and drops the --- line', () => {
    const f = splitResources(bookinfo).find((x) => x.fileName === 'service-default-ratings.yaml');
    expect(f?.text.startsWith('####')).toBe(true);
    expect(f?.text).toContain('# Ratings service');
    expect(f?.text).not.toMatch(/^---/m);
  });

  it('lifts List items into documents of their own, re-indented', () => {
    const files = splitResources(cluster);
    expect(files.map((f) => f.fileName)).toEqual([
      'virtualservice-bookinfo-reviews.yaml',
      'destinationrule-bookinfo-reviews.yaml',
      'service-bookinfo-reviews.yaml',
      'deployment-bookinfo-reviews-v1.yaml',
    ]);
    const dr = files[1]?.text ?? '';
    expect(dr.startsWith('apiVersion: networking.istio.io/v1\nkind: DestinationRule\n')).toBe(true);
    expect(dr).toContain('\n  host: reviews # short name, resolved in bookinfo\n');
    expect(derive(dr).model.resources[0]?.raw).toEqual(derive(cluster).model.resources[1]?.raw);
  });

  it('keeps comment lines above a List item with that item', () => {
    const text =
      'kind: List\nitems:\n# first\n- kind: A\n  metadata: {name: a}\n  # second\n- kind: B\n  metadata:\n    name: b\n';
    const [a, b] = splitResources(text);
    expect(a?.text).toBe('# first\nkind: A\nmetadata: {name: a}\n');
    expect(b?.text).toBe('# second\nkind: B\nmetadata:\n  name: b\n');
  });

  it('sanitises names and makes them unique', () => {
    const text =
      'kind: Service\nmetadata: {name: "My_Svc!", namespace: Prod}\n---\nkind: Service\nmetadata: {name: "my svc", namespace: prod}\n---\nkind: Service\nmetadata: {name: "my svc", namespace: prod}\n';
    expect(splitResources(text).map((f) => f.fileName)).toEqual([
      'service-prod-my-svc.yaml',
      'service-prod-my-svc-2.yaml',
      'service-prod-my-svc-3.yaml',
    ]);
  });

  it('keeps a document that does not parse, under document-<n>.yaml', () => {
    const text = 'kind: Service\nmetadata: {name: a}\n---\nkind: [unclosed\n---\n# only a comment\n';
    const files = splitResources(text);
    expect(files.map((f) => f.fileName)).toEqual(['service-default-a.yaml', 'document-2.yaml']);
    expect(files[1]?.text).toBe('kind: [unclosed\n');
  });
});

describe('exportSelected', () => {
  it('keeps only the listed resources, in text order, as written', () => {
    const out = exportSelected(bookinfo, ['Deployment default/reviews-v1', 'Service default/details']);
    expect(derive(out).model.resources.map((r) => r.ref)).toEqual([
      'Service default/details',
      'Deployment default/reviews-v1',
    ]);
    expect(out).toContain('# Details service');
  });

  it('lifts selected List items out', () => {
    const out = exportSelected(cluster, ['Service bookinfo/reviews']);
    expect(out.startsWith('apiVersion: v1\nkind: Service\n')).toBe(true);
    expect(derive(out).model.resources.map((r) => r.ref)).toEqual(['Service bookinfo/reviews']);
  });

  it('gives an empty text when nothing matches', () => {
    expect(exportSelected(bookinfo, ['Gateway x/y'])).toBe('');
  });
});
