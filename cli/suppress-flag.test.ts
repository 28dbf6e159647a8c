import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import type { Finding } from './findings';
import { parseSuppression, suppresses } from './suppress-flag';

const finding = (code: string, resource: string | null): Finding => ({
  code,
  severity: 'error',
  message: '',
  resource,
  file: 'a.yaml',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  related: [],
});

describe('-S CODE=RESOURCE', () => {
  const reviews = finding('IST0101', 'VirtualService default/reviews');
  const cases: [string, boolean][] = [
    ['IST0101=VirtualService default/reviews', true],
    ['IST0101=VirtualService reviews.default', true], // istioctl's own naming
    ['IST0101=VirtualService *.default', true],
    ['IST0101=VirtualService default/*', true],
    ['IST0101=*', true],
    ['IST0101=VirtualService travel/reviews', false],
    ['IST0101=VirtualService reviews.travel', false],
    ['IST0101=DestinationRule default/reviews', false],
    ['IST0101=VirtualService default/review', false], // a prefix is no match without a wildcard
    ['IST0102=VirtualService default/reviews', false],
  ];
  it.each(cases)('%s suppresses VirtualService default/reviews IST0101: %s', (flag, want) => {
    expect(suppresses(parseSuppression(flag), reviews)).toBe(want);
  });

  it('never suppresses a finding about the text itself', () => {
    expect(suppresses(parseSuppression('ITS0001=*'), finding('ITS0001', null))).toBe(false);
  });

  it('refuses values that are not CODE=RESOURCE, as istioctl does', () => {
    for (const bad of ['IST0101', 'IST0101=', '=VirtualService a/b', 'A=B=C']) {
      expect(() => parseSuppression(bad)).toThrow(UsageError);
    }
  });

  it('treats regex characters in a pattern literally', () => {
    expect(suppresses(parseSuppression('IST0101=VirtualService default.reviews'), reviews)).toBe(false);
  });
});
