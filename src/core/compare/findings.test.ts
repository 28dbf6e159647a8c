import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { derived, fixture } from './fixtures.test-helper';
import { diffFindings } from './findings';

describe('diffFindings', () => {
  it('a finding whose rule moved down (path http[0] → http[1]) is neither new nor fixed', () => {
    // Read as the whole mesh (as its diff does) without Services, each reference to the reviews host is an
    // IST0101, at different rule indexes in the two versions.
    const whole = { meshComplete: true };
    const base = derive(fixture('virtual-service-reviews-80-20.yaml'), whole);
    const head = derive(fixture('virtual-service-reviews-jason-v2-v3.yaml'), whole);
    const paths = (ds: typeof base.diagnostics) => ds.filter((d) => d.code === 'IST0101').map((d) => d.path);
    expect(paths(base.diagnostics)).toContain('spec/http[0]/route[0]/destination/host');
    expect(paths(head.diagnostics)).toContain('spec/http[1]/route[0]/destination/host');
    const d = diffFindings(base.diagnostics, head.diagnostics);
    expect(d.added.filter((f) => f.code === 'IST0101' && f.path.endsWith('/host'))).toEqual([]);
    expect(d.fixed.filter((f) => f.code === 'IST0101' && f.path.endsWith('/host'))).toEqual([]);
  });

  it('a subset removed while routed is a new error with its path; putting it back fixes it', () => {
    const base = derived('bookinfo.yaml', 'destination-rule-all.yaml', 'virtual-service-reviews-80-20.yaml');
    const head = derived(
      'bookinfo.yaml',
      'destination-rule-all-reviews-no-v2.yaml',
      'virtual-service-reviews-80-20.yaml',
    );
    const d = diffFindings(base.diagnostics, head.diagnostics);
    expect(d.added.map((f) => [f.code, f.severity, f.resource, f.path])).toContainEqual([
      'IST0101',
      'error',
      'VirtualService default/reviews',
      'spec/http[0]/route[1]/destination/subset',
    ]);
    const back = diffFindings(head.diagnostics, base.diagnostics);
    expect(back.fixed.map((f) => f.path)).toContain('spec/http[0]/route[1]/destination/subset');
    expect(back.ranges.get(back.fixed[0]!)).toBeDefined();
  });
});
