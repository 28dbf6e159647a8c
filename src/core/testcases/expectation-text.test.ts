import { describe, expect, it } from 'vitest';
import { formatExpectation, parseExpectationText, parseStatus } from './expectation-text';

describe('expectation text', () => {
  it('reads shares, statuses and clusters, parts joined by ;', () => {
    expect(parseExpectationText('reviews v2').expect).toEqual({
      shares: [{ host: 'reviews', subset: 'v2', percent: 100 }],
    });
    expect(parseExpectationText('404').expect).toEqual({ status: 404 });
    expect(parseExpectationText('status 503').expect).toEqual({ status: 503 });
    expect(parseExpectationText('Redirect').expect).toEqual({ status: 'redirect' });
    expect(parseExpectationText('direct response').expect).toEqual({ status: 'direct-response' });
    expect(parseExpectationText('no match').expect).toEqual({ status: 'no-match' });
    expect(
      parseExpectationText('reviews v1 90%, v2 10%; clusters outbound|9080|v1|r, outbound|9080|v2|r').expect,
    ).toEqual({
      shares: [
        { host: 'reviews', subset: 'v1', percent: 90 },
        { host: 'reviews', subset: 'v2', percent: 10 },
      ],
      clusters: ['outbound|9080|v1|r', 'outbound|9080|v2|r'],
    });
    expect(parseExpectationText('outbound|9080|v2|reviews.default.svc.cluster.local').expect).toEqual({
      clusters: ['outbound|9080|v2|reviews.default.svc.cluster.local'],
    });
  });

  it('a blank text is no expectation; a bad one an error', () => {
    expect(parseExpectationText('  ')).toEqual({ expect: undefined, error: undefined });
    expect(parseExpectationText('status teapot').error).toMatch(/status/);
    expect(parseExpectationText('reviews v1 v2 v3').error).toMatch(/cannot read/);
  });

  it('parseStatus takes HTTP statuses only in range', () => {
    expect(parseStatus(404)).toBe(404);
    expect(parseStatus('301')).toBe(301);
    expect(parseStatus(99)).toBeUndefined();
    expect(parseStatus('fine')).toBeUndefined();
  });

  it('formatExpectation writes what parseExpectationText reads back', () => {
    for (const t of ['reviews v1 80%, v2 20%', 'status 404', 'redirect', 'reviews v2 100%; clusters a, b']) {
      const e = parseExpectationText(t).expect;
      expect(parseExpectationText(formatExpectation(e)).expect).toEqual(e);
    }
    expect(
      formatExpectation({ shares: [{ host: 'reviews', subset: 'v2', percent: 100 }], status: 200 }),
    ).toBe('reviews v2 100%; status 200');
  });
});
