import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { isRec, type Rec } from '../model/read';
import {
  cleanForApply,
  LAST_APPLIED_ANNOTATION,
  looksLikeClusterOutput,
  SERVER_METADATA_FIELDS,
} from './clean';
import { corpusFiles } from './corpus-files.test-helper';

const listFixture = readFileSync('test/fixtures/cluster/kubectl-get-vs-dr-svc-deploy.yaml', 'utf8');
const multiFixture = readFileSync('test/fixtures/cluster/kubectl-get-multi-doc.yaml', 'utf8');

/** The oracle: the same removal done on plain JS values. */
function stripped(raw: Rec): Rec {
  const copy = structuredClone(raw);
  delete copy.status;
  if (isRec(copy.metadata)) {
    const meta = copy.metadata;
    for (const f of SERVER_METADATA_FIELDS) delete meta[f];
    if (isRec(meta.annotations)) {
      delete meta.annotations[LAST_APPLIED_ANNOTATION];
      if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
    }
  }
  return copy;
}

const raws = (text: string) => derive(text).model.resources.map((r) => r.raw);

describe('cleanForApply on kubectl output', () => {
  it.each([
    ['List', listFixture],
    ['multi-document', multiFixture],
  ])('%s: removes exactly the server fields and nothing else', (_name, text) => {
    const cleaned = cleanForApply(text);
    expect(derive(cleaned).parseErrors).toEqual([]);
    expect(raws(cleaned)).toEqual(raws(text).map(stripped));
    expect(raws(cleaned).length).toBe(text === listFixture ? 4 : 2);
    for (const word of [
      'managedFields',
      'resourceVersion',
      'uid:',
      'generation:',
      'status:',
      LAST_APPLIED_ANNOTATION,
    ]) {
      expect(cleaned).not.toContain(word);
    }
  });

  it('keeps every other byte: the result is the source minus whole removed lines', () => {
    const cleaned = cleanForApply(listFixture);
    const kept = cleaned.split('\n');
    const source = listFixture.split('\n');
    // Kept lines appear in the source in the same order (a subsequence), comments included.
    let i = 0;
    for (const line of kept) {
      while (i < source.length && source[i] !== line) i++;
      expect(i).toBeLessThan(source.length);
      i++;
    }
    expect(cleaned).toContain('host: reviews # short name, resolved in bookinfo');
    expect(cleaned).toContain('deployment.kubernetes.io/revision: "1"');
    // The nested pod template's creationTimestamp is not server metadata of the resource.
    expect(cleaned).toContain('creationTimestamp: null');
  });

  it('drops an annotations map left empty, keeps one with other keys', () => {
    const cleaned = cleanForApply(multiFixture);
    expect(cleaned).not.toContain('annotations:');
    expect(cleanForApply(listFixture)).toContain('annotations:\n      team: reviews\n');
  });

  it('drops the List metadata that held only resourceVersion', () => {
    expect(cleanForApply(listFixture).endsWith('kind: List\n')).toBe(true);
  });

  it('handles flow maps and a removed key that shares its line with "- "', () => {
    const text =
      'kind: List\nitems:\n- status: {phase: Running}\n  kind: Pod\n  metadata: {name: p, uid: "1", namespace: x}\n';
    const cleaned = cleanForApply(text);
    expect(cleaned).toBe('kind: List\nitems:\n- kind: Pod\n  metadata: {name: p, namespace: x}\n');
    const last = cleanForApply('kind: Pod\nmetadata: {name: p, generation: 2}\n');
    expect(last).toBe('kind: Pod\nmetadata: {name: p}\n');
  });

  it('leaves a document that does not parse untouched', () => {
    const text = 'kind: Pod\nmetadata:\n  uid: x\n  name: [\n';
    expect(cleanForApply(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = cleanForApply(listFixture);
    expect(cleanForApply(once)).toBe(once);
  });
});

describe('looksLikeClusterOutput', () => {
  it('is true for kubectl output and false once cleaned', () => {
    expect(looksLikeClusterOutput(listFixture)).toBe(true);
    expect(looksLikeClusterOutput(multiFixture)).toBe(true);
    expect(looksLikeClusterOutput(cleanForApply(listFixture))).toBe(false);
  });

  // The one corpus file that carries a server field (`creationTimestamp: null`, as `istioctl` or `kubectl
  // create --dry-run -o yaml` writes it); every other one is hand-written.
  const SERVER_WRITTEN = [
    'wild/redhat-scholars__istio-tutorial__istiofiles_destination-rule-recommendation_cb_policy_pool_ejection.yml',
  ];

  // `cleaned === text` would follow from `looksLikeClusterOutput` by construction (both read the same
  // splices), so the verdict is checked against the file list and against the oracle on plain values.
  it.each(corpusFiles())('%s: cluster output only where the file has server fields', (path, text) => {
    const carries = raws(text).some((raw) => !isDeepStrictEqual(stripped(raw), raw));
    expect(carries).toBe(SERVER_WRITTEN.includes(path));
    expect(looksLikeClusterOutput(text)).toBe(carries);
    const cleaned = cleanForApply(text);
    if (!carries) expect(cleaned).toBe(text);
    expect(raws(cleaned)).toEqual(raws(text).map(stripped));
  });

  it('the corpus has the server-written file the check above expects', () => {
    const paths = corpusFiles().map(([p]) => p);
    for (const p of SERVER_WRITTEN) expect(paths).toContain(p);
  });
});
