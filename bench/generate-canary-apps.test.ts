import { describe, expect, it } from 'vitest';
import { derive } from '../src/core/derive';
import { generateCanaryApps } from './generate-canary-apps';

describe('the trust issue’s paste', () => {
  it('is 1,000 resources in about 240 KB for 200 apps, and derives without a finding', () => {
    const text = generateCanaryApps(200);
    expect(text.length).toBeGreaterThan(200_000);
    expect(text.length).toBeLessThan(280_000);
    const d = derive(text, { meshComplete: true });
    expect(d.model.resources).toHaveLength(1000);
    expect(d.model.workloads.filter((w) => w.podLabels.version === 'v2')).toHaveLength(200);
    expect(d.diagnostics.filter((x) => x.severity !== 'info')).toEqual([]);
  });
});
