import { describe, expect, it } from 'vitest';
import { compileRegex, describeStringMatch, matchString } from './string-match';

describe('matchString', () => {
  const cases: [string, unknown, string | undefined, boolean, boolean][] = [
    ['exact hit', { exact: 'jason' }, 'jason', false, true],
    ['exact is case-sensitive', { exact: 'jason' }, 'Jason', false, false],
    ['exact with ignoreCase', { exact: '/Login' }, '/login', true, true],
    ['prefix hit', { prefix: '/api' }, '/api/v1', false, true],
    ['prefix miss', { prefix: '/api' }, '/ap', false, false],
    ['prefix with ignoreCase', { prefix: '/API' }, '/api/x', true, true],
    ['regex is a full match', { regex: 'v[12]' }, 'v1', false, true],
    ['regex does not match a substring', { regex: 'v[12]' }, 'xv1', false, false],
    ['regex alternation stays anchored', { regex: 'a|b' }, 'ab', false, false],
    ['regex ignores ignoreCase', { regex: 'abc' }, 'ABC', true, false],
    ['RE2 (?i) flag', { regex: '(?i)abc' }, 'ABC', false, true],
    ['empty match is presence', {}, '', false, true],
    ['presence fails when absent', {}, undefined, false, false],
    ['exact fails when absent', { exact: '' }, undefined, false, false],
    ['exact empty matches empty', { exact: '' }, '', false, true],
  ];
  it.each(cases)('%s', (_n, spec, value, ignoreCase, ok) => {
    expect(matchString('x', spec, value, ignoreCase).ok).toBe(ok);
  });

  it('says what was expected and what the request had', () => {
    expect(matchString('header end-user', { exact: 'jason' }, 'bob').failure).toBe(
      'header end-user: expected exact "jason", got "bob"',
    );
    expect(matchString('uri', { prefix: '/a' }, undefined).failure).toBe(
      'uri: expected prefix "/a", got nothing',
    );
    expect(matchString('header x', {}, undefined).failure).toBe(
      'header x: expected to be present, got nothing',
    );
  });

  it('fails, not throws, on a bad regex', () => {
    const c = matchString('uri', { regex: '(' }, '(');
    expect(c.ok).toBe(false);
    expect(c.failure).toMatch(/^uri: regex "\(" is invalid/);
    expect(typeof compileRegex('[')).toBe('string');
  });

  it('describes a match', () => {
    expect(describeStringMatch({ regex: 'a.*' })).toBe('regex "a.*"');
    expect(describeStringMatch(null)).toBe('present');
  });
});
