import { describe, expect, it } from 'vitest';
import type { Diagnostic, QuickFix } from '../../core/validate/types';
import { fixesInRange, isPreferredFix } from './code-actions';

const diag = (start: number, end: number, fixes: Diagnostic['fixes']): Diagnostic => ({
  code: 'IST0101',
  severity: 'error',
  message: 'm',
  resource: 'VirtualService default/reviews',
  path: 'spec',
  range: [start, end],
  fixes,
});
const fix: QuickFix = {
  title: 'create the missing subset',
  intent: { type: 'addSubset', drRef: 'default/reviews', name: 'v9', labels: { version: 'v9' } },
};

describe('fixesInRange', () => {
  it('offers the fixes of diagnostics that touch the range', () => {
    const d = diag(10, 14, [fix]);
    expect(fixesInRange([d], 12, 12)).toEqual([{ diagnostic: d, fix }]);
    expect(fixesInRange([d], 14, 14)).toHaveLength(1);
    expect(fixesInRange([d], 0, 9)).toHaveLength(0);
  });

  it('skips diagnostics without fixes and treats empty ranges as one character', () => {
    expect(fixesInRange([diag(10, 14, undefined)], 12, 12)).toHaveLength(0);
    expect(fixesInRange([diag(10, 10, [fix])], 11, 11)).toHaveLength(1);
  });
});

describe('isPreferredFix', () => {
  it('prefers the first fix of a diagnostic, in the order the rule lists them', () => {
    const change: QuickFix = {
      title: 'Change to `v2`',
      edit: { start: 10, end: 12, text: 'v2', replaces: 'V2' },
    };
    const d = diag(10, 12, [change, fix]);
    const found = fixesInRange([d], 11, 11);
    expect(found.map((f) => f.fix.title)).toEqual(['Change to `v2`', 'create the missing subset']);
    expect(found.map((f) => isPreferredFix(f.diagnostic, f.fix))).toEqual([true, false]);
  });
});
