import { describe, expect, it } from 'vitest';
import { errorsAt, introducedErrors, minimalEdit } from './form-commit';

describe('commits', () => {
  it('descends to the one changed field', () => {
    const prev = { a: { b: 1, c: 2 }, d: [1, 2] };
    expect(minimalEdit(0, ['x'], prev, { a: { b: 1, c: 3 }, d: [1, 2] })).toEqual({
      type: 'setValue',
      docIndex: 0,
      path: ['x', 'a', 'c'],
      value: 3,
    });
    expect(minimalEdit(0, ['x'], prev, { a: { b: 1, c: 2 }, d: [1, 5] })?.path).toEqual(['x', 'd', 1]);
    expect(minimalEdit(0, ['x'], prev, { a: { b: 2, c: 3 } })?.path).toEqual(['x']);
    expect(minimalEdit(0, ['x'], prev, { a: { b: 1, c: 2 } })).toMatchObject({
      path: ['x', 'd'],
      value: undefined,
    });
    expect(minimalEdit(0, ['x'], prev, { a: { b: 1, c: 2 }, d: [1, 2] })).toBeUndefined();
  });
  it('finds only new errors', () => {
    const a = { path: 'x', message: 'm' };
    const b = { path: 'y', message: 'n' };
    expect(introducedErrors([a], [a, b])).toEqual([b]);
    expect(errorsAt([a, b], 'y')).toEqual(['n']);
  });
});
