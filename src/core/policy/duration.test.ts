import { describe, expect, it } from 'vitest';
import { durationError, formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['1s', 1000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['3m', 180_000],
    ['250us', 0.25],
    ['0', 0],
    [' 7s ', 7000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', 's', '1 s', '1x', '1s2', '-1s', '1d', 'ten seconds', '1.s'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationError', () => {
  it('accepts valid durations', () => {
    for (const t of ['1s', '500ms', '1m30s', '0.5s']) expect(durationError(t)).toBeUndefined();
  });

  it('explains the format, and suggests a unit for a bare number', () => {
    expect(durationError('1x')).toMatch(/not a duration.*like 1s, 500ms or 1m30s/);
    expect(durationError('30')).toMatch(/add a unit: 30s\?/);
  });

  it('enforces the field minimum', () => {
    expect(durationError('0s')).toMatch(/too short: use at least 1ms/);
    expect(durationError('0s', 0)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [90_000, '1m30s'],
    [500, '500ms'],
    [3_600_000, '1h'],
    [0, '0s'],
    [3_723_004, '1h2m3s4ms'],
  ])('writes %d ms as %s, which reads back the same', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
