import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { buildZip, splitResources } from '../../../core/export/index';
import { derive } from '../../../core/derive';
import {
  blockingProblems,
  cleanCounts,
  cleanSummary,
  exportFileNames,
  exportText,
  selectionRefs,
} from './export-plan';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const cluster = readFileSync('test/fixtures/cluster/kubectl-get-multi-doc.yaml', 'utf8');
const none = { nodeId: undefined, edgeId: undefined };

describe('selectionRefs', () => {
  const { graph } = derive(canary);
  it('gives a node its own resource, and a subset its DestinationRule', () => {
    expect(selectionRefs(graph, { ...none, nodeId: 'virtualservice:default/reviews' })).toEqual([
      'VirtualService default/reviews',
    ]);
    expect(selectionRefs(graph, { ...none, nodeId: 'subset:default/reviews/v2' })).toEqual([
      'DestinationRule default/reviews',
    ]);
  });
  it('gives both ends of a selected edge, and nothing without a selection or for unknown ids', () => {
    expect(selectionRefs(graph, { ...none, edgeId: 'route:default/reviews/http/0/0' })).toEqual([
      'VirtualService default/reviews',
      'DestinationRule default/reviews',
    ]);
    expect(selectionRefs(graph, none)).toEqual([]);
    expect(selectionRefs(graph, { ...none, nodeId: 'missing:nothing' })).toEqual([]);
  });
});

describe('exportText and file names', () => {
  it('is exactly the text when neither cleaned nor narrowed', () => {
    expect(exportText(canary, { clean: false, refs: undefined })).toBe(canary);
  });
  it('narrows to the selected resources, comments kept', () => {
    const out = exportText(canary, { clean: false, refs: ['DestinationRule default/reviews'] });
    expect(derive(out).model.resources.map((r) => r.ref)).toEqual(['DestinationRule default/reviews']);
    expect(exportFileNames(canary, { clean: false, refs: ['DestinationRule default/reviews'] })).toEqual([
      'destinationrule-default-reviews.yaml',
    ]);
  });
  it('names one file per resource, lower case and unique, and the zip holds exactly those', () => {
    const names = exportFileNames(canary, { clean: false, refs: undefined });
    expect(names).toContain('virtualservice-default-reviews.yaml');
    expect(names).toContain('service-default-reviews.yaml');
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9.-]+\.yaml$/);
    const zip = unzipSync(buildZip(splitResources(canary)));
    expect(Object.keys(zip)).toEqual(names);
    expect(strFromU8(zip['virtualservice-default-reviews.yaml'] ?? new Uint8Array())).toContain('weight: 90');
  });
  it('cleans cluster output when asked, and says what it removes', () => {
    const out = exportText(cluster, { clean: true, refs: undefined });
    for (const w of ['resourceVersion', 'uid:', 'status:', 'last-applied-configuration']) {
      expect(out).not.toContain(w);
    }
    expect(out).toContain('# the Service above');
    const counts = cleanCounts(derive(cluster).model.resources.map((r) => r.raw));
    expect(counts).toContainEqual({ field: 'status', count: 1 });
    expect(counts).toContainEqual({ field: 'uid', count: 2 });
    expect(counts).toContainEqual({ field: 'last-applied-configuration', count: 1 });
    expect(cleanSummary(counts)).toMatch(/^removes \d+ server-written fields: status \(1\), .*uid \(2\)/);
    expect(cleanCounts(derive(canary).model.resources.map((r) => r.raw))).toEqual([]);
    expect(cleanSummary([])).toBe('nothing server-written to remove');
  });
});

describe('blockingProblems', () => {
  const broken = canary.replace('subset: v2', 'subset: v9');
  const d = derive(broken);
  it('lists error diagnostics with code, resource and message', () => {
    const ps = blockingProblems(d.diagnostics, d.parseErrors, undefined);
    expect(ps).toContainEqual(
      expect.objectContaining({ code: 'IST0101', resource: 'VirtualService default/reviews' }),
    );
    expect(ps.every((p) => p.message.length > 0)).toBe(true);
  });
  it('keeps only the exported resources’ errors when narrowed', () => {
    expect(blockingProblems(d.diagnostics, d.parseErrors, ['Service default/reviews'])).toEqual([]);
  });
  it('lists syntax errors first', () => {
    const s = derive('kind: Service\nmetadata: {name: [\n');
    const ps = blockingProblems(s.diagnostics, s.parseErrors, undefined);
    expect(ps[0]?.resource).toBe('YAML syntax');
  });
  it('is empty for a valid text', () => {
    const v = derive(canary);
    expect(blockingProblems(v.diagnostics, v.parseErrors, undefined)).toEqual([]);
  });
});
