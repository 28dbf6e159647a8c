import { describe, expect, it } from 'vitest';
import { flagList, flagString, parseArgs, UsageError, type FlagSpec } from './args';

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'suppress', short: 'S', value: true, repeat: true },
  { name: 'partial' },
];

describe('parseArgs', () => {
  it('reads the spellings pflag accepts', () => {
    const a = parseArgs(['-o', 'json', 'a.yaml', '-SIST1=x', '--suppress=IST2=y', '-', '--partial'], SPECS);
    expect(flagString(a, 'output', 'text')).toBe('json');
    expect(flagList(a, 'suppress')).toEqual(['IST1=x', 'IST2=y']);
    expect(a.flags.get('partial')).toBe(true);
    expect(a.positionals).toEqual(['a.yaml', '-']);
  });

  it('keeps a switch set to false apart from one not given, and -- ends the flags', () => {
    const a = parseArgs(['--partial=false', '--', '-o'], SPECS);
    expect(a.flags.get('partial')).toBe(false);
    expect(a.positionals).toEqual(['-o']);
    expect(parseArgs([], SPECS).flags.has('partial')).toBe(false);
  });

  it('refuses unknown flags and missing values', () => {
    expect(() => parseArgs(['--nope'], SPECS)).toThrow(UsageError);
    expect(() => parseArgs(['-o'], SPECS)).toThrow(/needs a value/);
    expect(() => parseArgs(['--partial=yes'], SPECS)).toThrow(UsageError);
  });
});
