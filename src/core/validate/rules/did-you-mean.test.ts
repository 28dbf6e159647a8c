import { describe, expect, it } from 'vitest';
import { closestName, editDistance, scalarLike } from './did-you-mean';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('reviews', 'reviews')).toBe(0);
    expect(editDistance('reveiws', 'reviews')).toBe(1); // swap
    expect(editDistance('review', 'reviews')).toBe(1); // insertion
    expect(editDistance('rxviews', 'reviews')).toBe(1); // substitution
    expect(editDistance('ratings', 'reviews')).toBe(4); // a→e, t→v, n→e, g→w
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops above the bound with bound + 1', () => {
    expect(editDistance('productpage', 'reviews', 2)).toBe(3);
    expect(editDistance('abcdef', 'a', 1)).toBe(2);
  });
});

describe('closestName', () => {
  it('prefers a name equal but for case', () => {
    expect(closestName('V2', ['v1', 'v2', 'v3'])).toBe('v2');
    expect(closestName('Reviews', ['reviews', 'reviewz'])).toBe('reviews');
  });

  it('takes the nearest name when it is close for the length', () => {
    expect(closestName('reveiws', ['ratings', 'reviews', 'details'])).toBe('reviews');
    expect(closestName('stabel', ['canary', 'stable'])).toBe('stable');
    expect(closestName('productpag', ['productpage', 'details'])).toBe('productpage');
  });

  it('offers nothing when no name is close, or the names differ only in their numbers', () => {
    expect(closestName('v9', ['v1', 'v2'])).toBeUndefined();
    expect(closestName('v3', ['v1', 'v2'])).toBeUndefined();
    expect(closestName('api-v2', ['api-v1'])).toBeUndefined();
    expect(closestName('canary', ['stable'])).toBeUndefined();
    expect(closestName('ab', ['ac'])).toBeUndefined();
    expect(closestName('reviews', ['reviews'])).toBeUndefined();
    expect(closestName('reviews', [])).toBeUndefined();
  });
});

describe('scalarLike', () => {
  it('keeps the quoting of the scalar it replaces', () => {
    expect(scalarLike('V2', 'v2')).toBe('v2');
    expect(scalarLike('"V2"', 'v2')).toBe('"v2"');
    expect(scalarLike("'V2'", 'v2')).toBe("'v2'");
    expect(scalarLike("'V2'", "it's")).toBe("'it''s'");
  });

  it('quotes a plain value kubectl would read as something else', () => {
    expect(scalarLike('Yess', 'yes')).toBe('"yes"');
    expect(scalarLike('v1x', '10')).toBe('"10"');
    expect(scalarLike('a', 'a b')).toBe('"a b"');
    expect(scalarLike('reviewz', 'reviews.default')).toBe('reviews.default');
  });

  it('does not look for typos in names longer than a Kubernetes name can be (their distance took minutes)', () => {
    const long = 'n'.repeat(50_000);
    expect(closestName(long, [`${long}2`, `${long}.example`])).toBeUndefined();
    expect(closestName('reveiws', ['reviews', 'n'.repeat(300)])).toBe('reviews');
  });
});
