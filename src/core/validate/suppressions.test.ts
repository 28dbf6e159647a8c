import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { suppressedCodes } from './suppressions';

const CLI = join(__dirname, '../../../test/fixtures/cli');
const read = (p: string): string => readFileSync(join(CLI, p), 'utf8');
// bookinfo's Services and Deployments and its DestinationRules: a mesh in which reviews has subsets v1..v3.
const MESH = [read('check/bookinfo.yaml'), read('check/destination-rule-all.yaml')].join('\n---\n');
const codesOn = (vs: string, ref = 'VirtualService default/reviews'): string[] =>
  derive(`${MESH}\n---\n${vs}`)
    .diagnostics.filter((d) => d.resource === ref)
    .map((d) => d.code);

describe('annotation suppressions', () => {
  it('the unannotated route to subset v4 is IST0101 (the baseline the others suppress)', () => {
    expect(codesOn(read('check/reviews-v4.yaml'))).toEqual(['IST0101']);
  });

  it('galley.istio.io/analyze-suppress drops the listed code on that resource', () => {
    expect(codesOn(read('suppress/reviews-v4-annotated.yaml'))).toEqual([]);
  });

  it('kiali.io/ignore-validations with an empty value drops every code', () => {
    expect(codesOn(read('suppress/reviews-v4-kiali.yaml'))).toEqual([]);
  });

  it('another code in the annotation leaves IST0101 alone', () => {
    const vs = read('suppress/reviews-v4-annotated.yaml').replace(
      'analyze-suppress: IST0101',
      'analyze-suppress: IST0173',
    );
    expect(codesOn(vs)).toEqual(['IST0101']);
  });

  it('an annotation on one resource does not suppress the same code on another', () => {
    // A second VirtualService, for ratings, with the same mistake (ratings has no subset v4 either).
    const other = read('check/reviews-v4.yaml').replace(/reviews/g, 'ratings');
    const text = `${read('suppress/reviews-v4-annotated.yaml')}\n---\n${other}`;
    expect(codesOn(text, 'VirtualService default/ratings')).toEqual(['IST0101']);
    expect(codesOn(text)).toEqual([]);
  });

  it('reads the annotation values as istioctl and Kiali write them', () => {
    const meta = (annotations: Record<string, string>) => ({ metadata: { annotations } });
    expect(suppressedCodes(meta({ 'galley.istio.io/analyze-suppress': 'IST0108,IST0103' }))).toEqual(
      new Set(['IST0108', 'IST0103']),
    );
    expect(suppressedCodes(meta({ 'galley.istio.io/analyze-suppress': 'IST0108, *' }))).toBe('all');
    expect(suppressedCodes(meta({ 'kiali.io/ignore-validations': 'KIA1104, KIA0201' }))).toEqual(
      new Set(['KIA1104', 'KIA0201']),
    );
    expect(suppressedCodes(meta({ 'galley.istio.io/analyze-suppress': '' }))).toBeUndefined();
    expect(suppressedCodes(meta({ other: 'IST0101' }))).toBeUndefined();
    expect(suppressedCodes({ metadata: 'not a map' })).toBeUndefined();
  });
});
