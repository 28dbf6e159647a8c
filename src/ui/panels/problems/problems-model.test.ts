import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../core/validate/types';
import { ALL_SEVERITIES, problemRows, severityCounts, summary } from './problems-model';

const TEXT = 'a: 1\nb: 2\nc: 3\n';
const diag = (severity: Diagnostic['severity'], start: number, code = 'IST0101'): Diagnostic => ({
  code,
  severity,
  message: 'm',
  resource: 'VirtualService default/reviews',
  path: 'spec',
  range: [start, start + 1],
});

describe('problems model', () => {
  const diags = [diag('error', 5), diag('warning', 10, 'KIA1104'), diag('info', 0, 'ITS0003')];

  it('counts by severity and summarises', () => {
    expect(severityCounts(diags)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(summary(severityCounts(diags))).toBe('1 error, 1 warning, 1 info');
    expect(summary(severityCounts([diag('error', 0), diag('error', 5)]))).toBe('2 errors');
    expect(summary(severityCounts([]))).toBe('No problems');
  });

  it('gives 1-based lines and columns and keeps order', () => {
    const rows = problemRows(diags, TEXT, ALL_SEVERITIES);
    expect(rows.map((r) => [r.diagnostic.code, r.line, r.col])).toEqual([
      ['IST0101', 2, 1],
      ['KIA1104', 3, 1],
      ['ITS0003', 1, 1],
    ]);
  });

  it('filters by severity', () => {
    const rows = problemRows(diags, TEXT, { error: false, warning: true, info: false });
    expect(rows.map((r) => r.diagnostic.code)).toEqual(['KIA1104']);
  });

  it('keys identical findings apart', () => {
    const rows = problemRows([diag('error', 5), diag('error', 5)], TEXT, ALL_SEVERITIES);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });
});
