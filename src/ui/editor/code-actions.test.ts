import { describe, expect, it } from 'vitest';
import type { Diagnostic, QuickFix } from '../../core/validate/types';
import { fixesInRange } from './code-actions';

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
