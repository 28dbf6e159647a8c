import { describe, expect, it } from 'vitest';
import { celCheck, durationMs } from './cel';

describe('CEL translations', () => {
  it('parses durations like protobuf does', () => {
    expect(durationMs('1h2m3.5s')).toBe(3_723_500);
    expect(durationMs('250ms')).toBe(250);
    expect(durationMs('10')).toBeUndefined();
  });

  it('translates the rules found in the Istio CRDs', () => {
    const min = celCheck("duration(self) >= duration('1ms')");
    expect([min?.('1ms'), min?.('0.5ms'), min?.('2s')]).toEqual([true, false, true]);
    const oneOf = celCheck('(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1');
    expect([oneOf?.({ tlsCertificates: [] }), oneOf?.({ tlsCertificates: [], credentialNames: [] })]).toEqual(
      [true, false],
    );
    const port = celCheck('0 < self && self <= 65535');
    expect([port?.(80), port?.(0), port?.(70000)]).toEqual([true, false, false]);
  });

  it('skips rules it does not know instead of guessing', () => {
    expect(celCheck('self.all(l1, self.exists_one(l2, l1.number == l2.number))')).toBeUndefined();
  });
});
